import { cellKind } from './cell-kind.js';
import { flat } from './flat.js';

/**
 * A table printed one cell per line (a Word or web table pasted as text) → a grid of rows, each
 * as wide as the table. Pure: cells carry an opaque `ref` (their place in the document) through.
 *
 * The steps, each a named function below:
 * 1. lines → cells (`toCells`): with blank lines between cells, adjacent lines are one wrapped
 *    cell and a longer gap holds empty cells; without them every line is a cell and a blank line
 *    an empty one; 「—」「/」「-」 are printed empty cells.
 * 2. header / data (`dataStart`): the data begin at 序号 1 followed by a name, at a name followed
 *    by a figure, or at a 合计 row printed first; the header is the cells before.
 * 3. rows (`cutRows`): a row begins at the next 序号 followed by a name, at a 合计, at a name
 *    followed by a figure, or after a full row; a header repeated after a page break is skipped.
 * 4. width (`tableWidth`): the header's cell count, unless every row is narrower (a header of
 *    two levels) — the rows' numeric rhythm decides.
 * 5. fit (`fitRow`): a row too wide joins a name wrapped over two lines; a row too narrow (cells
 *    left out) keeps its name and figures on the left and its trailing notes on the right; a 合计
 *    row short of cells puts its figures under the numeric columns.
 * When the rhythm does not hold, the result says why instead of guessing.
 */

export interface StreamLine<R> {
  /** the line's text; '' for a blank line */
  text: string;
  ref: R;
  /** a tab led the line (a copy that kept a tab before each cell): it begins a cell, '' an empty one */
  tab?: boolean;
}

export interface GridCell<R> {
  text: string;
  ref: R;
  /** tab-led cells without blank lines between them: the first cell after a blank line (a header row starts there) */
  chunk?: boolean;
}

export type Grid<R> =
  | { ok: true; header: GridCell<R>[]; rows: GridCell<R>[][]; width: number }
  | { ok: false; reason: string };

const isNumericCell = (s: string) => cellKind(s).numeric;
const isEmptyCell = (s: string) => cellKind(s).blank;
const isTextCell = (s: string) => !isEmptyCell(s) && !isNumericCell(s);
const isTotal = (s: string) => cellKind(s).totalLabel;
/** A row's name: text that does not start with a digit (221、253 and 2014年12月底 are values). */
const isLabel = (s: string) => isTextCell(s) && !/^\d/.test(cellKind(s).flat) && !cellKind(s).seqHeader;
const seqOf = (s: string): number | null => cellKind(s).seq;
const isFigure = (s: string) => isNumericCell(s) || isEmptyCell(s);
/** 一、城区, 二．郊区: a group's own row, numbered with a Chinese ordinal (it may carry the group's 小计). */
const GROUP_ORDINAL = /^[一二三四五六七八九十]+[、.．]/;
/** A row printed with its figures under the value columns only (合计, 小计, 一、城区 75.5): its label may span columns. */
const isSumLabel = (s: string) => isTotal(s) || GROUP_ORDINAL.test(cellKind(s).flat);
const isSumRow = <R>(row: GridCell<R>[]) => row.some((c) => isSumLabel(c.text));

// ---------------------------------------------------------------------------------------------
// 1. lines → cells

/** A page number printed where a table runs over a page break: -2-, 第2页, 2/5; `2-` when a Markdown reading took `- 2 -` for a list item. */
export const PAGE_NUMBER = /^(?:[-—–－]?\d{1,3}[-—–－]|第\d{1,3}页(?:[，,]?共\d{1,3}页)?|\d{1,3}\/\d{1,3})$/;

