import { applyEdits, type Edit, type Text } from './offsets.js';

/** At least this many lines with content before a text's wrapping is judged. */
const MIN_LINES = 8;
/** A width below this is a column of short lines (a list, a table), not a wrap. */
const MIN_WIDTH = 16;
/** At least this share of the lines with content must be exactly as wide as the widest. */
const MIN_FULL = 0.5;

/**
 * A copy hard-wrapped at a fixed width — an e-mail or a text tool that breaks every line after N
 * characters — cuts titles, names and dates anywhere (安顺市人民政府202 / 3年9月5日). Such a text
 * shows itself by its line lengths: no line is wider than N and most lines with content are exactly
 * N wide; a shorter line ends a paragraph. Each line exactly N wide is joined to the next line with
 * content; the paragraph breaks stay. Printed notices (and a PDF's text layer, whose widths vary with
 * the glyphs) never have most of their lines exactly as long as the longest.
 */
export function undoHardWrap(text: Text): Text {
  const lines = text.value.split('\n');
  const width = wrapWidth(lines);
  if (width === 0) return text;
  const edits: Edit[] = [];
  let pos = 0;
  for (let i = 0; i < lines.length - 1; i++) {
    const line = lines[i];
    pos += line.length + 1;
    if (lengthOf(line) === width && lines[i + 1].trim() !== '') {
      const cr = line.endsWith('\r') ? 1 : 0;
      edits.push({ start: pos - 1 - cr, end: pos, insert: '' });
    }
  }
  return applyEdits(text, edits);
}

/** A line this share of the widest reaches the right margin in a page's proportional print. */
const NEAR_FULL = 0.8;
/** In a printed run-on text at least this share of the lines with content reach the margin. */
const MIN_NEAR_FULL = 0.95;

/**
 * A text with no paragraph breaks, printed on pages (a run-on web copy saved as PDF): every line
 * runs to the right margin, so its lines differ in length only by the glyphs' widths (digits and
 * Latin letters are narrower than ideographs), the last line aside. A notice laid out in paragraphs has short lines —
 * each paragraph's last, headings, the 落款 — a third of its lines or more; in a run-on print
 * nearly all lines reach the margin. Then each line that does is joined to the next, and the
 * run-on reader (reline.ts) finds the notice's parts in the one line left.
 */
export function undoPrintedRunOn(text: Text): Text {
  const lines = text.value.split('\n');
  const lengths = lines.filter((l) => l.trim() !== '').map(lengthOf);
  if (lengths.length < MIN_LINES) return text;
  const widest = Math.max(...lengths);
  const full = (n: number) => n >= widest * NEAR_FULL;
  // the text's last line ends where the text does, wherever that is
  const body = lengths.slice(0, -1);
  if (widest < MIN_WIDTH || body.filter(full).length < body.length * MIN_NEAR_FULL) return text;
  const edits: Edit[] = [];
  let pos = 0;
  for (let i = 0; i < lines.length - 1; i++) {
    pos += lines[i].length + 1;
    if (full(lengthOf(lines[i])) && lines[i + 1].trim() !== '') edits.push({ start: pos - 1 - (lines[i].endsWith('\r') ? 1 : 0), end: pos, insert: '' });
  }
  return applyEdits(text, edits);
}

/** The width the text is wrapped at, or 0 when it is not hard-wrapped. */
export function wrapWidth(lines: string[]): number {
  const counts = new Map<number, number>();
  let content = 0;
  let widest = 0;
  for (const line of lines) {
    if (line.trim() === '') continue;
    const n = lengthOf(line);
    content++;
    widest = Math.max(widest, n);
    counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  if (content < MIN_LINES || widest < MIN_WIDTH) return 0;
  return (counts.get(widest) ?? 0) >= content * MIN_FULL ? widest : 0;
}

/** Characters (code points) on the line, without a carriage return. */
function lengthOf(line: string): number {
  const n = line.length - (line.endsWith('\r') ? 1 : 0);
  // a character outside the BMP takes two code units: count those only when there are any
  return SURROGATE.test(line) ? n - (line.match(SURROGATES) ?? []).length : n;
}
const SURROGATE = /[\uD800-\uDBFF]/;
const SURROGATES = /[\uD800-\uDBFF](?=[\uDC00-\uDFFF])/g;
