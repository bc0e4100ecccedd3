// the traditional → simplified subset of opencc-js (its full build is ten times larger)
import * as OpenCC from 'opencc-js/t2cn';
import { applyEdits, replaceAll, type Edit, type Text } from './offsets.js';
import { CONVERTIBLE_RANGES } from './opencc-convertible.js';
import { unitsFromRanges } from './opencc-skip.js';

/** CJK ideographs and the punctuation that sits between them. */
export const CJK = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';
const CJK_PUNCT = '\\u3000-\\u303f\\uff01-\\uff0f\\uff1a-\\uff20\\uff3b-\\uff40\\uff5b-\\uff65\\u2014\\u2018\\u2019\\u201c\\u201d\\u2026';
const isCjk = new RegExp(`[${CJK}${CJK_PUNCT}]`);
const isTight = new RegExp(`[${CJK}${CJK_PUNCT}0-9%.]`);

/**
 * Removes spaces that typesetting put between CJK characters (`人 力 资 源`, `2022 年`, `13 号`):
 * a run of spaces goes when both neighbours are CJK or digits and at least one is CJK. Tabs stay:
 * they separate table cells.
 */
export function collapseCjkSpaces(text: Text): Text {
  return replaceAll(text, /[ \u3000\u00a0]+/g, (m) => {
    const before = text.value[m.index - 1] ?? '\n';
    const after = text.value[m.index + m[0].length] ?? '\n';
    if (before === '\n' || after === '\n') return ''; // leading/trailing spaces of a line
    if (!isTight.test(before) || !isTight.test(after)) return null;
    return isCjk.test(before) || isCjk.test(after) ? '' : null;
  });
}

/** The UTF-16 units that send a line through the converter (opencc-skip.ts), from the table generated from its dictionaries. */
const CONVERTIBLE = unitsFromRanges(CONVERTIBLE_RANGES);

/** The converter, built the first time a line needs it (its dictionaries take ~30 ms to load; most notices need none). */
let converter: ((line: string) => string) | null = null;
const t2s = (line: string): string => (converter ??= OpenCC.Converter({ from: 'hk', to: 'cn' }))(line);

/**
 * The first position from `from` on whose UTF-16 unit the converter can change, or -1. A lookup in
 * the table per unit: the same units as a regex class of CONVERTIBLE's ~2,000 ranges, which the
 * engine searched range by range at every character (13× slower over a notice, and a 17,911-character
 * pattern to compile at start-up).
 */
function nextConvertible(value: string, from: number): number {
  for (let i = from; i < value.length; i++) if (CONVERTIBLE[value.charCodeAt(i)]) return i;
  return -1;
}

export const mayConvert = (line: string): boolean => nextConvertible(line, 0) >= 0;

/**
 * Punctuation that no key of the converter's dictionaries holds (test/normalize.test.ts checks the
 * installed ones). Every stage replaces the longest key starting at a position, so no match crosses
 * one of these: the text between two of them converts on its own exactly as it does inside its line.
 */
export const PIECE_BREAKS = '，。；：、！？';
const isPieceBreak = (code: number) => PIECE_BREAK_CODES.includes(code);
const PIECE_BREAK_CODES = [...PIECE_BREAKS].map((c) => c.charCodeAt(0));

/** An ideographic description operator (⿰ …): the converter copies the sequence it opens whole, whatever follows it, a break too. */
const DESCRIPTION_OPERATOR = /[\u2ff0-\u2fff]/;

/**
 * What the converter makes of a line, converting only the pieces between PIECE_BREAKS that hold a
 * character it can change (a paragraph on one line converted whole cost ~0.1 ms for one 優勢): the
 * same text as converting the line whole. A line holding an ideographic description sequence goes
 * through whole.
 */
export function simplifiedLine(line: string): string {
  if (DESCRIPTION_OPERATOR.test(line)) return t2s(line);
  let out = '';
  let done = 0;
  for (let at = nextConvertible(line, 0); at >= 0; at = nextConvertible(line, done)) {
    let from = at;
    while (from > 0 && !isPieceBreak(line.charCodeAt(from - 1))) from--;
    let to = at + 1;
    while (to < line.length && !isPieceBreak(line.charCodeAt(to))) to++;
    out += line.slice(done, from) + t2s(line.slice(from, to));
    done = to;
  }
  return out + line.slice(done);
}

/**
 * Stray traditional glyphs (優勢 → 优势). Only applied where it keeps the length, so offsets stay
 * 1:1. Each line is converted as a whole (phrases decide the glyph), and only the pieces of it that
 * hold a character the converter can change (opencc-skip.ts, simplifiedLine) go through it at all.
 */
export function simplifyGlyphs(text: Text): Text {
  const value = text.value;
  const edits: Edit[] = [];
  for (let at = nextConvertible(value, 0); at >= 0; ) {
    const start = value.lastIndexOf('\n', at) + 1;
    let end = value.indexOf('\n', at);
    if (end < 0) end = value.length;
    const line = value.slice(start, end);
    const converted = simplifiedLine(line);
    if (converted.length === line.length && converted !== line) edits.push({ start, end, insert: converted });
    at = nextConvertible(value, end);
  }
  return applyEdits(text, edits);
}
