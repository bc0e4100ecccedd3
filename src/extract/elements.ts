import { AGENCY_SUFFIX } from '../segment/classify.js';
import type { ClassifiedLine } from '../segment/documents.js';
import { lineText } from '../segment/lines.js';
import type { DocumentContext } from './context.js';

/** GB/T 9704 版头 and 版记 elements other than the issuer and file number. */
export interface Elements {
  disclosure: string | null;
  copyNumber: string | null;
  secrecy: string | null;
  urgency: string | null;
  signers: string[];
  copyTo: string[];
  addressees: string[];
  attachments: { label: string; title: string; name: string }[];
  printedBy: string | null;
}

export function extractElements(ctx: DocumentContext): Elements {
  const z = ctx.zones;
  const late = [...z.closing, ...z.colophon];
  let disclosure: string | null = null;
  for (const l of late) {
    const m = /^（此件(.{1,12})）$/.exec(l.flat) ?? /^(?:信息)?公开(?:方式|属性|选项|类型)：(.+)$/.exec(l.flat);
    if (l.kind === 'disclosure' && m) {
      disclosure = m[1].replace(/[。.]$/, '');
      break;
    }
  }
  const header = z.header.map((l) => l.flat);
  const copyNumber = header.find((h) => /^\d{6}$/.test(h)) ?? null;
  const secrecy = header.map((h) => /(绝密|机密|秘密)(★[^\s]*)?/.exec(h)?.[0]).find(Boolean) ?? null;
  const urgency = header.find((h) => /^(特急|加急|特提|平急)$/.test(h)) ?? null;
  const signers = z.header.flatMap((l) => signersOf(ctx, l));
  const copyLine = late.find((l) => l.kind === 'copyTo');
  const copyTo = copyLine ? splitList(copyLine.flat.replace(/^抄送[：:]/, '').replace(/[。.]$/, '')) : [];
  const addressees = z.addressee.length ? splitList(z.addressee.map((l) => l.flat).join('').replace(/[：:]$/, '')) : [];
  const printedIdx = z.colophon.findIndex((l) => l.kind === 'printed');
  let printedBy: string | null = null;
  if (printedIdx >= 0) {
    const same = /^(.+?)((\d{4}|[〇○零一二三四五六七八九]{4})年.*印发)$/.exec(z.colophon[printedIdx].flat);
    if (same && same[1]) printedBy = same[1];
    else printedBy = [...z.colophon.slice(0, printedIdx)].reverse().find((l) => l.kind === 'agency' || l.kind === 'text')?.flat ?? null;
  }
  return { disclosure, copyNumber, secrecy, urgency, signers, copyTo, addressees, attachments: attachmentsOf(ctx), printedBy };
}

/**
 * 签发人：张三　李四 — names are separated by spaces that CJK normalisation removed, so they are
 * read from the line as printed in the source.
 */
function signersOf(ctx: DocumentContext, line: ClassifiedLine): string[] {
  const at = line.flat.indexOf('签发人');
  if (at < 0) return [];
  const t = lineText(ctx.text, line);
  const printed = ctx.source.text.slice(t.map[0], t.map[t.value.length]);
  const m = /签\s*发\s*人\s*[：:]\s*(.+)$/.exec(printed);
  return m ? m[1].trim().split(/[\s、，,\u3000]+/).filter(Boolean) : [];
}

/** Splits a list on 、，; where the separator is not inside brackets (`发展改革局（委）` stays whole). */
export function splitList(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if ('（(《'.includes(ch)) depth++;
    if ('）)》'.includes(ch)) depth = Math.max(0, depth - 1);
    const splits = depth === 0 && ('，,；;'.includes(ch) || (ch === '、' && endsItem(cur, s.slice(i + 1))));
    if (splits) {
      if (cur) out.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur) out.push(cur);
  return out;
}

/**
 * Whether a 、 ends a list item. Parallel bodies each end in their own suffix (省财政厅、人力资源社会保障厅)
 * or each start with 各 (各区、各部门); words that share the head after the last of them do not
 * (各省、自治区、直辖市人民政府 is one addressee, as is 各县、自治县、区人民政府).
 */
function endsItem(before: string, after: string): boolean {
  return AGENCY_SUFFIX.test(before.replace(/（[^）]*）$/, '')) || after.startsWith('各');
}

/** 附件说明: `附件：1.…` with following numbered lines (wrapped items joined), or a single `附件：…`. */
function attachmentsOf(ctx: DocumentContext): { label: string; title: string; name: string }[] {
  return attachmentItems(ctx).map((a) => ({ ...a, name: a.title }));
}

function attachmentItems(ctx: DocumentContext): { label: string; title: string }[] {
  const lines = ctx.zones.closing.filter((l) => l.kind !== 'blank');
  const start = lines.findIndex((l) => l.kind === 'attachmentNote');
  if (start < 0) return [];
  const items: string[] = [];
  for (let i = start; i < lines.length; i++) {
    const l = lines[i];
    if (i > start && l.kind !== 'text' && l.kind !== 'agency') break;
    const flat = i === start ? l.flat.replace(/^附件[：:]/, '') : l.flat;
    if (i === start || /^\d+[.、．]/.test(flat)) items.push(flat);
    else items[items.length - 1] += flat;
  }
  if (items[0] === '') items.shift(); // `附件：` alone on its line, the items below it
  if (items.length === 1 && !/^\d+[.、．]/.test(items[0])) return [{ label: '附件', title: items[0] }];
  return items.map((it) => {
    const m = /^(\d+)[.、．]\s*(.*)$/.exec(it);
    return m ? { label: `附件${m[1]}`, title: m[2] } : { label: '附件', title: it };
  });
}