export function toCells<R>(lines: StreamLine<R>[]): GridCell<R>[] {
  if (lines.some((l) => l.tab)) return tabCells(lines);
  let from = 0;
  let to = lines.length;
  while (from < to && lines[from].text.trim() === '') from++;
  while (to > from && lines[to - 1].text.trim() === '') to--;
  const body = lines.slice(from, to);
  // gaps between printed lines: mostly one blank line or more → blank lines separate cells
  const spaced = spacedOut(body, (l) => l.text.trim() !== '');
  const cells: GridCell<R>[] = [];
  let blanks = 0;
  let prevPrinted = false;
  for (const l of body) {
    const text = l.text.trim();
    // a page number printed between the cells where the table runs over a page break
    if (PAGE_NUMBER.test(flat(text))) continue;
    if (text === '') {
      blanks++;
      continue;
    }
    if (spaced) {
      // adjacent lines are one cell wrapped; 1 + 2n blank lines hold n empty cells
      if (prevPrinted && blanks === 0) cells[cells.length - 1].text += flat(text);
      else {
        for (let n = 0; n < Math.floor((blanks - 1) / 2); n++) cells.push({ text: '', ref: l.ref });
        cells.push({ text: flat(text), ref: l.ref });
      }
    } else {
      for (let n = 0; n < blanks; n++) cells.push({ text: '', ref: l.ref });
      cells.push({ text: flat(text), ref: l.ref });
    }
    blanks = 0;
    prevPrinted = true;
  }
  return cells;
}

/** Whether blank lines mostly separate the printed lines (then they are not row breaks). */
function spacedOut<R>(lines: StreamLine<R>[], printed: (l: StreamLine<R>) => boolean): boolean {
  const gaps: number[] = [];
  let gap = 0;
  for (const l of lines) {
    if (!printed(l)) gap++;
    else {
      gaps.push(gap);
      gap = 0;
    }
  }
  return gaps.slice(1).filter((g) => g > 0).length * 2 > gaps.length - 1;
}

/**
 * Tab-led lines: the tab, not the line, delimits a cell — a tab alone is an empty cell, a line
 * without a tab continues the cell above (wrapped), and a blank line is never a cell. Without
 * blank lines between cells, a blank line closes a row: the next cell is marked `chunk` (the
 * header's rows are read from there; the data rows are cut by their rhythm, as a row broken by
 * blank lines must be).
 */
function tabCells<R>(lines: StreamLine<R>[]): GridCell<R>[] {
  const spaced = spacedOut(lines, (l) => l.tab === true || l.text.trim() !== '');
  const cells: GridCell<R>[] = [];
  let blank = false;
  for (const l of lines) {
    const text = flat(l.text);
    if (!l.tab && text === '') {
      blank = true;
      continue;
    }
    if (PAGE_NUMBER.test(text)) continue;
    if (!l.tab && cells.length) cells[cells.length - 1].text += text;
    else cells.push({ text, ref: l.ref, ...(blank && !spaced ? { chunk: true } : {}) });
    blank = false;
  }
  return cells;
}

/**
 * A header printed in rows (tab-led, a blank line after each row): a name spans the empty cells to
 * its right unless a row above starts a name there; each column is named by its names top down
 * (目标任务 over 国定标准 | 省定标准 → 目标任务/国定标准). Null for a header of one row.
 */
function layeredHeader<R>(cells: GridCell<R>[]): GridCell<R>[] | null {
  const rows: GridCell<R>[][] = [];
  cells.forEach((c, i) => (i === 0 || c.chunk ? rows.push([c]) : rows[rows.length - 1].push(c)));
  if (rows.length < 2) return null;
  const width = Math.max(...rows.map((r) => r.length));
  const grid = rows.map((r) => Array.from({ length: width }, (_, j) => r[j]?.text ?? ''));
  for (let r = 0; r < grid.length - 1; r++) {
    for (let j = 1; j < width; j++) {
      if (grid[r][j] !== '' || grid[r][j - 1] === '') continue;
      if (rows.slice(0, r).some((above) => (above[j]?.text ?? '') !== '')) continue;
      grid[r][j] = grid[r][j - 1];
    }
  }
  return Array.from({ length: width }, (_, j) => {
    const parts: string[] = [];
    for (const row of grid) if (row[j] !== '' && parts[parts.length - 1] !== row[j]) parts.push(row[j]);
    return { text: parts.join('/'), ref: (rows.find((r) => r[j])?.[j] ?? cells[0]).ref };
  });
}

// ---------------------------------------------------------------------------------------------
// 2. header / data

