import * as OpenCC from 'opencc-js';
import { replaceAll, type Text } from './offsets.js';

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

/** Stray traditional glyphs (優勢 → 优势). Only applied where it keeps the length, so offsets stay 1:1. */
export function simplifyGlyphs(text: Text): Text {
  return replaceAll(text, /[^\n]+/g, (m) => {
    const converted = t2s(m[0]);
    return converted.length === m[0].length ? converted : null;
  });
}
