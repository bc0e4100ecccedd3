import { chineseToInt } from '../lexicon/numerals.js';
import { DATE, FILE_NUMBER, TITLE_END } from '../lexicon/patterns.js';
import { applyEdits, type Edit, type Text } from './offsets.js';

/** A line this long holding several numbered items is run-on text, not a paragraph. */
const LONG_LINE = 800;
const SECTION = /([一二三四五六七八九十]{1,3})、/g;
const CLAUSE = /（([一二三四五六七八九十]{1,3})）/g;

/**
 * Run-on text (a web page that lost its paragraphs, a copy-paste without line breaks) gets its
 * structural line breaks back: before each 一、 and （一） that continues the numbering, around
 * the 发文字号, after the title and the 主送机关, and before the closing elements. Numbering is
 * followed in sequence, so an enumeration inside a sentence (（一）…；（二）… within （三）) is
 * not split. Only long lines are touched; a normally broken text passes unchanged.
 */
export function relineRunOnText(text: Text): Text {
  const edits: Edit[] = [];
  let pos = 0;
  for (const line of text.value.split('\n')) {
    if (line.length > LONG_LINE) {
      const points = breakPoints(line, text.value.slice(0, pos).trim() === '');
      if (points.length >= 3) for (const at of points) edits.push({ start: pos + at, end: pos + at, insert: '\n' });
    }
    pos += line.length + 1;
  }
  return applyEdits(text, dedupe(edits));
}

function breakPoints(line: string, atTop: boolean): number[] {
  const points = new Set<number>();
  // numbering in sequence: sections 一、二、…, clauses （一）（二）… continuing across sections
  const markers = [
    ...[...line.matchAll(SECTION)].map((m) => ({ at: m.index!, kind: 'section' as const, n: chineseToInt(m[1]) ?? 0 })),
    ...[...line.matchAll(CLAUSE)].map((m) => ({ at: m.index!, kind: 'clause' as const, n: chineseToInt(m[1]) ?? 0 })),
  ].sort((a, b) => a.at - b.at);
  let nextSection = 1;
  let nextClause = 1;
  let sectionJustOpened = false;
  for (const m of markers) {
    const before = line[m.at - 1] ?? '。';
    if (m.kind === 'section' && m.n === nextSection && !/[一二三四五六七八九十第]/.test(before)) {
      points.add(m.at);
      nextSection++;
      sectionJustOpened = true;
    } else if (m.kind === 'clause' && (m.n === nextClause || (sectionJustOpened && m.n === 1 && nextClause > 1))) {
      points.add(m.at);
      nextClause = m.n + 1;
      sectionJustOpened = false;
    }
  }
  const firstSection = Math.min(...[...points], line.length);
  if (atTop) {
    // the 发文字号 near the top stands on its own line
    const fn = new RegExp(FILE_NUMBER.source).exec(line.slice(0, Math.min(firstSection, 400)));
    if (fn) {
      points.add(fn.index);
      points.add(fn.index + fn[0].length);
    }
    // the title ends at its document-type word when a 主送机关 (…：) follows
    const head = line.slice(0, Math.min(firstSection, 600));
    const title = new RegExp(`(${TITLE_END.source.replace(/\$$/, '')})(?=[^。：]{2,160}：)`).exec(head);
    if (title) {
      const end = title.index + title[0].length;
      points.add(end);
      const colon = head.indexOf('：', end);
      if (colon > 0 && colon < end + 200 && !/[。]/.test(head.slice(end, colon))) points.add(colon + 1);
    }
  }
  // closing elements after the last numbered item
  const tailFrom = Math.max(0, ...[...points]);
  const tail = line.slice(tailFrom);
  for (const m of tail.matchAll(/附件[：:]|（此件[^）]{1,10}）|（联系(?:单位|人)/g)) points.add(tailFrom + m.index!);
  for (const m of tail.matchAll(new RegExp(DATE.source, 'g'))) {
    const after = tail.slice(m.index! + m[0].length);
    if (/^(（此件|附件|印发|$)/.test(after)) points.add(tailFrom + m.index!);
  }
  points.delete(0);
  return [...points].filter((p) => p > 0 && p < line.length).sort((a, b) => a - b);
}

function dedupe(edits: Edit[]): Edit[] {
  const seen = new Set<number>();
  return edits.filter((e) => (seen.has(e.start) ? false : (seen.add(e.start), true)));
}
