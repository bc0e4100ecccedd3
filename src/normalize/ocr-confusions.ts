import { replaceAll, type Text } from './offsets.js';

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
