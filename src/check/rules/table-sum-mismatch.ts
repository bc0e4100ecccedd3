import type { Finding } from '../../../schemas/finding.js';
import type { Table, TableRow } from '../../../schemas/notice.js';
import { isRatio } from '../../lexicon/units.js';
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

/**
 * Per column, the rows against the declared 合计 (columns of shares are not summed). Rounding bound: each row may be off by half a
 * unit of its last printed digit, the total by half of its own — within that the gap is `info`.
 */
export const tableSumMismatch: DocumentRule = {
  id: 'table-sum-mismatch',
  severity: 'error',
  summary: 'Rows of an annex table do not add up to its declared total (合计) beyond what rounding explains.',
  check(record) {
    const out: Finding[] = [];
    for (const table of record.tables) {
      if (!table.declaredTotal || table.kind !== 'target') continue;
      const rows = summedRows(table.rows);
      for (const column of Object.keys(table.declaredTotal)) {
        const declared = table.declaredTotal[column];
        if (declared === null || declared === undefined || isShareColumn(table, column)) continue;
        const filled = rows.filter((r) => r.values[column] !== null && r.values[column] !== undefined);
        const filledSet = new Set(filled);
        const blank = rows.filter((r) => !filledSet.has(r)).map((r) => r.region);
        const sum = exactSum(filled.map((r) => r.values[column] as number));
        const bound = round(filled.reduce((b, r) => b + halfUnit(r.printed[column] ?? r.values[column]), 0) + halfUnit(table.declaredTotal && (table.declaredTotalPrinted?.[column] ?? declared)));
        const gap = round(Math.abs(sum - declared));
        const label = table.label ?? table.title ?? 'table';
        if (gap === 0) {
          const blankRegions = new Set(blank);
          if (blank.length)
            out.push({
              rule: 'table-sum-mismatch',
              severity: 'info',
              message: `${label} ${column}: ${blank.length} blank cell(s) counted as missing, not zero (${blank.join('、')}); the filled rows add up to the declared total ${declared}`,
              span: table.rows.find((r) => blankRegions.has(r.region))?.span ?? table.span,
              data: { table: label, column, sum, declared, bound, gap, rows: filled.length, blank },
            });
          continue;
        }
        const blanks = blank.length ? `; ${blank.length} blank cell(s) counted as missing (${blank.join('、')})` : '';
        const explained = gap <= bound + 1e-9;
        out.push({
          rule: 'table-sum-mismatch',
          severity: explained ? 'info' : 'error',
          message: explained
            ? `${label} ${column}: rows add up to ${sum}, declared total is ${declared}; the gap ${gap} is within the rounding bound ${bound}${blanks}`
            : `${label} ${column}: rows add up to ${sum} but the declared total is ${declared}; the gap ${gap} exceeds the rounding bound ${bound}${blanks}`,
          span: table.rows[table.rows.length - 1]?.span ?? table.span,
          data: { table: label, column, sum, declared, bound, gap, rows: filled.length, blank },
        });
      }
    }
    return out;
  },
};
