/**
 * Positioned characters of a fixed-layout page (OFD) → its text in reading order: characters
 * are grouped into lines by baseline, lines go top to bottom, characters left to right. A
 * horizontal gap wider than half a character is a space; one of COLUMN_GAP characters or more
 * (a table cell, a right-aligned date) is a TAB, as the PDF text layer marks a column break.
 */
export interface Glyph {
  text: string;
  /** left edge and baseline, in page units (OFD: millimetres, y grows downwards) */
  x: number;
  y: number;
  /** advance width */
  width: number;
  /** font size: the scale for "same line" and "a gap" */
  size: number;
}

/** A baseline within this fraction of the font size counts as the same line (sub/superscripts too). */
const SAME_LINE = 0.4;
/** A gap wider than this fraction of the font size is a space; one this many sizes wide, a column. */
const SPACE_GAP = 0.5;
const COLUMN_GAP = 1.2;

export function pageText(glyphs: Glyph[]): string {
  return linesOf(glyphs).map(lineText).join('\n');
}

export function linesOf(glyphs: Glyph[]): Glyph[][] {
  const byBaseline = [...glyphs].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: Glyph[][] = [];
  let current: Glyph[] = [];
  let baseline = Number.NEGATIVE_INFINITY;
  for (const g of byBaseline) {
    if (current.length && g.y - baseline > SAME_LINE * Math.min(g.size, current[0].size)) {
      lines.push(current);
      current = [];
    }
    if (current.length === 0) baseline = g.y;
    current.push(g);
  }
  if (current.length) lines.push(current);
  return lines.map((line) => line.sort((a, b) => a.x - b.x));
}

function lineText(line: Glyph[]): string {
  let out = '';
  let end = Number.NEGATIVE_INFINITY;
  for (const g of line) {
    const gap = g.x - end;
    if (out && gap >= COLUMN_GAP * g.size) out += '\t';
    else if (out && gap > SPACE_GAP * g.size) out += ' ';
    out += g.text;
    end = Math.max(end, g.x + g.width);
  }
  return out;
}

/** Width of a character when the file does not give its advance: CJK and full-width forms are square, the rest half. */
export function nominalWidth(ch: string, size: number): number {
  return /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? size : size / 2;
}
