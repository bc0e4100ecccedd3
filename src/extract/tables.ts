import type { Span } from '../../schemas/common.js';
import { flat } from './flat.js';
import { cellKind } from './cell-kind.js';
import { unitNames } from '../lexicon/units.js';
import type { Table, TableRow, TableSubtotal } from '../../schemas/notice.js';
import { divisionsForShortName, provinceByShortOrName } from '../lexicon/regions.js';
import type { ClassifiedLine } from '../segment/documents.js';
import { lineText } from '../segment/lines.js';
import { spanAt, type DocumentContext } from './context.js';
import { PAGE_NUMBER, streamToGrid, type GridCell, type StreamLine } from './table-stream.js';
import { charClass, trimEndWhere } from '../util/trim.js';

const CELL_PADDING = charClass(/[ \u3000\u00a0\r]/);

/**
 * Annex tables (附件1 2022年度各市…目标任务表) as rows of per-region figures.
 *
 * Tables reach us in two layouts, both read by structure rather than by line counts:
 * - one row per line, cells separated by tabs (Markdown pipe tables arrive this way too, the
 *   normaliser turns `|` into tabs);
 * - one cell per line (Word/PDF exports, web pages), with or without blank lines between cells,
 *   with or without a tab before each cell (then a line that is only a tab is an empty cell):
 *   table-stream.ts cuts those cells into rows, one reader for every such copy.
 * Either way the cells are cut into header rows (text only, before the first data row), data rows
 * (optional sequence number, a region/name cell, value cells) and the 合计/总计 row.
 */
export function extractTables(ctx: DocumentContext): Table[] {
  return readTables(ctx).tables;
}

/** A block of table cells the reader could not lay out, and why (for the table-unread finding). */
export interface UnreadTable {
  annex: ClassifiedLine;
  line: ClassifiedLine;
  reason: string;
}

export function readTables(ctx: DocumentContext): { tables: Table[]; unread: UnreadTable[] } {
  const tables: Table[] = [];
  const unread: UnreadTable[] = [];
  for (const annex of ctx.zones.annexes) {
    for (const t of annexTables(ctx, annex.heading, annex.lines)) {
      if ('reason' in t) unread.push({ annex: annex.heading, line: t.line, reason: t.reason });
      else tables.push(t);
    }
  }
  return { tables, unread };
}

// ---------------------------------------------------------------------------------------------
// cells and lines

interface Cell {
  /** the cell as printed, surrounding spaces trimmed */
  text: string;
  line: ClassifiedLine;
  /** index of text[0] in the line (line.start + k is its offset in the normalised text) */
  k: number;
}

type Shape =
  | { kind: 'empty'; line: ClassifiedLine }
  | { kind: 'text'; line: ClassifiedLine; flat: string }
  | { kind: 'cell'; line: ClassifiedLine; cells: Cell[]; plain?: boolean }
  | { kind: 'row'; line: ClassifiedLine; cells: Cell[] };

/** The line as it stands in the normalised text: `line.text` drops lines that are only a tab. */
function rawLine(ctx: DocumentContext, line: ClassifiedLine): string {
  const value = ctx.text.value;
  let end = value.indexOf('\n', line.start);
  if (end < 0) end = value.length;
  return trimEndWhere(value.slice(line.start, end), CELL_PADDING);
}

function splitCells(ctx: DocumentContext, line: ClassifiedLine, raw: string): Cell[] {
  const cells: Cell[] = [];
  let from = 0;
  for (let i = 0; i <= raw.length; i++) {
    if (i < raw.length && raw[i] !== '\t') continue;
    const piece = raw.slice(from, i);
    const lead = piece.length - piece.replace(/^[ \u3000\u00a0]+/, '').length;
    cells.push({ text: piece.trim(), line, k: from + lead });
    from = i + 1;
  }
  // Markdown pipe tables: the outer pipes became tabs, and leave an empty cell at each end
  const isPipe = (p: number) => ctx.source.text[ctx.text.map[line.start + p]] === '|';
  if (cells.length > 1 && raw[0] === '\t' && isPipe(0) && cells[0].text === '') cells.shift();
  if (cells.length > 1 && raw[raw.length - 1] === '\t' && isPipe(raw.length - 1) && cells[cells.length - 1].text === '') cells.pop();
  return cells;
}

