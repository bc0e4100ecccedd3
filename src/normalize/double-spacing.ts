import { replaceAll, type Text } from './offsets.js';

/** At least this many lines with content before a text's spacing is judged. */
const MIN_LINES = 8;
/** At most this share of its lines may follow another line directly in a double-spaced text. */
const MAX_ADJACENT = 0.05;

/**
 * A copy with a blank line after every line — a web page that wraps each printed line in its own
 * <p>, a word processor's export with space after each paragraph — spreads a title printed on
 * three lines, a signature block and a table's rows over blank-separated lines, where a printed
 * notice keeps them together and uses a blank line to end them. When almost no line with content
 * follows another directly, a single blank line carries nothing: each run of line breaks is halved
 * (two become one; four, an empty line the copy doubled, become two). Markdown is left alone: there
 * a blank line is syntax (it ends a paragraph).
 */
export function undoubleSpacing(text: Text): Text {
  if (!isDoubleSpaced(text.value)) return text;
  return replaceAll(text, /(?:\r?\n){2,}/g, (m) => {
    const breaks = m[0].split('\n').length - 1;
    return (m[0].includes('\r') ? '\r\n' : '\n').repeat(Math.max(1, breaks >> 1));
  });
}

/** Whether the lines with content stand apart, one blank line (or more) between each two. */
export function isDoubleSpaced(value: string): boolean {
  let lines = 0;
  let adjacent = 0;
  let previousHadContent = false;
  let start = 0;
  while (start <= value.length) {
    let end = value.indexOf('\n', start);
    if (end < 0) end = value.length;
    const content = hasContent(value, start, end);
    if (content) {
      lines++;
      if (previousHadContent) adjacent++;
    }
    previousHadContent = content;
    start = end + 1;
  }
  return lines >= MIN_LINES && adjacent <= lines * MAX_ADJACENT;
}

/** Anything but spaces and a carriage return between `start` and `end`. */
function hasContent(value: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = value.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d && c !== 0x3000 && c !== 0xa0) return true;
  }
  return false;
}