function dataStart<R>(cells: GridCell<R>[]): number {
  const text = (i: number) => cells[i]?.text ?? '';
  const seqStart = (i: number) => seqOf(text(i)) === 1 && isLabel(text(i + 1)) && !isTotal(text(i + 1));
  const bySeq = cells.findIndex((_, i) => seqStart(i));
  // a name before a figure, unless that figure is the 序号 1 of the first row (the last header cell)
  const byLabel = cells.findIndex((c, i) => isLabel(c.text) && !isTotal(c.text) && isNumericCell(text(i + 1)) && !seqStart(i + 1));
  const byTotal = cells.findIndex((c) => isTotal(c.text));
  const byGroup = cells.findIndex((c) => GROUP_ORDINAL.test(c.text) && isLabel(c.text));
  const starts = [bySeq, byLabel, byTotal, byGroup].filter((i) => i >= 0);
  if (!starts.length) return -1;
  let start = Math.min(...starts);
  // an empty 序号 cell printed before a 合计 that comes first
  if (start === byTotal && start > 0 && cells[start - 1].text === '') start--;
  return start;
}

// ---------------------------------------------------------------------------------------------
// 3. rows

interface Cut<R> {
  rows: GridCell<R>[][];
  numbered: boolean;
}

/** A name right before a numbered row, after a figure or an empty cell: a group row (东部片区) of a numbered table. */
function isGroupStart<R>(cells: GridCell<R>[], i: number): boolean {
  const text = (k: number) => cells[k]?.text ?? '';
  return i > 0 && isLabel(text(i)) && !isTotal(text(i)) && seqOf(text(i + 1)) !== null && isLabel(text(i + 2)) && !isTextCell(text(i - 1));
}

function cutRows<R>(data: GridCell<R>[], header: GridCell<R>[], width: number): Cut<R> {
  const text = (i: number) => data[i]?.text ?? '';
  const numbered = seqOf(text(0)) === 1 || (header.length > 0 && cellKind(header[0].text).seqHeader);
  const headerTexts = header.map((c) => c.text);
  const rows: GridCell<R>[][] = [];
  let cur: GridCell<R>[] | null = null;
  let lastSeq = 0;
  for (let i = 0; i < data.length; i++) {
    // a header printed again after a page break
    if (headerTexts.length > 1 && headerTexts.every((h, k) => text(i + k) === h)) {
      i += headerTexts.length - 1;
      cur = null;
      continue;
    }
    const c = data[i];
    const next = text(i + 1);
    const seqStart = numbered && seqOf(c.text) === lastSeq + 1 && isLabel(next) && !isTotal(next);
    const totalStart = isTotal(c.text) && !(cur && cur.length === 1 && cur[0].text === '');
    const emptyBeforeTotal = c.text === '' && isTotal(next) && (!cur || cur.length >= width);
    const labelStart = !numbered && isLabel(c.text) && cur !== null && cur.length >= 2 && isFigure(next) && next !== '';
    const full = cur !== null && cur.length >= width && (isLabel(c.text) || seqStart || emptyBeforeTotal);
    const groupStart = GROUP_ORDINAL.test(c.text) && isLabel(c.text);
    if (cur === null || seqStart || totalStart || emptyBeforeTotal || labelStart || full || groupStart) {
      cur = [];
      rows.push(cur);
      if (seqStart) lastSeq += 1;
    }
    cur.push(c);
  }
  return { rows: rows.filter((r) => r.some((c) => c.text !== '')), numbered };
}

// ---------------------------------------------------------------------------------------------
// 4. width

/** Joins adjacent text cells (a name or note wrapped over two lines) until the row fits. */
function joinWrapped<R>(row: GridCell<R>[], width: number): GridCell<R>[] {
  const out = row.slice();
  for (let k = 0; out.length > width && k < out.length - 1; ) {
    if (isTextCell(out[k].text) && isTextCell(out[k + 1].text) && !isTotal(out[k + 1].text)) {
      out.splice(k, 2, { text: out[k].text + out[k + 1].text, ref: out[k].ref });
    } else k++;
  }
  return out;
}

