import type { Finding } from '../../../schemas/finding.js';
import type { NoticeRecord, Table, Target } from '../../../schemas/notice.js';
import { exactSum, halfUnit, round } from '../rounding.js';
import type { DocumentRule } from '../rule.js';
import { isRatio, unitsAgree } from '../../lexicon/units.js';

interface Reading {
  what: string;
  total: number;
  bound: number;
}

/** Every way a table can state a total: each column's 合计 (or row sum), and all columns together. */
export function tableReadings(t: Table): Reading[] {
  const columns = Object.keys(t.declaredTotal ?? t.rows[0]?.values ?? {});
  const per = columns.map((c) => {
    const declared = t.declaredTotal?.[c];
    if (declared !== null && declared !== undefined) return { what: `${t.label ?? 'table'} ${c}`, total: declared, bound: halfUnit(t.declaredTotalPrinted?.[c] ?? declared) };
    const vals = t.rows.map((r) => r.values[c]).filter((v): v is number => v !== null && v !== undefined);
    return { what: `${t.label ?? 'table'} ${c} (sum of rows)`, total: exactSum(vals), bound: t.rows.reduce((b, r) => b + halfUnit(r.printed[c]), 0) };
  });
  const readings = [...per];
  if (per.length > 1) readings.push({ what: `${t.label ?? 'table'} ${columns.join(' + ')}`, total: exactSum(per.map((p) => p.total)), bound: round(per.reduce((b, p) => b + p.bound, 0)) });
  return readings;
}

export function fits(comparator: Target['comparator'], value: number, total: number, bound: number): boolean {
  if (comparator === '>=' || comparator === '>') return total >= value - bound - 1e-9;
  if (comparator === '<=' || comparator === '<') return total <= value + bound + 1e-9;
  return Math.abs(total - value) <= bound + 1e-9;
}

/** Which annex tables a target points to: 附件N in its clause, else every target table. */
function tablesFor(record: NoticeRecord, target: Target): Table[] {
  const targets = record.tables.filter((t) => t.kind === 'target');
  const clause = record.sections.flatMap((s) => s.clauses).find((c) => c.number === target.clause);
  // a section without clauses holds the target in its own text (一、任务目标。…不少于120公顷，各镇任务见附件。)
  const section = clause ? null : record.sections.find((s) => s.text.includes(target.text));
  const text = clause?.text ?? section?.text ?? target.text;
  if (!text.includes('附件')) return []; // the target does not point at an annex
  const labels = [...text.matchAll(/附件\s*(\d+)/g)].map((m) => `附件${m[1]}`);
  const named = targets.filter((t) => t.label && labels.includes(t.label.replace(/\s+/g, '')));
  return named.length ? named : targets;
}

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
      const tables = tablesFor(record, target).filter((t) => unitsAgree(t.unit, target.unit));
      if (!tables.length) continue;
      const readings = tables.flatMap(tableReadings);
      const tb = halfUnit(String(target.value));
      const hit = readings.find((r) => fits(target.comparator, target.value, r.total, r.bound + tb));
      if (hit) {
        if (hit.what.includes(' + ')) {
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
