import { halfUnit } from '../util/precision.js';
import { applyEdits, replaceAll, type Text } from './offsets.js';

const NUM = String.raw`\d+(?:\.\d+)?`;
const NAME = String.raw`[\u4e00-\u9fa5（）()、]{1,12}`;
/** Text cells after the figures (备注: 新建, 改造提升), each after two spaces or a tab. */
const NOTES = String.raw`(?:(?: {2,}|\t)[\u4e00-\u9fa5][\u4e00-\u9fa5（）()、]{0,15})*`;
/** `1 广州 79.80`, `合计 387.56`, `10 山 东 17.88` (a region printed with spaces is one cell), `1  东城街道  40.0  新建`. */
const ROW = new RegExp(String.raw`^(?:(\d{1,3})[ \t]+)?((?:[\u4e00-\u9fa5] )*${NAME})((?:[ \t]+(?:${NUM}|—|-))+)${NOTES}$`);
/** 一、城区, 东部片区: a group's row of its own, between a table's header and its rows. */
const GROUP_LINE = /^(?:[一二三四五六七八九十]+[、.．])?[\u4e00-\u9fa5]{2,12}$/;
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
  // lines already separated by tabs alone (a tab is never a typesetting space) stay as they are
  const isRow = lines.map((l) => {
    const t = l.trim();
    return t.includes(' ') && ROW.test(t) && !t.startsWith('附件');
  });
  const separators = new Set<number>();
  let offset = 0;
  lines.forEach((line, i) => {
    // the header right above the rows, or above a group row (一、城区) that opens them
    const below = isRow[i + 1] || (GROUP_LINE.test(lines[i + 1]?.trim() ?? '') && isRow[i + 2]);
    const header = !isRow[i] && below && HEADER.test(line.trim()) && !/[。，；：]/.test(line);
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
  // no row found (most texts): no run of spaces to turn into a tab, the text as it is
  if (separators.size === 0) return text;
  return replaceAll(text, /[ \t]+/g, (m) => (separators.has(m.index) ? '\t' : null));
}

const SEQ = /^\d{1,3}$/;
const CELL_NAME = /^[\u4e00-\u9fa5（）()、]{1,12}$/;
const CELL_NUM = /^\d+(?:\.\d+)?$/;
const TOTAL = /^(合计|总计)$/;
const HEADER_CELL = /^[\u4e00-\u9fa5（）()、/][\u4e00-\u9fa5（）()、/ ]{0,11}$/;

interface CellLine {
  start: number; // offset of the line in the text
  text: string;
}

/**
 * A PDF text layer prints a table one cell per line (`1`, `济南`, `1.00`, `0.96`, `2`, …) and drops
 * blank cells. Such a block becomes tab-separated rows again. Where a row has fewer figures than
 * the others, the blank is placed where the declared 合计 says it must be: every placement is tried
 * and only one that makes each column add up to its total (within rounding) is accepted; if none
 * or several do, the block is left as it was rather than guessed.
 */
export function cellPerLineRows(text: Text): Text {
  return cellPerLineRowsRepaired(text).text;
}

/**
 * What rejoining a one-cell-per-line table did, by source offset (`Text.map`, stable through the
 * later normalisers): `placed` — the totals placed the blank cells of these rows (value column
 * indices), so the table's sums were used to build it; `unplaced` — rows are short of cells and
 * no single placement fits the totals, so the block was left as printed.
 */
export interface TableRepair {
  kind: 'placed' | 'unplaced';
  /** source offset of the block's first row */
  start: number;
  rows: { start: number; blanks: number[] }[];
}

export function cellPerLineRowsRepaired(text: Text): { text: Text; repairs: TableRepair[] } {
  const lines: CellLine[] = [];
  let at = 0;
  for (const l of text.value.split('\n')) {
    lines.push({ start: at, text: l.trim() === '' ? '' : l });
    at += l.length + 1;
  }
  const edits: { start: number; end: number; insert: string }[] = [];
  const repairs: TableRepair[] = [];
  const sourceOffset = (c: CellLine) => text.map[c.start];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].text.trim() !== '1' || !CELL_NAME.test(lines[i + 1]?.text.trim() ?? '')) continue;
    const block = readBlock(lines, i);
    if (!block) continue;
    if ('unplaced' in block) {
      repairs.push({ kind: 'unplaced', start: sourceOffset(lines[i]), rows: block.unplaced.map((c) => ({ start: sourceOffset(c), blanks: [] })) });
      continue;
    }
    edits.push(...block.edits);
    const placed = block.placed.filter((r) => r.blanks.length > 0);
    if (placed.length) repairs.push({ kind: 'placed', start: sourceOffset(lines[i]), rows: placed.map((r) => ({ start: sourceOffset(r.first), blanks: r.blanks })) });
    i = block.end;
  }
  return { text: edits.length ? applyEdits(text, edits) : text, repairs };
}

type Block =
  | { edits: { start: number; end: number; insert: string }[]; end: number; placed: { first: CellLine; blanks: number[] }[] }
  | { unplaced: CellLine[] };

