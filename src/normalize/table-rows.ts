import { replaceAll, type Text } from './offsets.js';

const NUM = String.raw`\d+(?:\.\d+)?`;
const NAME = String.raw`[\u4e00-\u9fa5（）()、]{1,12}`;
/** `1 广州 79.80`, `合计 387.56`, `10 山 东 17.88` (a region printed with spaces is one cell). */
const ROW = new RegExp(String.raw`^(?:(\d{1,3})[ \t]+)?((?:[\u4e00-\u9fa5] )*${NAME})((?:[ \t]+(?:${NUM}|—|-))+)$`);
const HEADER = /^(?:[\u4e00-\u9fa5（）()、/]{1,12}[ \t]+){1,7}[\u4e00-\u9fa5（）()、/]{1,12}$/;

/**
 * PDF text layers and text copied from web pages separate table cells with spaces (sometimes a
 * space and a tab) where the source had columns. Rows that are clearly cells (an optional
 * sequence number, a short name, then only numbers) get one tab per separator, as does the
 * header line right above such rows. Runs before CJK spacing is collapsed, which would glue
 * `1 郑州 10.50` into one cell.
 */
export function spacedTableRows(text: Text): Text {
  const lines = text.value.split('\n');
  const isRow = lines.map((l) => ROW.test(l.trim()) && !/^附件/.test(l.trim()));
  const separators = new Set<number>();
  let offset = 0;
  lines.forEach((line, i) => {
    const header = !isRow[i] && isRow[i + 1] && HEADER.test(line.trim()) && !/[。，；：]/.test(line);
    if (isRow[i] || header) {
      const m = ROW.exec(line.trim());
      // single spaces inside a spaced-out region name (山 东) are not cell separators
      const regionStart = m ? line.indexOf(m[2]) : -1;
      const regionEnd = m ? regionStart + m[2].length : -1;
      for (const run of line.matchAll(/[ \t]+/g)) {
        const at = run.index!;
        if (at > regionStart && at < regionEnd - 1 && run[0] === ' ') continue;
        if (at === 0 || at + run[0].length === line.length) continue;
        separators.add(offset + at);
      }
    }
    offset += line.length + 1;
  });
  return replaceAll(text, /[ \t]+/g, (m) => (separators.has(m.index) ? '\t' : null));
}