/** Trailing text cells of a row (after its last figure): notes, dates, methods. */
function tailOf<R>(row: GridCell<R>[]): number {
  let n = 0;
  for (let k = row.length - 1; k > 0 && !isNumericCell(row[k].text) && row[k].text !== ''; k--) n++;
  return n;
}

/**
 * The column count and names: the header's cells when the rows fit them; a header with more
 * cells than any row has levels (the search in headerLayout); no header, the widest row.
 */
function tableColumns<R>(header: GridCell<R>[], rows: GridCell<R>[][]): { width: number; names: string[]; tail: number } {
  const body = rows.filter((r) => !isSumRow(r));
  const h = header.length;
  const names = header.map((c) => c.text);
  if (body.length === 0) return { width: h, names, tail: 0 };
  const joined = body.map((r) => joinWrapped(r, h || r.length));
  const widest = Math.max(...joined.map((r) => r.length));
  // trailing text columns: as many as at least half of the rows print (one row's stray note is not a column)
  const tails = joined.map(tailOf).sort((a, b) => b - a);
  const tail = tails[Math.floor((tails.length - 1) / 2)];
  if (h === 0) return { width: widest, names: Array<string>(widest).fill(''), tail };
  if (widest >= h) return { width: h, names, tail };
  // what the left-aligned cells before each row's notes hold, column by column
  const leadKinds = Array.from({ length: widest - tail }, (_, j) => {
    const cells = joined.map((r) => r.slice(0, r.length - tailOf(r))[j]?.text ?? '').filter((t) => !isEmptyCell(t));
    return cells.filter(isNumericCell).length * 2 > cells.length ? ('number' as const) : ('text' as const);
  });
  const leaves = headerLayout(names, widest, tail, leadKinds);
  if (leaves) return { width: leaves.length, names: leaves, tail };
  return { width: widest, names: [names[0], ...names.slice(h - widest + 1)], tail };
}

// ---------------------------------------------------------------------------------------------
// 5. fit each row to the width

/** Columns that hold figures in most of the body rows. */
function numericColumns<R>(rows: GridCell<R>[][], width: number): number[] {
  const out: number[] = [];
  for (let j = 0; j < width; j++) {
    const cells = rows.map((r) => r[j].text).filter((t) => !isEmptyCell(t));
    if (cells.length && cells.filter(isNumericCell).length * 2 > cells.length) out.push(j);
  }
  return out;
}

/** A body row as wide as the table: a wrapped name joined; cells left out leave the name and figures left, the notes right. */
function fitBodyRow<R>(row: GridCell<R>[], width: number, tail: number): GridCell<R>[] | string {
  const joined = joinWrapped(row, width);
  if (joined.length === width) return joined;
  if (joined.length > width) return `a row of ${joined.length} cells (${joined.map((c) => c.text || '∅').join(' | ')}) is wider than the ${width} columns`;
  const out: GridCell<R>[] = Array.from({ length: width }, () => ({ text: '', ref: joined[0].ref }));
  const right = Math.min(tailOf(joined), tail);
  joined.slice(0, joined.length - right).forEach((c, k) => (out[k] = c));
  joined.slice(joined.length - right).forEach((c, k) => (out[width - right + k] = c));
  return out;
}

/** A 合计 row short of cells: 合计 in the name column, its figures under the numeric columns in order. */
function fitTotalRow<R>(row: GridCell<R>[], width: number, labelCol: number, numeric: number[]): GridCell<R>[] {
  if (row.length === width) return row;
  const out: GridCell<R>[] = Array.from({ length: width }, () => ({ text: '', ref: row[0].ref }));
  const at = row.findIndex((c) => isSumLabel(c.text));
  out[labelCol] = row[at];
  const figures = row.slice(at + 1).filter((c) => c.text !== '');
  const after = numeric.filter((j) => j > labelCol);
  const slots = after.length >= figures.length ? after : Array.from({ length: width - labelCol - 1 }, (_, k) => labelCol + 1 + k);
  figures.slice(0, slots.length).forEach((c, k) => (out[slots[k]] = c));
  return out;
}