function shapeOf(ctx: DocumentContext, line: ClassifiedLine): Shape {
  const raw = rawLine(ctx, line);
  if (!raw.includes('\t')) return raw.trim() === '' ? { kind: 'empty', line } : { kind: 'text', line, flat: raw.replace(/\s+/g, '') };
  const cells = splitCells(ctx, line, raw);
  const single = raw[0] === '\t' && raw.indexOf('\t', 1) < 0;
  if (single) {
    const content = cells[cells.length - 1].text;
    // a tab-indented paragraph is not a table cell
    if (content.length > 40 || /[。；]/.test(content)) return { kind: 'text', line, flat: raw.replace(/\s+/g, '') };
    return { kind: 'cell', line, cells: [cells[cells.length - 1]] };
  }
  return { kind: 'row', line, cells };
}

// ---------------------------------------------------------------------------------------------
// cell types

const YEAR = /^(?:19|20)\d{2}$/;

const isNumeric = (s: string) => cellKind(s).numeric;
/** A non-empty cell that is neither a number nor a placeholder dash. */
const isText = (s: string) => s !== '' && !cellKind(s).numeric && !cellKind(s).placeholder;
const isTotal = (s: string) => cellKind(s).total;
const isSubtotal = (s: string) => cellKind(s).subtotalGroup !== null;
const isSeqHeader = (s: string) => cellKind(s).seqHeader;

/** A unit printed on its own (`单位：万人`, `（公顷）`): any unit of the one unit table (src/lexicon/units.ts), with a scale word. */
const UNIT = new RegExp(`^(?:单位[：:])?((?:[十百千万亿]|万亿)?(?:${unitNames()}))$`);

/** `目标任务（万人）` → name 目标任务, unit 万人. */
function splitUnit(name: string): { name: string; unit: string | null } {
  const m = /^(.+?)[（(]([^（）()]{1,8})[）)]$/.exec(name);
  if (m) {
    const u = UNIT.exec(m[2]);
    if (u) return { name: m[1], unit: u[1] };
  }
  return { name, unit: null };
}

