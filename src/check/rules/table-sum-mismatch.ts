import type { Finding } from '../../../schemas/finding.js';
import type { Span } from '../../../schemas/common.js';
import type { Table, TableRow, TableSubtotal } from '../../../schemas/notice.js';
import { isRatio, unitInfo } from '../../lexicon/units.js';
import { exactSum, halfUnit, round } from '../rounding.js';
import type { DocumentRule } from '../rule.js';

/**
 * The rows that make up the total: `其中…` breakdown rows, and rows without a 序号 in a table whose
 * rows are numbered, detail a row above and are already in it.
 */
export function summedRows(rows: TableRow[]): TableRow[] {
  const numbered = rows.filter((r) => r.seq !== null).length;
  return rows.filter((r) => !/^(其中|含|内含)/.test(r.region) && !(numbered >= rows.length / 2 && r.seq === null));
}

/**
 * A column of shares or rates (完成率, 占比, 增长%): its 合计 row is an average or a ratio of the
 * totals, never the sum of the rows.
 */
export function isShareColumn(table: Table, column: string): boolean {
  if (table.unit !== null && isRatio(table.unit)) return true;
  if (/率|比例|占比|比重|百分比|%|％/.test(column)) return true;
  const printed = table.rows.map((r) => r.printed[column]).filter((p): p is string => p !== null && p !== undefined);
  return printed.length > 0 && printed.every((p) => /[%％]$/.test(p));
}

/** A column that counts things: named 个数, 处数, 数量 (or 数量（个）), its cells whole numbers. */
const COUNT_NAME = /(?:[个处座项家户所条宗间套台]|单位|企业|学校|项目)数|数量|^数$|[（(](?:个|处|座|项|家|户|所|条|宗|间|套)[）)]$/;

/**
 * A count is exact: 3 个 is not 2.5 rounded, so its sums have no rounding bound. A column is a count
 * when its name counts (个数, 数量) or the table counts in a counter (个, 座, 家), and every cell is a
 * whole number.
 */
export function isCountColumn(table: Table, column: string): boolean {
  const counter = table.unit !== null && unitInfo(table.unit)?.dimension === table.unit && unitInfo(table.unit)?.role === 'count';
  if (!COUNT_NAME.test(column) && !counter) return false;
  const printed = [...table.rows.map((r) => r.printed[column]), table.declaredTotalPrinted?.[column]].filter((p): p is string => p !== null && p !== undefined);
  return printed.length > 0 && printed.every((p) => /^\d+$/.test(p.replace(/,/g, '').trim()));
}

/** A part of a sum: a row, or a 小计 standing for its group. */
interface Part {
  name: string;
  value: number | null | undefined;
  printed: string | null | undefined;
}

/** Parts against a declared figure: their sum, the rounding bound, the gap, the blank parts. */
function measure(parts: Part[], declared: number, declaredPrinted: string | null | undefined, exact = false) {
  const filled = parts.filter((p) => p.value !== null && p.value !== undefined);
  const blank = parts.filter((p) => p.value === null || p.value === undefined).map((p) => p.name);
  const sum = exactSum(filled.map((p) => p.value as number));
  const bound = exact ? 0 : round(filled.reduce((b, p) => b + halfUnit(p.printed ?? p.value), 0) + halfUnit(declaredPrinted ?? declared));
  return { sum, bound, gap: round(Math.abs(sum - declared)), rows: filled.length, blank };
}

const rowPart = (column: string) => (r: TableRow): Part => ({ name: r.region, value: r.values[column], printed: r.printed[column] });

/**
 * What the 合计 may add up besides the rows: each 小计 for its group, with the rows no 小计 covers
 * (null without 小计).
 */
function partsBySubtotal(table: Table, column: string): Part[] | null {
  const subs = table.subtotals ?? [];
  if (!subs.length) return null;
  const covered = new Set(subs.flatMap((s) => table.rows.slice(s.from, s.to)));
  const parts: Part[] = subs.map((s, i) => ({ name: s.group ?? `小计${i + 1}`, value: s.values[column], printed: s.printed[column] }));
  return [...parts, ...summedRows(table.rows.filter((r) => !covered.has(r))).map(rowPart(column))];
}

interface Check {
  /** what is added up, for the message: the table and column, or the group */
  what: string;
  /** the declared figure's name: 合计 or 小计 */
  declaredAs: string;
  declared: number;
  m: ReturnType<typeof measure>;
  span: Span;
  data: Record<string, unknown>;
}