function countTrailing<T>(xs: T[], p: (x: T) => boolean): number {
  let n = 0;
  for (let k = xs.length - 1; k >= 0 && p(xs[k]); k--) n++;
  return n;
}

// ---------------------------------------------------------------------------------------------

/** The cells of a one-cell-per-line block as header + rows of `width` cells, or why not. */
export function streamToGrid<R>(lines: StreamLine<R>[]): Grid<R> {
  const cells = toCells(lines);
  const start = dataStart(cells);
  if (start < 0) return { ok: false, reason: `no data row among ${cells.length} cells: no 序号 1 before a name, no name before a figure, no 合计` };
  let header = layeredHeader(cells.slice(0, start)) ?? cells.slice(0, start).filter((c) => c.text !== '');
  let data = cells.slice(start);
  // a group row (东部片区) right before the first numbered row is data when the rows have group rows too
  // (no row fills the header's width, and names stand alone before numbered rows further down)
  const narrow = Math.max(0, ...cutRows(data, header, header.length || 2).rows.filter((r) => !isSumRow(r)).map((r) => r.length)) < header.length;
  const hasGroupRows = narrow && data.some((_, i) => isGroupStart(data, i));
  if (header.length > 2 && hasGroupRows && isLabel(header[header.length - 1].text) && seqOf(data[0].text) === 1) {
    data = [header[header.length - 1], ...data];
    header = header.slice(0, -1);
  }
  const said = `header ${header.map((c) => c.text).join(' | ') || '(none)'} (${header.length} cells)`;
  const guess = header.length || 2;
  const first = cutRows(data, header, guess);
  // without blank lines between cells, one blank line closing every row separates rows: not a cell
  const closed = first.rows.slice(0, -1);
  const separated = closed.length >= 2 && closed.every((r) => r.length > 1 && r[r.length - 1].text === '');
  if (separated) closed.forEach((r) => r.pop());
  const { width, names, tail } = tableColumns(header, first.rows);
  if (width < 2) return { ok: false, reason: `${said}: fewer than two columns` };
  const rows = width === guess || separated ? first.rows : cutRows(data, header, width).rows;
  const body: GridCell<R>[][] = [];
  for (const row of rows) {
    if (isSumRow(row)) continue;
    const f = fitBodyRow(row, width, tail);
    if (typeof f === 'string') return { ok: false, reason: `${said}, ${width} columns: ${f}` };
    body.push(f);
  }
  const labelCol = Math.max(0, body[0]?.findIndex((c) => isLabel(c.text)) ?? 0);
  const numeric = numericColumns(body, width);
  let b = 0;
  const fitted = rows.map((row) => (isSumRow(row) ? fitTotalRow(row, width, labelCol, numeric) : body[b++]));
  // cells after the last row with a figure (a signature, a note) are not part of the table
  let end = fitted.length;
  while (end > 0 && !fitted[end - 1].some((c) => isNumericCell(c.text))) end--;
  fitted.length = end;
  if (!fitted.some((r) => r.some((c) => isNumericCell(c.text)))) return { ok: false, reason: `${said}: no row holds a figure` };
  const headerCells = names.map((text, j) => ({ text, ref: (header[j] ?? header[0] ?? fitted[0][0]).ref }));
  return { ok: true, header: headerCells, rows: fitted, width };
}

/**
 * Column names from a header of more cells than columns (a header of two or more levels printed
 * one cell per line: 减量化情况 over 总面积 | 主要地类 | 建设用地面积, that over 工业 | 宅基地 | 其他).
 * Without the spans the levels are a search: the first level's cells, some of them groups whose
 * children (two or more each) make up the next level, until no cell is left. Among the layouts
 * with at least `minWidth` leaves (and the name column a leaf of the first level), the one whose
 * trailing `textTail` leaves are named like text columns (时间, 备注 …), then the fewest leaves (a
 * column no row fills is a guess), then the fewest levels. Names are `group/leaf`.
 */
/** Bounds of the header search: a header of more cells is not searched (its columns are named from the right). */
const MAX_HEADER_CELLS = 16;
const MAX_LAYOUTS = 2000;