const UNIT_LINE = /^[（(]?单位[：:]([^）)]{1,12})[）)]?$/;
const META_LINE = /^(?:[（(]?单位[：:]|填报|填表|制表|审核|负责人|联系人|联系电话|注[：:]|注\d|说明[：:]|备注[：:]|附件|\d+[.、．])/;

// ---------------------------------------------------------------------------------------------
// annexes → table blocks

interface Block {
  shapes: Shape[];
  before: Shape[];
  after: Shape[];
}

function annexTables(ctx: DocumentContext, heading: ClassifiedLine, lines: ClassifiedLine[]): (Table | { reason: string; line: ClassifiedLine })[] {
  const label = flat(heading.text).replace(/[：:.．、]$/, '') || null;
  const shapes = markCellRuns(ctx, lines.map((l) => shapeOf(ctx, l)));
  const blocks: Block[] = [];
  let before: Shape[] = [];
  let current: Shape[] | null = null;
  const close = (i: number): boolean => {
    if (!current) return false;
    let made = false;
    const tableLines = current.filter((s) => s.kind === 'row' || s.kind === 'cell').length;
    if (tableLines >= 2) {
      const after: Shape[] = [];
      for (let k = i; k < shapes.length && shapes[k].kind !== 'row' && shapes[k].kind !== 'cell'; k++) after.push(shapes[k]);
      blocks.push({ shapes: current, before, after });
      made = true;
    } else before = before.concat(current);
    current = null;
    return made;
  };
  for (let i = 0; i < shapes.length; i++) {
    const s = shapes[i];
    if (s.kind === 'row' || s.kind === 'cell') {
      if (!current) current = [];
      current.push(s);
      continue;
    }
    if (s.kind === 'empty') {
      if (current) current.push(s);
      else before.push(s);
      continue;
    }
    // a page number between tab rows: the table goes on over the page break
    if (current && PAGE_NUMBER.test(s.kind === 'text' ? s.flat : '') && continuesRows(shapes, i)) {
      current.push({ kind: 'empty', line: s.line });
      continue;
    }
    // a short line that lost its tab between tab-led cells (二、郊区 read as a heading): one more cell
    if (current && continuesCells(shapes, i)) {
      current.push({ kind: 'cell', line: s.line, cells: [{ text: s.line.text.trim(), line: s.line, k: 0 }] });
      continue;
    }
    // a short line without tabs between tab rows: a full-width merged row (东部地区), the table goes on
    if (current && continuesRows(shapes, i)) {
      current.push({ kind: 'row', line: s.line, cells: [{ text: s.line.text.trim(), line: s.line, k: 0 }] });
      continue;
    }
    if (current && close(i)) before = [];
    before.push(s);
  }
  close(shapes.length);

  const tables: (Table | { reason: string; line: ClassifiedLine })[] = [];
  for (const b of blocks) {
    const t = parseBlock(ctx, label, b);
    if (t && 'reason' in t) tables.push({ reason: t.reason, line: b.shapes.find((x) => x.kind === 'cell' || x.kind === 'row')!.line });
    else if (t) tables.push(t);
  }
  return tables;
}

const CELL_BREAK = /^(?:[（(]?单位[：:]|填报|填表|制表|审核|负责人|联系人|联系电话|注[：:]|注\d|说明[：:]|备注[：:]|附件)/;

/** A line that can be one cell of a table printed one cell per line: short, not a sentence, not a title or a note. */
function cellLike(s: Shape): boolean {
  if (s.kind !== 'text') return false;
  const f = s.flat;
  if (f.length > 40 || /[。；！？：:]/.test(f) || CELL_BREAK.test(f)) return false;
  return !(f.length >= 8 && /[表单录]$/.test(f));
}

/**
 * Runs of short lines without tabs that hold many figures and some names are a table printed one
 * cell per line (a Word or web table pasted as text): their lines become plain cells.
 */
function markCellRuns(ctx: DocumentContext, shapes: Shape[]): Shape[] {
  const out = shapes.slice();
  for (let i = 0; i < shapes.length; ) {
    if (!cellLike(shapes[i])) {
      i++;
      continue;
    }
    let j = i;
    while (j < shapes.length && (cellLike(shapes[j]) || shapes[j].kind === 'empty')) j++;
    const printed = shapes.slice(i, j).filter((s): s is Extract<Shape, { kind: 'text' }> => s.kind === 'text');
    const figures = printed.filter((s) => isNumeric(s.flat)).length;
    const names = printed.filter((s) => isText(s.flat) && !/^\d/.test(s.flat)).length;
    if (printed.length >= 6 && figures >= 3 && names >= 2) {
      for (let k = i; k < j; k++) {
        const s = shapes[k];
        if (s.kind !== 'text') continue;
        const raw = rawLine(ctx, s.line);
        const lead = raw.length - raw.replace(/^[ \u3000\u00a0\t]+/, '').length;
        out[k] = { kind: 'cell', line: s.line, cells: [{ text: raw.trim(), line: s.line, k: lead }], plain: true };
      }
    }
    i = j;
  }
  return out;
}

/** The nearest shape before (step -1) or after (step 1) `i` that is not a blank line; scans only the blank lines between. */
function neighbour(shapes: Shape[], i: number, step: 1 | -1): Shape | undefined {
  let k = i + step;
  while (k >= 0 && k < shapes.length && shapes[k].kind === 'empty') k += step;
  return shapes[k];
}

/** A cell-like line between two tab-led cells (not plain ones: those are marked already). */
function continuesCells(shapes: Shape[], i: number): boolean {
  if (!cellLike(shapes[i])) return false;
  const prev = neighbour(shapes, i, -1);
  const next = neighbour(shapes, i, 1);
  return prev?.kind === 'cell' && !prev.plain && next?.kind === 'cell' && !next.plain;
}

function continuesRows(shapes: Shape[], i: number): boolean {
  const s = shapes[i];
  if (s.kind !== 'text') return false;
  if (s.flat.length > 15 || /[：:。；，]/.test(s.flat) || META_LINE.test(s.flat) || /[表单录]$/.test(s.flat)) return false;
  return neighbour(shapes, i, -1)?.kind === 'row' && neighbour(shapes, i, 1)?.kind === 'row';
}

// ---------------------------------------------------------------------------------------------
// a block → header rows + data rows

interface ParsedRow {
  seq: number | null;
  label: Cell;
  labelIndex: number;
  cells: Cell[];
  total: boolean;
  subtotal: boolean;
  /** a group label printed left of the name column (a label spanning rows starts on this row) */
  group?: Cell;
}

/** Where an untitled table starts: its first non-empty cell, else its first line. */
function firstCellSpan(ctx: DocumentContext, tableLines: Shape[]): Span {
  for (const s of tableLines) {
    if (s.kind !== 'row' && s.kind !== 'cell') continue;
    const cell = s.cells.find((c) => c.text !== '');
    if (cell) return cellSpan(ctx, cell);
  }
  return spanAt(ctx, lineText(ctx.text, tableLines[0].line), 0);
}

function parseBlock(ctx: DocumentContext, label: string | null, block: Block): Table | { reason: string } | null {
  const tableLines = block.shapes.filter((s) => s.kind === 'row' || s.kind === 'cell');
  const cellLines = tableLines.filter((s) => s.kind === 'cell').length;
  const stream = cellLines > tableLines.length - cellLines;
  const split = stream || tableLines.some((s) => s.kind === 'cell' && s.plain) ? splitCellLines(block.shapes) : splitRows(block.shapes);
  if ('reason' in split) return { reason: split.reason };
  let { header } = split;
  const { data } = split;

  // title and unit from the lines above the table (a 单位 line may also sit in the header)
  let unit: string | null = null;
  const titleParts: { flat: string; line: ClassifiedLine }[] = [];
  for (const s of block.before) {
    if (s.kind !== 'text') continue;
    const u = UNIT_LINE.exec(s.flat);
    if (u) {
      unit = u[1];
      continue;
    }
    if (META_LINE.test(s.flat) || /[。；]/.test(s.flat) || s.flat.length > 60) continue;
    titleParts.push({ flat: s.flat, line: s.line });
  }
  for (const s of block.after) {
    const u = s.kind === 'text' ? UNIT_LINE.exec(s.flat) : null;
    if (u && !unit) unit = u[1];
  }
  header = header
    .map((row) =>
      row.filter((c) => {
        const u = UNIT_LINE.exec(cellKind(c.text).flat);
        if (u && !unit) unit = u[1];
        return !u;
      }),
    )
    .filter((row) => row.length > 0);

  const parsed = ordinalGroups(data.map(parseRow).filter((r): r is ParsedRow => r !== null));
  // where the region column sits, and how many value columns follow it
  const labelIndex = nameColumn(parsed) ?? mode(parsed.filter((r) => !r.total && !r.subtotal).map((r) => r.labelIndex)) ?? headerLabelIndex(header);
  const rows = parsed.map((r) => spannedLabel(r, labelIndex));
  const bodyRows = rows.filter((r) => !r.total && !r.subtotal);
  const grid = headerGrid(header);
  const width = Math.max(0, ...grid.map((r) => r.length));
  const rowLength = mode(bodyRows.map((r) => r.cells.length));
  const valueCount = Math.max(
    width - labelIndex - 1,
    ...bodyRows.map((r) => trimTrailing(r.cells.slice(r.labelIndex + 1)).length),
    0,
  );

  // column names
  const units: (string | null)[] = [];
  const rawNames: string[] = [];
  for (let j = 0; j < valueCount; j++) {
    const col = labelIndex + 1 + j;
    const name = grid.length ? columnName(grid, col) : '';
    const { name: bare, unit: u } = splitUnit(name);
    units.push(u);
    rawNames.push(bare || (valueCount === 1 ? '数值' : `列${col + 1}`));
  }
  const columns = dedupe(rawNames);
  if (!unit) {
    const distinct = [...new Set(units.filter((u): u is string => u !== null))];
    if (distinct.length === 1) unit = distinct[0];
  }
  const regionHeader = grid.length ? columnName(grid, labelIndex) : '';

  const valuesOf = (r: ParsedRow): Cell[] => {
    // positional when the row is as wide as the others (合计 printed in the 序号 column)
    if (rowLength !== null && r.cells.length === rowLength && r.labelIndex <= labelIndex) {
      return r.cells.slice(labelIndex + 1, labelIndex + 1 + valueCount);
    }
    return align(r.cells.slice(r.labelIndex + 1), valueCount);
  };
  const record = (cells: Cell[]) => {
    const values: Record<string, number | null> = {};
    const printed: Record<string, string | null> = {};
    columns.forEach((name, j) => {
      const text = cells[j]?.text ?? '';
      printed[name] = text === '' ? null : text;
      values[name] = text === '' ? null : cellKind(text).value;
    });
    return { values, printed };
  };

  const grouped = rows.some((r) => r.subtotal) || bodyRows.filter((r) => r.seq !== null).length * 2 > bodyRows.length;
  const items = rows.map((r): BodyItem => {
    const { values, printed } = record(valuesOf(r));
    const name = cellKind(r.label.text).flat;
    const span = cellSpan(ctx, r.label);
    const opens = r.group ? cellKind(r.group.text).flat : null;
    if (r.total) return { kind: 'total', values, printed };
    if (r.subtotal) return { kind: 'subtotal', group: opens ?? (cellKind(r.label.text).subtotalGroup || null), opens: opens !== null, values, printed, span };
    const blank = Object.values(printed).every((v) => v === null);
    // a merged full-width row (东部地区, 一、城区) carries nothing but its name: a group where rows are
    // numbered or summed by 小计, or where it is named like one; else a row whose cells are all blank
    if (r.seq === null && blank && r.cells.filter((c) => c.text !== '').length === 1 && (grouped || GROUP_NAME.test(name))) return { kind: 'group', name };
    const inferred = inferredColumns(ctx, r, columns);
    return { kind: 'row', opens, row: { seq: r.seq, region: name, values, printed, ...(inferred ? { inferred } : {}), span } };
  });
  const { rows: outRows, subtotals, declaredTotal, declaredTotalPrinted } = groupRows(items);

  const numericRows = outRows.filter((r) => Object.values(r.values).some((v) => v !== null));
  const textRows = outRows.filter((r) => Object.values(r.printed).some((v) => v !== null));
  let kind: Table['kind'];
  if (numericRows.length > 0) kind = looksRegional(regionHeader, columns, outRows) ? 'target' : 'other';
  else if ((header.length > 0 && textRows.length === 0) || hasFormMarks(block)) kind = 'form';
  else kind = 'other';
  if (kind === 'other' && outRows.length === 0 && header.length === 0) return null;

  const span = titleParts.length ? spanAt(ctx, lineText(ctx.text, titleParts[0].line), 0) : firstCellSpan(ctx, tableLines);

  return {
    label,
    title: titleParts.length ? titleParts.map((p) => p.flat).join('') : null,
    kind,
    unit,
    columns,
    rows: outRows,
    declaredTotal,
    declaredTotalPrinted,
    ...(subtotals.length ? { subtotals } : {}),
    ...(outRows.some((r) => r.inferred) ? { repairedFrom: 'totals' as const } : {}),
    span,
  };
}

/** What a parsed row is in the table's body. `opens`: the row starts a group (a label spanning rows, printed on it). */
type BodyItem =
  | { kind: 'total'; values: Record<string, number | null>; printed: Record<string, string | null> }
  | { kind: 'group'; name: string }
  | { kind: 'subtotal'; group: string | null; opens: boolean; values: Record<string, number | null>; printed: Record<string, string | null>; span: Span }
  | { kind: 'row'; opens: string | null; row: TableRow };

/** 一、城区, 二．郊区: a group label numbered with a Chinese ordinal. */
const GROUP_ORDINAL = /^[一二三四五六七八九十]+[、.．]/;
/** A name that says it is a group: 一、城区, 东部片区, 东部地区, 城区组团. */
const GROUP_NAME = /^[一二三四五六七八九十]+[、.．]|(?:片区|地区|区域|组团|板块|类)$/;

/** 一、城区 or 东部片区 with figures, among numbered rows: the group's own row, carrying its 小计 (printed at the top). */
function ordinalGroups(rows: ParsedRow[]): ParsedRow[] {
  const body = rows.filter((r) => !r.total && !r.subtotal);
  if (body.filter((r) => r.seq !== null).length * 2 < body.length) return rows;
  return rows.map((r) =>
    r.seq === null && !r.total && GROUP_NAME.test(cellKind(r.label.text).flat) && r.cells.some((c) => isNumeric(c.text)) ? { ...r, subtotal: true, group: r.label } : r,
  );
}

/**
 * The body rows with their groups and 小计. A group starts at a group row (东部片区) or at a label
 * spanning rows; a 小计 right where a group starts adds up the rows that follow, up to the next
 * group or 小计 (printed at the top); any other 小计 adds up the rows since the group started or
 * since the last 小计 (printed at the bottom), and closes the group. The first 合计 with figures is
 * the declared total.
 */
function groupRows(items: BodyItem[]) {
  const rows: TableRow[] = [];
  const subtotals: TableSubtotal[] = [];
  let declaredTotal: Record<string, number | null> | null = null;
  let declaredTotalPrinted: Record<string, string | null> | null = null;
  let group: string | null = null;
  let from = 0;
  let open: TableSubtotal | null = null;
  const start = (name: string | null) => {
    if (open) open.to = rows.length;
    open = null;
    group = name;
    from = rows.length;
  };
  for (const item of items) {
    if (item.kind === 'total') {
      if (declaredTotal === null && Object.values(item.values).some((v) => v !== null)) {
        declaredTotal = item.values;
        declaredTotalPrinted = item.printed;
      }
      if (open) start(group);
    } else if (item.kind === 'group') start(item.name);
    else if (item.kind === 'subtotal') {
      const { kind: _, opens, ...figures } = item;
      if (opens) start(item.group);
      const top = opens || (rows.length === from && group !== null && !open);
      const sub: TableSubtotal = { ...figures, group: item.group ?? group, from, to: rows.length };
      subtotals.push(sub);
      if (top) open = sub;
      else start(null);
    } else {
      if (item.opens !== null && item.opens !== group) start(item.opens);
      rows.push(group === null ? item.row : { ...item.row, group });
    }
  }
  start(null);
  return { rows, subtotals, declaredTotal, declaredTotalPrinted };
}

/** The columns of a row whose cells the normaliser placed by the totals (every value column of a row that had blanks). */
function inferredColumns(ctx: DocumentContext, r: ParsedRow, columns: string[]): string[] | null {
  const first = r.cells[0];
  if (!first || !ctx.tableRepairs?.length) return null;
  const at = ctx.text.map[first.line.start + first.k];
  const placed = ctx.tableRepairs.some((t) => t.kind === 'placed' && t.rows.some((row) => row.start === at));
  return placed ? [...columns] : null;
}

const cellSpan = (ctx: DocumentContext, c: Cell): Span => spanAt(ctx, lineText(ctx.text, c.line), c.k);

function trimTrailing(cells: Cell[]): Cell[] {
  let n = cells.length;
  while (n > 0 && cells[n - 1].text === '') n--;
  return cells.slice(0, n);
}

/** Fits a row's value cells to the column count: drop padding at the end, then at the start. */
function align(cells: Cell[], count: number): Cell[] {
  let out = cells;
  while (out.length > count && out[out.length - 1].text === '') out = out.slice(0, -1);
  while (out.length > count && out[0].text === '') out = out.slice(1);
  return out.slice(0, count);
}

function mode(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const counts = new Map<number, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  let best = xs[0];
  for (const [x, n] of counts) if (n > (counts.get(best) ?? 0)) best = x;
  return best;
}

function dedupe(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((n) => {
    const k = (seen.get(n) ?? 0) + 1;
    seen.set(n, k);
    return k === 1 ? n : `${n}(${k})`;
  });
}

/** Without data rows, the region column is the first one that is not 序号. */
function headerLabelIndex(header: Cell[][]): number {
  for (const row of header) {
    const first = row.findIndex((c) => c.text !== '');
    if (first === 0 && isSeqHeader(row[0].text)) return 1;
  }
  return 0;
}

/**
 * Header rows as a grid of names. A name in an upper row spans the empty cells to its right
 * (merged cells), but never across a column where a row above it starts a new name.
 */
function headerGrid(header: Cell[][]): string[][] {
  const grid = header.map((row) => row.map((c) => cellKind(c.text).flat));
  const width = Math.max(0, ...grid.map((r) => r.length));
  const filled = grid.map((r) => [...r, ...Array<string>(width - r.length).fill('')]);
  for (let r = 0; r < filled.length - 1; r++) {
    for (let j = 1; j < width; j++) {
      if (filled[r][j] !== '' || filled[r][j - 1] === '') continue;
      if (grid.slice(0, r).some((above) => (above[j] ?? '') !== '')) continue;
      filled[r][j] = filled[r][j - 1];
    }
  }
  return filled;
}

function columnName(grid: string[][], col: number): string {
  const parts: string[] = [];
  for (const row of grid) {
    const p = row[col] ?? '';
    if (p !== '' && parts[parts.length - 1] !== p) parts.push(p);
  }
  return parts.join('/');
}

const REGION_HEADER = /地|市|省|区|县|州|盟|旗|镇|乡|街道|城市|单位|部门/;
const TARGET_HEADER = /任务|目标|指标|计划|名额/;

/** 济南 is 济南市, 大兴安岭 is 大兴安岭地区: a GB/T 2260 city or county named without its suffix. */
function isDivisionName(name: string): boolean {
  return divisionsForShortName(name).length > 0;
}

/** A blank reporting template says who fills it in: 填报单位（盖章）, 填报人, 填表日期 … */
function hasFormMarks(block: Block): boolean {
  return [...block.before, ...block.after].some((s) => s.kind === 'text' && /^(填报单位|填表单位|填报人|填表人|填报日期|填表日期|审核人)/.test(s.flat));
}

function looksRegional(regionHeader: string, columns: string[], rows: TableRow[]): boolean {
  if (REGION_HEADER.test(regionHeader)) return true;
  if (columns.some((c) => TARGET_HEADER.test(c))) return true;
  const places = rows.filter((r) => provinceByShortOrName(r.region) || /[省市区县州盟旗镇乡]$|街道$/.test(r.region) || isDivisionName(r.region)).length;
  return places * 2 >= rows.length && rows.length > 0;
}

/**
 * The name column: the leftmost column that holds a name in every body row. A column left of it
 * that is blank in some rows holds group labels spanning rows (东部地区 over three cities).
 */
function nameColumn(rows: ParsedRow[]): number | null {
  const body = rows.filter((r) => !r.total && !r.subtotal);
  if (body.length < 2 || new Set(body.map((r) => r.labelIndex)).size === 1) return null;
  const width = Math.max(...body.map((r) => r.cells.length));
  for (let j = 0; j < width; j++) if (body.every((r) => isText(r.cells[j]?.text ?? ''))) return j;
  return null;
}

/**
 * A group label that spans rows (东部地区 with rowspan, printed in the first of its rows only)
 * sits left of the table's name column: the row's name is the cell in the name column.
 */
function spannedLabel(r: ParsedRow, labelIndex: number): ParsedRow {
  if (r.total || r.labelIndex >= labelIndex) return r;
  const own = r.cells[labelIndex];
  if (!own || !isText(own.text) || isTotal(own.text)) return r;
  return { ...r, label: own, labelIndex, group: r.label, subtotal: isSubtotal(own.text) };
}

/** seq / label / the cells after the label. */
function parseRow(cells: Cell[]): ParsedRow | null {
  const ne = cells.map((c, i) => ({ c, i })).filter((x) => x.c.text !== '');
  if (ne.length === 0) return null;
  let seq: number | null = null;
  let from = 0;
  if (cellKind(ne[0].c.text).seqLike && ne[1] && isText(ne[1].c.text)) {
    seq = cellKind(ne[0].c.text).seq;
    from = 1;
  }
  const lab = ne.slice(from).find((x) => isText(x.c.text));
  if (!lab) return null;
  const total = isTotal(lab.c.text);
  const subtotal = isSubtotal(lab.c.text);
  return { seq: total || subtotal ? null : seq, label: lab.c, labelIndex: lab.i, cells, total, subtotal };
}

// ---------------------------------------------------------------------------------------------
// layout 1: one row per line

function isDataRow(cells: Cell[], first: boolean): boolean {
  const ne = cells.filter((c) => c.text !== '');
  if (ne.length === 0) return false;
  if (first && isSeqHeader(ne[0].text)) return false;
  if (ne.slice(0, 2).some((c) => isTotal(c.text))) return true;
  if (ne.length === 1) return cellKind(ne[0].text).seqLike && /^\d+$/.test(cellKind(ne[0].text).flat);
  if (cellKind(ne[0].text).seqLike && isText(ne[1].text)) return true;
  const nums = ne.slice(1).filter((c) => isNumeric(c.text));
  if (isText(ne[0].text) && nums.length > 0) return !(first && nums.every((c) => YEAR.test(cellKind(c.text).flat)));
  return false;
}

const lone = (cells: Cell[]) => cells.find((c) => c.text !== '')?.text ?? '';

/** A row of one name alone (东部片区, 一、城区): a group row, when the rows after the header have some too (or it is numbered 一、). */
const isGroupRow = (cells: Cell[]) => cells.filter((c) => c.text !== '').length === 1 && isText(lone(cells)) && !isTotal(lone(cells)) && !isSeqHeader(lone(cells));

function splitRows(shapes: Shape[]): { header: Cell[][]; data: Cell[][] } {
  const rows: Cell[][] = [];
  let blankRows = 0;
  for (const s of shapes) {
    if (s.kind === 'cell') rows.push([{ text: '', line: s.line, k: 0 }, ...s.cells]);
    else if (s.kind === 'row') {
      if (s.cells.every((c) => c.text === '')) blankRows++;
      else rows.push(s.cells);
    }
  }
  let first = rows.findIndex((r, i) => isDataRow(r, i === 0));
  if (first >= 2 && isGroupRow(rows[first - 1]) && (GROUP_NAME.test(cellKind(lone(rows[first - 1])).flat) || rows.slice(first).some(isGroupRow))) first--;
  if (first >= 0) {
    // a header printed again after a page break is not a row
    const key = (cells: Cell[]) => cells.map((c) => cellKind(c.text).flat).filter((t) => t !== '').join('\t');
    const header = rows.slice(0, first);
    const repeated = new Set(header.filter((r) => r.filter((c) => c.text !== '').length >= 2).map(key));
    return { header, data: rows.slice(first).filter((r) => !repeated.has(key(r))) };
  }
  // no figures anywhere: a blank template (a few header rows, empty rows) or a table of text
  if (rows.length > 4 && blankRows === 0) return { header: rows.slice(0, 1), data: rows.slice(1) };
  return { header: rows, data: [] };
}

// ---------------------------------------------------------------------------------------------
// layout 2: one cell per line, with or without a tab before each cell (table-stream.ts cuts the rows)

function splitCellLines(shapes: Shape[]): { header: Cell[][]; data: Cell[][] } | { reason: string } {
  const lines: StreamLine<Cell>[] = [];
  for (const s of shapes) {
    if (s.kind === 'empty' || s.kind === 'text') lines.push({ text: '', ref: { text: '', line: s.line, k: 0 } });
    else if (s.kind === 'cell') lines.push({ text: s.cells[0].text, ref: s.cells[0], ...(s.plain ? {} : { tab: true }) });
    // a line of several tabs inside a tab-led block: its cells in order
    else for (const c of s.cells) lines.push({ text: c.text, ref: c, tab: true });
  }
  const grid = streamToGrid(lines);
  if (!grid.ok) return { reason: grid.reason };
  const cell = (c: GridCell<Cell>): Cell => ({ ...c.ref, text: c.text });
  const header = grid.header.map(cell);
  return { header: header.length ? [header] : [], data: grid.rows.map((r) => r.map(cell)) };
}