/** A finding for a sum that is off (error), off within rounding (info), or exact with blank cells (info). */
function findingOf(c: Check): Finding | null {
  const { m, declared } = c;
  const data = { ...c.data, sum: m.sum, declared, bound: m.bound, gap: m.gap, rows: m.rows, blank: m.blank };
  if (m.gap === 0) {
    if (!m.blank.length) return null;
    return {
      rule: 'table-sum-mismatch',
      severity: 'info',
      message: `${c.what}: ${m.blank.length} blank cell(s) counted as missing, not zero (${m.blank.join('、')}); the filled rows add up to the declared ${c.declaredAs === '合计' ? 'total' : c.declaredAs} ${declared}`,
      span: c.span,
      data,
    };
  }
  const blanks = m.blank.length ? `; ${m.blank.length} blank cell(s) counted as missing (${m.blank.join('、')})` : '';
  const declaredName = c.declaredAs === '合计' ? 'declared total' : c.declaredAs;
  const explained = m.gap <= m.bound + 1e-9;
  return {
    rule: 'table-sum-mismatch',
    severity: explained ? 'info' : 'error',
    message: explained
      ? `${c.what}: rows add up to ${m.sum}, ${declaredName} is ${declared}; the gap ${m.gap} is within the rounding bound ${m.bound}${blanks}`
      : `${c.what}: rows add up to ${m.sum} but the ${declaredName} is ${declared}; the gap ${m.gap} exceeds the rounding bound ${m.bound}${blanks}`,
    span: c.span,
    data,
  };
}

/** Each group's rows against its 小计. */
function subtotalChecks(table: Table, label: string, column: string): Check[] {
  return (table.subtotals ?? []).flatMap((s: TableSubtotal, i): Check[] => {
    const declared = s.values[column];
    const rows = summedRows(table.rows.slice(s.from, s.to));
    if (declared === null || declared === undefined || !rows.length) return [];
    const group = s.group ?? `${table.rows[s.from].region}–${table.rows[s.to - 1].region}`;
    return [{
      what: `${label} ${group} ${column}`,
      declaredAs: '小计',
      declared,
      m: measure(rows.map(rowPart(column)), declared, s.printed[column], isCountColumn(table, column)),
      span: s.span,
      data: { table: label, group, subtotal: i + 1, column },
    }];
  });
}

/**
 * The 合计 against the rows; in a table with 小计, a 合计 that adds up the 小计 (with the rows no
 * 小计 covers) agrees too. When neither does, the finding is about the rows (the sums of both are in data).
 */
function totalCheck(table: Table, label: string, column: string, declared: number): Check {
  const printed = table.declaredTotalPrinted?.[column];
  const exact = isCountColumn(table, column);
  const byRows = measure(summedRows(table.rows).map(rowPart(column)), declared, printed, exact);
  const parts = partsBySubtotal(table, column);
  const bySubtotals = parts ? measure(parts, declared, printed, exact) : null;
  const agrees = (m: ReturnType<typeof measure>) => m.gap <= m.bound + 1e-9;
  // whichever agrees; both: the closer; neither: the rows
  const useSubtotals = bySubtotals !== null && agrees(bySubtotals) && (!agrees(byRows) || bySubtotals.gap < byRows.gap);
  const m = useSubtotals ? bySubtotals : byRows;
  const blankNames = new Set(m.blank);
  const span = m.gap === 0 ? (table.rows.find((r) => blankNames.has(r.region))?.span ?? table.span) : (table.rows[table.rows.length - 1]?.span ?? table.span);
  return {
    what: useSubtotals ? `${label} ${column} (小计)` : `${label} ${column}`,
    declaredAs: '合计',
    declared,
    m,
    span,
    data: { table: label, column, ...(bySubtotals ? { of: useSubtotals ? 'subtotals' : 'rows', rowSum: byRows.sum, subtotalSum: bySubtotals.sum } : {}) },
  };
}

/**
 * Per column, the rows against the declared 合计, and each group's rows against its 小计 (columns of
 * shares are not summed). Rounding bound: each row may be off by half a unit of its last printed
 * digit, the total by half of its own — within that the gap is `info`.
 */
export const tableSumMismatch: DocumentRule = {
  id: 'table-sum-mismatch',
  severity: 'error',
  summary: 'Rows of an annex table do not add up to its declared total (合计) or a group to its 小计, beyond what rounding explains.',
  check(record) {
    const out: Finding[] = [];
    for (const table of record.tables) {
      if (table.kind !== 'target') continue;
      const label = table.label ?? table.title ?? 'table';
      const columns = [...new Set([...Object.keys(table.declaredTotal ?? {}), ...(table.subtotals ?? []).flatMap((s) => Object.keys(s.values))])];
      for (const column of columns) {
        if (isShareColumn(table, column)) continue;
        const checks = subtotalChecks(table, label, column);
        const declared = table.declaredTotal?.[column];
        if (declared !== null && declared !== undefined) checks.push(totalCheck(table, label, column, declared));
        for (const c of checks) {
          const f = findingOf(c);
          if (f) out.push(f);
        }
      }
    }
    return out;
  },
};