export function headerLayout(header: string[], minWidth: number, textTail = 0, leadKinds: ('number' | 'text')[] = []): string[] | null {
  if (header.length > MAX_HEADER_CELLS) return null;
  const kinds: Record<number, 'number' | 'text'> = { ...leadKinds };
  interface Node {
    name: string;
    children: Node[];
  }
  const layouts: { leaves: string[]; levels: number }[] = [];
  let budget = 0;
  const leavesOf = (n: Node, prefix: string): string[] => (n.children.length ? n.children.flatMap((c) => leavesOf(c, `${prefix}${n.name}/`)) : [prefix + n.name]);
  // nodes of one level, the cells still to place; fills children level by level
  const build = (roots: Node[], level: Node[], rest: string[], depth: number) => {
    if (layouts.length >= MAX_LAYOUTS) return;
    if (rest.length === 0) {
      layouts.push({ leaves: roots.flatMap((r) => leavesOf(r, '')), levels: depth });
      return;
    }
    const choose = (k: number, taken: number, counts: number[]) => {
      if (--budget < 0) return;
      if (k === level.length) {
        if (taken === 0) return;
        let at = 0;
        const next: Node[] = [];
        level.forEach((n, i) => {
          n.children = rest.slice(at, at + counts[i]).map((name) => ({ name, children: [] }));
          at += counts[i];
          next.push(...n.children);
        });
        build(roots, next, rest.slice(taken), depth + 1);
        level.forEach((n) => (n.children = []));
        return;
      }
      choose(k + 1, taken, [...counts, 0]);
      for (let n = 2; taken + n <= rest.length; n++) choose(k + 1, taken + n, [...counts, n]);
    };
    choose(0, 0, []);
  };
  for (let first = 1; first < header.length; first++) {
    budget = 3000; // each first level gets its own share of the search
    const roots = header.slice(0, first).map((name) => ({ name, children: [] as Node[] }));
    build(roots, roots, header.slice(first), 1);
  }
  // a leaf named like a text column (时间, 备注) over figures, or like a quantity over text, is a misfit;
  // a column no row fills is a guess
  const TEXTISH = /时间|日期|期限|备注|方式|说明|地点|内容|名称|地类|类型|措施|要求|负责/;
  const NUMBERISH = /面积|数|量|金额|资金|投资|^\d{4}年|[（(][^）)]*[）)]$/;
  // a group heads several columns with a descriptive name (减量化情况, 分年度招生任务), not a two-character one
  const groupNames = (leaves: string[]) => new Set(leaves.flatMap((p) => p.split('/').slice(0, -1)));
  // …nor with a text column's name (备注, 时间, 地类 head their own column)
  const score = (leaves: string[]) =>
    -2 * [...groupNames(leaves)].filter((g) => g.length <= 2).length -
    [...groupNames(leaves)].filter((g) => TEXTISH.test(g)).length +
    leaves.reduce((sum, path, j) => {
      const name = path.split('/').pop()!;
      const kind: string = j === 0 ? 'label' : j >= leaves.length - textTail ? 'text' : (kinds[j] ?? 'empty');
      if (kind === 'empty') return sum - 1;
      if (kind === 'text') return sum + (TEXTISH.test(name) ? 1 : NUMBERISH.test(name) ? -1 : 0);
      if (kind === 'number') return sum + (NUMBERISH.test(name) ? 1 : TEXTISH.test(name) ? -1 : 0);
      return sum;
    }, 0);
  // the rows' name column (乡镇, 地区) and their trailing notes span every header level: leaves of the first level
  const topLeaf = (path: string) => !path.includes('/');
  const fit = layouts.filter((l) => l.leaves.length >= minWidth && topLeaf(l.leaves[0]) && l.leaves.slice(l.leaves.length - textTail).every(topLeaf));
  const scored = fit.map((l) => ({ ...l, score: score(l.leaves) }));
  scored.sort((a, b) => b.score - a.score || a.leaves.length - b.leaves.length || a.levels - b.levels);
  return scored[0]?.leaves ?? null;
}
