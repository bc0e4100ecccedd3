import type { Finding } from '../../../schemas/finding.js';
import { halfUnit, round } from '../rounding.js';
import { composition, tableReadings, tablesOfTarget } from '../../figures/province.js';
import type { DocumentRule } from '../rule.js';
import { isRatio, unitsAgree } from '../../lexicon/units.js';

export { fits, tableReadings } from '../../figures/province.js';

/**
 * A target in the text against the annex table it refers to. The comparator matters (不低于3000万
 * is met by 3019.17); a target may equal one column's total or the sum of the columns (鲁: 40.6 ≈
 * 17.88 + 22.68). `error` only when no reading fits.
 */
export const targetTableMismatch: DocumentRule = {
  id: 'target-table-mismatch',
  severity: 'error',
  summary: 'A numeric target in the text disagrees with the annex table it refers to.',
  check(record) {
    const out: Finding[] = [];
    for (const target of record.targets) {
      if (isRatio(target.unit) || (target.scope && /^每/.test(target.scope))) continue;
      const tables = tablesOfTarget(record, target).filter((t) => unitsAgree(t.unit, target.unit));
      if (!tables.length) continue;
      const readings = tables.flatMap(tableReadings);
      const tb = halfUnit(target.printed, target.value);
      // the one reading of how a province's annex makes up its target (src/figures/province.ts)
      const hit = composition(target, tables);
      if (hit) {
        if (hit.columns.length > 1) {
          out.push({
            rule: 'target-table-mismatch',
            severity: 'info',
            message: `target ${target.comparator} ${target.value}${target.unit} matches the sum of the columns: ${hit.what} = ${hit.total}`,
            span: target.span,
            data: { target: target.value, comparator: target.comparator, reading: hit.what, total: hit.total, bound: round(hit.bound + tb) },
          });
        }
        continue;
      }
      const nearest = readings.reduce((a, b) => (Math.abs(a.total - target.value) <= Math.abs(b.total - target.value) ? a : b));
      // A total of another order of magnitude counts something else (persons vs 万人, another
      // metric): that is no evidence of an error in either figure, so say nothing.
      const ratio = nearest.total / target.value;
      if (!(ratio > 0.5 && ratio < 2)) continue;
      out.push({
        rule: 'target-table-mismatch',
        severity: 'error',
        message: `target ${target.comparator} ${target.value}${target.unit} is not met by ${nearest.what} = ${nearest.total} (rounding bound ${round(nearest.bound + tb)})`,
        span: target.span,
        data: { target: target.value, comparator: target.comparator, nearest: nearest.what, total: nearest.total, readings },
      });
    }
    return out;
  },
};