function readBlock(lines: CellLine[], first: number): Block | null {
  const rows: { cells: CellLine[]; values: CellLine[] }[] = [];
  let i = first;
  let seq = 1;
  while (i < lines.length && lines[i].text.trim() === String(seq) && CELL_NAME.test(lines[i + 1]?.text.trim() ?? '')) {
    const cells = [lines[i], lines[i + 1]];
    const values: CellLine[] = [];
    i += 2;
    while (i < lines.length && CELL_NUM.test(lines[i].text.trim()) && !(lines[i].text.trim() === String(seq + 1) && CELL_NAME.test(lines[i + 1]?.text.trim() ?? ''))) values.push(lines[i++]);
    rows.push({ cells, values });
    seq++;
  }
  if (rows.length < 2 || !TOTAL.test(lines[i]?.text.trim() ?? '')) return null;
  const totalLine = lines[i];
  const totals: CellLine[] = [];
  i++;
  while (i < lines.length && CELL_NUM.test(lines[i].text.trim())) totals.push(lines[i++]);
  const k = Math.max(totals.length, ...rows.map((r) => r.values.length));
  if (k === 0 || totals.length !== k || rows.some((r) => r.values.length === 0)) return null;
  const placements = placeBlanks(rows.map((r) => r.values.map((v) => v.text.trim())), totals.map((t) => t.text.trim()), k);
  // rows short of cells that the totals cannot place: left as printed, and said so
  if (!placements) return rows.some((r) => r.values.length < k) ? { unplaced: rows.filter((r) => r.values.length < k).map((r) => r.cells[0]) } : null;
  const edits: { start: number; end: number; insert: string }[] = [];
  const tabAfter = (c: CellLine, tabs: number) => edits.push({ start: c.start + c.text.length, end: c.start + c.text.length + 1, insert: '\t'.repeat(tabs) });
  rows.forEach((r, n) => {
    // the column of each printed value, blanks skipped; a newline between two printed cells becomes
    // one tab plus one per blank column between them
    const columns = [...Array(k).keys()].filter((col) => !placements[n].includes(col));
    tabAfter(r.cells[0], 1);
    tabAfter(r.cells[1], 1 + columns[0]);
    r.values.forEach((v, j) => {
      if (j < r.values.length - 1) tabAfter(v, columns[j + 1] - columns[j]);
    });
    const trailing = k - 1 - columns[columns.length - 1];
    const last = r.values[r.values.length - 1];
    if (trailing) edits.push({ start: last.start + last.text.length, end: last.start + last.text.length, insert: '\t'.repeat(trailing) });
  });
  // 合计 row: an empty 序号 cell in front keeps the figures under their columns
  edits.push({ start: totalLine.start, end: totalLine.start, insert: '\t' });
  [totalLine, ...totals].forEach((c, idx, all) => {
    if (idx < all.length - 1) edits.push({ start: c.start + c.text.length, end: c.start + c.text.length + 1, insert: idx === 0 ? '\t\t' : '\t' });
  });
  // header lines right above the first row: value-column names become one tab-separated line
  const header: CellLine[] = [];
  for (let h = first - 1; h >= 0 && HEADER_CELL.test(lines[h].text.trim()) && header.length < 8; h--) header.unshift(lines[h]);
  if (header.length >= k) {
    // 序号, 地市, then the value columns: one header row; otherwise the value columns' names
    // under group headings (目标任务 over 国定标准 / 省定标准), each row with two empty key cells
    const named = header.length - k === 2 ? header : header.slice(-k);
    if (named !== header) for (const g of header.slice(0, header.length - k)) edits.push({ start: g.start, end: g.start, insert: '\t\t' });
    if (named.length === k) edits.push({ start: named[0].start, end: named[0].start, insert: '\t\t' });
    named.forEach((c, idx) => {
      if (idx < named.length - 1) edits.push({ start: c.start + c.text.length, end: c.start + c.text.length + 1, insert: '\t' });
    });
  }
  return { edits, end: i - 1, placed: rows.map((r, n) => ({ first: r.cells[0], blanks: placements[n] })) };
}


/** For each row, which value columns are blank; null unless exactly one placement fits the totals. */
function placeBlanks(rows: string[][], totals: string[], k: number): number[][] | null {
  const options = rows.map((vals) => combinations(k, k - vals.length));
  let count = 1;
  for (const o of options) count *= o.length;
  if (count > 4096) return null;
  const fits: number[][][] = [];
  const choice: number[][] = [];
  const walk = (r: number) => {
    if (fits.length > 1) return;
    if (r === rows.length) {
      for (let col = 0; col < k; col++) {
        let sum = 0;
        let bound = halfUnit(totals[col]);
        rows.forEach((vals, n) => {
          const idx = valueIndex(choice[n], col);
          if (idx < 0) return;
          sum += Number(vals[idx]);
          bound += halfUnit(vals[idx]);
        });
        if (Math.abs(sum - Number(totals[col])) > bound + 1e-9) return;
      }
      fits.push(choice.map((c) => [...c]));
      return;
    }
    for (const o of options[r]) {
      choice[r] = o;
      walk(r + 1);
    }
  };
  walk(0);
  return fits.length === 1 ? fits[0] : null;
}

/** The index into a row's printed values of column `col`, or -1 when that column is blank. */
function valueIndex(blanks: number[], col: number): number {
  if (blanks.includes(col)) return -1;
  return col - blanks.filter((b) => b < col).length;
}

function combinations(n: number, r: number): number[][] {
  if (r === 0) return [[]];
  const out: number[][] = [];
  const rec = (start: number, acc: number[]) => {
    if (acc.length === r) return void out.push([...acc]);
    for (let i = start; i < n; i++) rec(i + 1, [...acc, i]);
  };
  rec(0, []);
  return out;
}
