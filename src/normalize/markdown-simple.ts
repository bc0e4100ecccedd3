import type { Edit } from './offsets.js';
import { hasMarkdownSyntax } from './markdown-parser.js';

/**
 * The deletions remark's parse would give for a block made only of the shapes notices use most —
 * `- ` bullets, `#` headings, `---` rules (thematic breaks and setext underlines) and `**…**` pairs —
 * or null when the block holds anything else (then remark parses it).
 *
 * One remark call costs ~0.3 ms before it reads a character (micromark combines its extensions and
 * mdast-util-from-markdown its handlers on every call), and far more than the rest of normalising for
 * a notice whose only syntax is one `- 附件：` line or its `**一、…**` headings. Each shape is accepted
 * only where its reading does not depend on context:
 * - every line starts at column 0 (no indented continuation or code);
 * - a rule is three or more dashes alone on its line, never the block's first line (which, parsed
 *   alone, could open front matter); after a paragraph it underlines a heading, else it is a thematic
 *   break: the dashes go either way;
 * - each `**` is a delimiter run of exactly two that surely opens, or surely closes, under
 *   remark-cjk-friendly's flanking rules (see `strongPairs`), and they pair in order; a pair spans
 *   lines only within one paragraph (lines that continue it, none starting with a digit, which could
 *   open an ordered list that interrupts it).
 * Once that syntax is blanked out, the rest must pass the same gate as a plain block
 * (`hasMarkdownSyntax` false): remark then keeps every other character, and only the marked ones go.
 * The tests hold this equal to remark on every block of the repo's notices and on generated blocks.
 */
export function simpleBlockEdits(value: string, from: number, to: number): Edit[] | null {
  // micromark drops a byte-order mark that starts its input and the positions shift with it
  if (value[from] === '\ufeff') return null;
  const reader: Reader = { deleted: [], first: true, inStrong: false, inParagraph: false };
  for (let start = from; start < to; ) {
    let end = value.indexOf('\n', start);
    if (end < 0 || end > to) end = to;
    if (!readLine(value.slice(start, end), start, reader)) return null;
    start = end + 1;
  }
  if (reader.inStrong || reader.deleted.length === 0) return null;
  if (hasMarkdownSyntax(blankOut(value, from, to, reader.deleted))) return null;
  return deletions(reader.deleted);
}

/**
 * The deletions remark's parse gives for a block quote whose every line starts with `>` (a web
 * copy's note: `> 本文…以[官方链接](https://…)为准。`), or null for anything else: each `>` goes,
 * and of each inline link `[label](destination)` the brackets, parentheses and destination (the
 * label is text). Accepted only where the reading cannot depend on context: at most one space
 * after `>` and no content led by a space (indented code) or a digit (an ordered list), a label without brackets, `^` (footnotes)
 * or a web address (no link inside a link), a destination without spaces, parentheses, `<` or `\`
 * (no title, no nesting), no web address outside the links (an autolink literal can run on into a
 * link's brackets). With that syntax blanked out, the block must pass the plain-text gate
 * (`hasMarkdownSyntax` false: no lists, images, emphasis, nested quotes, setext underlines).
 * One remark call for such a line cost ~1 ms; the tests hold this equal to remark.
 */
export function quoteBlockEdits(value: string, from: number, to: number): Edit[] | null {
  if (value[from] !== '>') return null;
  const deleted: number[] = [];
  for (let start = from; start < to; ) {
    let end = value.indexOf('\n', start);
    if (end < 0 || end > to) end = to;
    if (!quoteLine(value, start, end, deleted)) return null;
    start = end + 1;
  }
  // a web address outside the links is an autolink literal, which can run on into a link's brackets
  const rest = blankOut(value, from, to, deleted);
  if (WEB_ADDRESS.test(rest)) return null;
  // an & that cannot start a character reference (&amp; &#38;) is text: a web address's query (&siteId=…) after a link
  if (hasMarkdownSyntax(rest.replace(LITERAL_AMPERSAND, ' '))) return null;
  return deletions(deleted);
}

