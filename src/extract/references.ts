import type { Reference } from '../../schemas/notice.js';
import type { Text } from '../normalize/offsets.js';
import { spanAt, type DocumentContext } from './context.js';
import { findFileNumbers } from './file-number.js';
import { bodyParagraphs } from './numbers.js';

const NO_ALIASES: ReadonlySet<string> = new Set();

const IMPLEMENTS = /贯彻|落实|按照|根据|依据|依照|执行|结合/;

/**
 * Other notices named in the body: 《title》 with the 发文字号 that follows it in brackets, and
 * bare 发文字号. `forwards` when this notice forwards it (转发), `implements` when the preamble
 * says it carries it out (贯彻落实/按照…), otherwise `cites`.
 */
export function extractReferences(ctx: DocumentContext, own: { fileNumber: string | null; title: string }): Reference[] {
  const out: Reference[] = [];
  const seen = new Set<string>();
  const preamble = new Set(ctx.outline.preamble);
  const forwarding = /^转发|^.{0,40}转发/.test(own.title);
  // the body's paragraphs as the figure extractors read them (in outline order; an empty one names nothing)
  for (const { text: p } of bodyParagraphs(ctx)) {
    // titles and aliases are printed in 《》: a paragraph without one is not scanned for them
    const titled = p.value.includes('《');
    const aliases = titled ? new Set([...p.value.matchAll(/以下简称《([^》]+)》/g)].map((m) => m[1])) : NO_ALIASES;
    const claimed = new Set<number>();
    for (const m of titled ? p.value.matchAll(/《([^《》]{4,120})》/g) : []) {
      const title = m[1].replace(/\s+/g, '');
      if (aliases.has(title) || !/(通知|意见|决定|办法|方案|规定|细则|条例|规划|计划|要点|指南|标准|批复|函|公告|通告)(（[^）]*）)?$/.test(title.replace(/<[^>]*>/g, ''))) continue;
      const after = p.value.slice(m.index! + m[0].length, m.index! + m[0].length + 50);
      const fn = /^\s*（/.test(after) ? findFileNumbers(after)[0] : undefined;
      const fileNumber = fn && after.indexOf(fn.value.raw) <= 3 ? fn.value.normalized : null;
      if (fn && fileNumber) claimed.add(m.index! + m[0].length + fn.index);
      push(out, seen, own, {
        fileNumber,
        title,
        relation: relationOf(p, m.index!, preamble.has(p), forwarding),
        span: spanAt(ctx, p, m.index! + 1),
      });
    }
    for (const fn of findFileNumbers(p.value)) {
      if (claimed.has(fn.index)) continue;
      push(out, seen, own, { fileNumber: fn.value.normalized, title: null, relation: relationOf(p, fn.index, preamble.has(p), forwarding), span: spanAt(ctx, p, fn.index) });
    }
  }
  return out;
}

function relationOf(p: Text, at: number, inPreamble: boolean, forwarding: boolean): Reference['relation'] {
  const sentenceStart = Math.max(p.value.lastIndexOf('。', at), p.value.lastIndexOf('；', at)) + 1;
  const sentence = p.value.slice(sentenceStart, p.value.indexOf('。', at) < 0 ? undefined : p.value.indexOf('。', at));
  if (forwarding && /转发/.test(sentence)) return 'forwards';
  if (inPreamble && IMPLEMENTS.test(p.value.slice(sentenceStart, at))) return 'implements';
  return 'cites';
}

function push(out: Reference[], seen: Set<string>, own: { fileNumber: string | null; title: string }, r: Reference) {
  if (r.fileNumber && r.fileNumber === own.fileNumber) return;
  if (r.title && r.title === own.title) return;
  const key = r.fileNumber ?? r.title ?? '';
  if (seen.has(key)) return;
  seen.add(key);
  out.push(r);
}
