import { classifyLine, endsTitle, withoutLoneBorder, type LineKind } from './classify.js';
import type { Line } from './lines.js';

export interface ClassifiedLine extends Line {
  kind: LineKind;
  /** the line without any whitespace */
  flat: string;
}

export function classify(lines: Line[]): ClassifiedLine[] {
  // a literal, not `{ ...l }`: spreading each line cost ~100× as much (3 % of a run's CPU time);
  // same keys in the same order as splitLines' lines. A scraped table's right border after the
  // text (`…的通知 |`) is no part of what the line says.
  const out = lines.map((l) => ({ index: l.index, text: l.text, start: l.start, kind: classifyLine(l), flat: withoutLoneBorder(l.text).replace(/\s+/g, '') }));
  markYearlessClosingDate(out);
  return out;
}

/** A month and day alone (5月22日, 五月二十二日): a date only where the text ends with it under a 落款. */
const MONTH_DAY = /^[0-9一二三四五六七八九十〇零]{1,2}月[0-9一二三四五六七八九十〇零]{1,3}日$/;

/**
 * A web copy that dropped the year of its 成文日期 ends with the 落款 over a month and day: that line
 * closes the notice as a dated one does (the 落款 is then read; the date itself stays unknown). Only
 * the text's last line, right under a line naming a body: a month and day elsewhere is body text.
 */
function markYearlessClosingDate(lines: ClassifiedLine[]): void {
  let last = lines.length - 1;
  while (last >= 0 && lines[last].kind === 'blank') last--;
  let above = last - 1;
  while (above >= 0 && lines[above].kind === 'blank') above--;
  if (above >= 0 && lines[above].kind === 'agency' && MONTH_DAY.test(lines[last].flat)) lines[last].kind = 'date';
}

const isSentence = (l: ClassifiedLine) => /[。；！？]/.test(l.flat) && l.flat.length > 30;

/**
 * Splits a file into documents. A new document begins where, after a body has started, a
 * 发文机关标志 (…文件) or a standalone 发文字号 appears with a title close below it; the header
 * block above it (agency lines) belongs to the new document.
 */
export function splitDocuments(lines: ClassifiedLine[]): ClassifiedLine[][] {
  const starts = [0];
  let bodySeen = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (isSentence(l)) bodySeen = true;
    if (!bodySeen || (l.kind !== 'issuerMark' && l.kind !== 'fileNumber')) continue;
    if (!titleBelow(lines, i)) continue;
    // a first block with no title, 发文字号 or date is the page's chrome above the notice (a site's
    // heading and blurb naming the 版头), not a notice of its own
    if (starts.length === 1 && !lines.slice(0, i).some(holdsNotice)) continue;
    let s = i;
    for (let k = i - 1; k > starts[starts.length - 1]; k--) {
      const p = lines[k];
      if (p.kind === 'blank') continue;
      // a line that is only a figure is a table cell above, never part of a 发文机关 block
      if (p.kind === 'agency' || p.kind === 'issuerMark' || (p.kind === 'text' && p.flat.length <= 30 && !/[，。；：]/.test(p.flat) && !/^[\d.,%％]+$/.test(p.flat))) s = k;
      else break;
    }
    starts.push(s);
    bodySeen = false;
    // skip past the header we just found so its own file number does not split again
    while (i + 1 < lines.length && (lines[i + 1].kind === 'blank' || lines[i + 1].kind === 'fileNumber')) i++;
  }
  return starts.map((s, k) => lines.slice(s, starts[k + 1] ?? lines.length));
}

const holdsNotice = (l: ClassifiedLine) => l.kind === 'fileNumber' || l.kind === 'date' || ((l.kind === 'text' || l.kind === 'agency') && endsTitle(l.flat));

function titleBelow(lines: ClassifiedLine[], i: number): boolean {
  let seen = 0;
  for (let k = i + 1; k < lines.length && seen < 12; k++) {
    if (lines[k].kind === 'blank') continue;
    seen++;
    if (endsTitle(lines[k].flat)) return true;
    if (isSentence(lines[k])) return false;
  }
  return false;
}
