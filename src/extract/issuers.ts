import type { Span } from '../../schemas/common.js';
import { splitAgencies } from '../lexicon/agencies.js';
import { isAgencyLine, SEAL } from '../segment/classify.js';
import type { ClassifiedLine } from '../segment/documents.js';
import { lineText } from '../segment/lines.js';
import { spanAt, type DocumentContext } from './context.js';

export interface Issuer {
  name: string;
  span: Span | null;
}

const NOT_ISSUER = /^(\d{6}|.*(绝密|机密|秘密)(★.*)?|特急|加急|特提|平急|签发人.*)$/;

/**
 * 发文机关: the 发文机关标志 lines above the title (`广东省财政厅 文件` is 广东省财政厅), else the
 * signature block, else the agencies the title starts with, else the front matter's 发布单位.
 */
export function extractIssuers(ctx: DocumentContext, title: string): Issuer[] {
  const fromHeader = fromLines(ctx, ctx.zones.header.filter((l) => l.kind !== 'fileNumber' && l.kind !== 'blank' && !NOT_ISSUER.test(l.flat)), true);
  const fromSignature = fromLines(ctx, ctx.zones.signature.filter((l) => !SEAL.test(l.flat)), false);
  // A joint notice may print only the lead body in its 版头 (GB/T 9704 7.2.2) and sign with all
  if (fromSignature.length > fromHeader.length && fromHeader.every((h) => fromSignature.some((s) => s.name === h.name))) return fromSignature;
  if (fromHeader.length) return fromHeader;
  const prefix = /^(.{4,}?)(关于|转发|印发)/.exec(title)?.[1];
  if (prefix) {
    const names = splitAgencies(prefix).filter((n) => isAgencyLine(n));
    if (names.length && names.join('') === prefix) return names.map((name) => ({ name, span: ctx.zones.title.length ? spanAt(ctx, lineText(ctx.text, ctx.zones.title[0])) : null }));
  }
  const fm = ctx.frontMatter;
  const key = ['发文机关', '发文单位', '发布单位', '发布机构'].find((k) => fm?.fields[k]);
  if (fm && key && ctx.documentIndex === 0) {
    const names = fm.fields[key].split(/[\s、，,；;]+/).flatMap((n) => splitAgencies(n)).filter((n) => isAgencyLine(n));
    if (names.length) return names.map((name) => ({ name, span: ctx.locate(fm.offsets[key]) }));
  }
  return [];
}

/** Each header line is one agency (or several run together); a wrapped signature block is joined first. */
function fromLines(ctx: DocumentContext, lines: ClassifiedLine[], perLine: boolean): Issuer[] {
  if (!lines.length) return [];
  const groups = perLine ? lines.map((l) => [l]) : [lines];
  const out: Issuer[] = [];
  for (const group of groups) {
    const run = group.map((l) => l.flat).join('').replace(/文件$/, '');
    if (!run) continue;
    const names = splitAgencies(run);
    if (!names.every((n) => isAgencyLine(n))) {
      if (perLine) continue; // a header line that is not an agency (web-page noise) is skipped
      return [];
    }
    let cursor = 0;
    for (const name of names) {
      // find where this name starts among the group's lines, for provenance
      let consumed = 0;
      let span: Span | null = null;
      for (const l of group) {
        if (cursor < consumed + l.flat.length) {
          const t = lineText(ctx.text, l);
          span = spanAt(ctx, t, nthNonSpace(t.value, cursor - consumed));
          break;
        }
        consumed += l.flat.length;
      }
      out.push({ name, span });
      cursor += name.length;
    }
  }
  return out;
}

function nthNonSpace(s: string, n: number): number {
  let seen = 0;
  for (let i = 0; i < s.length; i++) {
    if (/\s/.test(s[i])) continue;
    if (seen === n) return i;
    seen++;
  }
  return 0;
}
