// the traditional → simplified subset of opencc-js (its full build is ten times larger)
import * as OpenCC from 'opencc-js/t2cn';
import { applyEdits, replaceAll, type Edit, type Text } from './offsets.js';

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

const t2s = OpenCC.Converter({ from: 'hk', to: 'cn' });

/**
 * UTF-16 units that some dictionary entry changes: for an entry `K V` with V ≠ K, the units of the
 * characters of K that V changes (every character of K when they differ in length). A stage of the
 * converter replaces each matched key by its value and copies the rest, so its output differs from
 * its input only where a matched entry's value differs from its key, i.e. at one of these units: a
 * line holding none of them passes every stage unchanged, and skips the converter. Keyed on the
 * changed units rather than the first unit of a key, because phrase entries (人參 → 人参) would mark
 * common characters (人, 工, 作 …) that no entry ever changes.
 */
const CONVERTIBLE = (() => {
  const units = new Uint8Array(0x10000);
  const markChar = (key: string, i: number): void => {
    units[key.charCodeAt(i)] = 1;
    // the other half of a surrogate pair
    const u = key.charCodeAt(i);
    if (u >= 0xd800 && u <= 0xdbff && i + 1 < key.length) units[key.charCodeAt(i + 1)] = 1;
    if (u >= 0xdc00 && u <= 0xdfff && i > 0) units[key.charCodeAt(i - 1)] = 1;
  };
  const mark = (key: string, value: string): void => {
    if (key === value) return;
    if (key.length === value.length) {
      for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) !== value.charCodeAt(i)) markChar(key, i);
      return;
    }
    // by code point: 二噁英 → 二𫫇英 changes one character though the UTF-16 lengths differ
    const k = [...key];
    const v = [...value];
    let at = 0;
    for (let i = 0; i < k.length; at += k[i].length, i++) if (k.length !== v.length || k[i] !== v[i]) markChar(key, at);
  };
  const addKeys = (dict: unknown): void => {
    if (typeof dict === 'string') {
      // "key value|key value|…" (the converter reads the first word after the key as its value);
      // scanned in place, the dictionaries hold ~50,000 entries
      for (let start = 0; start < dict.length; ) {
        let end = dict.indexOf('|', start);
        if (end < 0) end = dict.length;
        const space = dict.indexOf(' ', start);
        if (space > start && space < end) {
          const next = dict.indexOf(' ', space + 1);
          mark(dict.slice(start, space), dict.slice(space + 1, next > space && next < end ? next : end));
        }
        start = end + 1;
      }
    } else if (Array.isArray(dict)) {
      if (dict.length === 2 && typeof dict[0] === 'string' && typeof dict[1] === 'string' && !dict[0].includes(' ')) mark(dict[0], dict[1]);
      else dict.forEach(addKeys);
    } else if (dict && typeof dict === 'object') Object.values(dict).forEach(addKeys);
  };
  addKeys(OpenCC.Locale.from.hk);
  addKeys(OpenCC.Locale.to.cn);
  // `Converter({ from: 'hk', to: 'cn' })` runs the `hk2s` chain when the build has one (normalisation,
  // then the stages; segmenting only splits the line): its dictionaries, or every chain's if renamed
  const configs = OpenCC.Locale.configs as Record<string, unknown> | undefined;
  addKeys(configs?.hk2s ?? configs);
  return units;
})();

/** The same units as one regex character class: the engine finds the next one natively. */
const CONVERTIBLE_CLASS = (() => {
  const hex = (u: number) => `\\u${u.toString(16).padStart(4, '0')}`;
  let ranges = '';
  for (let u = 0; u < 0x10000; u++) {
    if (!CONVERTIBLE[u]) continue;
    let v = u;
    while (v + 1 < 0x10000 && CONVERTIBLE[v + 1]) v++;
    ranges += v > u ? `${hex(u)}-${hex(v)}` : hex(u);
    u = v;
  }
  return ranges;
})();
const MAY_CONVERT = new RegExp(`[${CONVERTIBLE_CLASS}]`);
const NEXT_CONVERTIBLE = new RegExp(`[${CONVERTIBLE_CLASS}]`, 'g');

export const mayConvert = (line: string): boolean => MAY_CONVERT.test(line);

/**
 * Stray traditional glyphs (優勢 → 优势). Only applied where it keeps the length, so offsets stay
 * 1:1. Each line is converted whole (phrases decide the glyph), and only the lines that hold a
 * unit some dictionary entry changes go through the converter at all.
 */
export function simplifyGlyphs(text: Text): Text {
  const value = text.value;
  const edits: Edit[] = [];
  NEXT_CONVERTIBLE.lastIndex = 0;
  for (let m = NEXT_CONVERTIBLE.exec(value); m; m = NEXT_CONVERTIBLE.exec(value)) {
    const start = value.lastIndexOf('\n', m.index) + 1;
    let end = value.indexOf('\n', m.index);
    if (end < 0) end = value.length;
    const line = value.slice(start, end);
    const converted = t2s(line);
    if (converted.length === line.length && converted !== line) edits.push({ start, end, insert: converted });
    NEXT_CONVERTIBLE.lastIndex = end;
  }
  return applyEdits(text, edits);
}
