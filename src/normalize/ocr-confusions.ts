import { applyEdits, replaceAll, type Text } from './offsets.js';

/**
 * OCR reads a digit as the Latin letter it looks like: 0 as O/o/D, 1 as l/I/|. In text read by
 * OCR (only there: in typed text `2O22` is what the author wrote), such a letter that stands
 * between digits, or ends a digit run next to a CJK character or bracket, is the digit
 * (`吉人社联〔2O22〕8l号` → `〔2022〕81号`, `1l.29万` → `11.29万`). A letter inside a Latin word
 * (`SM`, `BJTU`, `Xxx`) has no digit beside it and is left alone.
 */
const LOOKALIKE = /(?<=\d\.?)[OoDlI|](?=\.?\d)|(?<=\d)[OoDlI|](?=[\u3400-\u9fff〔〕［］（）()[\]号年月日万元%])|(?<=[\u3400-\u9fff〔［（(\[])[OoDlI|](?=\d)/g;

const DIGIT: Record<string, string> = { O: '0', o: '0', D: '0', l: '1', I: '1', '|': '1' };

export function ocrDigitLookalikes(text: Text): Text {
  return replaceAll(text, LOOKALIKE, (m) => DIGIT[m[0]]);
}

/**
 * OCR's text detector reads two table cells standing close together as one box, so the gap
 * between a row's name and its figure is lost (`5 大庆0.86`). In OCR'd text, a line shaped
 * like a table row — a sequence number, a short CJK name, then only figures — gets the
 * separator back before its first figure.
 */
const GLUED_ROW = /^(\d{1,3}[ \t]*[\u4e00-\u9fa5（）()]{1,12})(\d+(?:\.\d+)?(?:[ \t]+\d+(?:\.\d+)?)*)[ \t]*$/gm;

export function ocrGluedCells(text: Text): Text {
  const edits: { start: number; end: number; insert: string }[] = [];
  for (const m of text.value.matchAll(GLUED_ROW)) edits.push({ start: m.index! + m[1].length, end: m.index! + m[1].length, insert: ' ' });
  return applyEdits(text, edits);
}

/**
 * Look-alike characters the recogniser confuses (目/自, 止/正, 赈/贩, 季/李), corrected only in
 * the words of notices where the misread form is no word at all (`自标任务` is `目标任务`).
 */
const LOOKALIKE_WORDS: [RegExp, string][] = [
  [/自标(?=任务|值|要求|人群|责任)/g, '目标'],
  [/项自(?=建设|资金|实施|库|管理)/g, '项目'],
  [/防正(?=返贫|规模)/g, '防止'],
  [/以工代贩/g, '以工代赈'],
  [/(?<=每|一|二|三|四|本|上|下|各)李度/g, '季度'],
];

export function ocrLookalikeWords(text: Text): Text {
  return LOOKALIKE_WORDS.reduce((t, [re, word]) => replaceAll(t, re, () => word), text);
}

/**
 * The opening bracket of a clause number stands in the indent, and the text detector often
 * leaves it out of the line's box (`五）促进就业` for `（五）促进就业`). In OCR'd text a line
 * opening with a Chinese numeral and a closing bracket gets its opening bracket back.
 */
const CLAUSE_WITHOUT_OPEN = /^([ \t]*)(?=[一二三四五六七八九十百]{1,4}[）)])/gm;

export function ocrClauseBrackets(text: Text): Text {
  const edits: { start: number; end: number; insert: string }[] = [];
  for (const m of text.value.matchAll(CLAUSE_WITHOUT_OPEN)) edits.push({ start: m.index! + m[1].length, end: m.index! + m[1].length, insert: '（' });
  return applyEdits(text, edits);
}