const LITERAL_AMPERSAND = /&(?![#A-Za-z0-9]+;)/g;
const LINK_DESTINATION = /^[^\s()<>\\]+$/;
const WEB_ADDRESS = /www\.|:\/\/|@/i;

/** One line of a quote: its `>` and its links' syntax into `deleted`; false when it is another shape. */
function quoteLine(value: string, start: number, end: number, deleted: number[]): boolean {
  if (value[start] !== '>' || value.slice(start, end).includes('\0')) return false;
  deleted.push(start);
  let content = start + 1;
  if (value[content] === ' ') content++;
  // no indented code, and no ordered list (an empty item's marker is syntax, 1. 1. nests one)
  if (content < end && (value[content] === ' ' || value[content] === '\t' || (value[content] >= '0' && value[content] <= '9'))) return false;
  for (let open = value.indexOf('[', content); open >= 0 && open < end; open = value.indexOf('[', open + 1)) {
    const close = value.indexOf(']', open);
    if (close < 0 || close >= end || value[close + 1] !== '(') return false;
    const label = value.slice(open + 1, close);
    if (!label || label.includes('[') || label[0] === '^' || WEB_ADDRESS.test(label)) return false;
    const shut = value.indexOf(')', close);
    if (shut < 0 || shut >= end || !LINK_DESTINATION.test(value.slice(close + 2, shut))) return false;
    deleted.push(open);
    for (let i = close; i <= shut; i++) deleted.push(i);
    open = shut;
  }
  return true;
}

interface Reader {
  /** offsets of the syntax characters, ascending */
  deleted: number[];
  /** no line with content read yet */
  first: boolean;
  /** a `**` opened and not closed yet */
  inStrong: boolean;
  /** the last line was paragraph text (a plain line or a bullet's), which the next plain line continues */
  inParagraph: boolean;
}

const BLANK = /^[ \t]*\r?$/;
const RULE = /^-{3,}[ \t]*\r?$/;
const HEADING = /^#{1,6} /;
const BULLET = /^- (?=[^\s-])/;

/** Reads one line starting at `start`; false when it is not one of the shapes. */
function readLine(line: string, start: number, r: Reader): boolean {
  if (BLANK.test(line)) {
    r.inParagraph = false;
    return !r.inStrong;
  }
  // micromark turns NUL into U+FFFD, so remark's in-order match would drop it: leave such text to remark
  if (line[0] === ' ' || line[0] === '\t' || line.includes('\0')) return false;
  const first = r.first;
  r.first = false;
  if (RULE.test(line)) {
    for (let i = 0; i < line.length && line[i] === '-'; i++) r.deleted.push(start + i);
    r.inParagraph = false;
    return !first && !r.inStrong;
  }
  const heading = HEADING.exec(line);
  const marker = heading ? heading[0].length - 1 : BULLET.test(line) ? 1 : 0;
  // a strong pair open from the line before goes on only in a plain line that continues its paragraph
  if (r.inStrong && (marker > 0 || !r.inParagraph || /^[0-9]/.test(line))) return false;
  for (let i = 0; i < marker; i++) r.deleted.push(start + i);
  if (!strongPairs(line, marker, start, r)) return false;
  // a heading is one line: it neither continues nor is continued
  r.inParagraph = !heading;
  return !(heading && r.inStrong);
}

/** Surely whitespace for micromark's delimiter runs (a line's start and end count as whitespace). */
const surelySpace = (ch: string | undefined): boolean => ch === undefined || ch === ' ' || ch === '\t' || ch === '\r' || ch === '\u3000';
/** Surely not whitespace: JavaScript's \s is wider than micromark's Unicode whitespace, so this errs on the safe side. */
const surelyNotSpace = (ch: string | undefined): boolean => ch !== undefined && !/\s/.test(ch);
/** Letters, digits, ideographs and full-width punctuation: beside them a `**` both opens and closes under remark-cjk-friendly. */
const SURE = /[A-Za-z0-9\u3400-\u4dbf\u4e00-\u9fff\u3001-\u3003\u3008-\u3011\uff01-\uff5e]/;
const sure = (ch: string | undefined): boolean => ch !== undefined && SURE.test(ch);

/**
 * The `**` of one line from `from` on, alternately opening and closing (continuing `r.inStrong`);
 * false for any other use of `*`. A run opens when the character after it is not whitespace and
 * either whitespace (or the line's start) is before it or the character after is `sure`; it closes
 * in the mirror case. (A run after a non-CJK punctuation mark and before a letter would not close,
 * one beside a variation selector depends on the character before that: such lines go to remark.)
 */
function strongPairs(line: string, from: number, start: number, r: Reader): boolean {
  for (let i = line.indexOf('*', from); i >= 0; i = line.indexOf('*', i + 2)) {
    if (line[i + 1] !== '*' || line[i + 2] === '*') return false;
    const before = i > from ? line[i - 1] : undefined;
    const after = line[i + 2];
    const ok = r.inStrong ? surelyNotSpace(before) && (sure(before) || surelySpace(after)) : surelyNotSpace(after) && (surelySpace(before) || sure(after));
    if (!ok) return false;
    r.deleted.push(start + i, start + i + 1);
    r.inStrong = !r.inStrong;
  }
  return true;
}

/** value[from, to) with the marked characters turned into spaces (the gate then sees only the content). */
function blankOut(value: string, from: number, to: number, deleted: number[]): string {
  const parts: string[] = [];
  let pos = from;
  for (const d of deleted) {
    parts.push(value.slice(pos, d), ' ');
    pos = d + 1;
  }
  parts.push(value.slice(pos, to));
  return parts.join('');
}

/** Sorted positions as deletions, neighbours merged (as remark's edits are). */
function deletions(positions: number[]): Edit[] {
  const edits: Edit[] = [];
  for (const p of positions) {
    const last = edits[edits.length - 1];
    if (last && last.end === p) last.end = p + 1;
    else edits.push({ start: p, end: p + 1, insert: '' });
  }
  return edits;
}
