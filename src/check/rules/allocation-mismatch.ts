import type { Finding } from '../../../schemas/finding.js';
import type { NoticeRecord } from '../../../schemas/notice.js';
import { PROVINCES } from '../../lexicon/regions.js';
import { isRatio, unitsAgree } from '../../lexicon/units.js';
import { halfUnit, round } from '../rounding.js';
import type { CorpusRule } from '../rule.js';
import { tableReadings } from './target-table-mismatch.js';
import { nationalFor } from '../../diff/national.js';

interface Figure {
  value: number;
  unit: string | null;
  what: string;
  bound: number;
  span: Finding['span'];
}

/** A province's own headline figures: its targets (not per-unit quotas) and its target tables' totals, in any unit. */
export function provincialFigures(r: NoticeRecord): Figure[] {
  const figures: Figure[] = r.targets
    .filter((t) => !isRatio(t.unit) && !(t.scope && /^每/.test(t.scope)))
    .map((t) => ({ value: t.value, unit: t.unit, what: `target ${t.metric || ''}`.trim(), bound: halfUnit(String(t.value)), span: t.span }));
  for (const t of r.tables.filter((t) => t.kind === 'target')) {
    for (const reading of tableReadings(t)) figures.push({ value: reading.total, unit: t.unit, what: reading.what, bound: reading.bound, span: t.span });
  }
  return figures;
}

/** Rows of the national annex tables that allocate a figure to a province, with the table's unit. */
export function allocations(national: NoticeRecord, province: string): { table: string; unit: string | null; column: string; value: number; printed: string | null }[] {
  const short = PROVINCES.find((p) => p.name === province)?.short ?? province;
  const out: { table: string; unit: string | null; column: string; value: number; printed: string | null }[] = [];
  for (const t of national.tables.filter((t) => t.kind === 'target')) {
    for (const row of t.rows.filter((row) => row.region.replace(/\s+/g, '') === short)) {
      for (const [column, value] of Object.entries(row.values)) {
        if (value !== null) out.push({ table: [t.label, t.title].filter(Boolean).join(' '), unit: t.unit, column, value, printed: row.printed[column] ?? null });
      }
    }
  }
  return out;
}

/**
 * Cross-document: when the national notice is among the inputs, each province's figures against
 * its rows in the national annex tables. Setting more than allocated is `info`, less is `warning`;
 * equal within rounding is silent. A national row that one of the province's figures matches is
 * accounted for; the others are compared with the province's headline target.
 */
export const allocationMismatch: CorpusRule = {
  id: 'allocation-mismatch',
  severity: 'warning',
  summary: "A province's figure disagrees with its allocation in the national annex table.",
  check(records) {
    const out: { record: NoticeRecord; finding: Finding }[] = [];
    // the national notices once: nationalFor looks only at them (linear in the corpus, not quadratic)
    const nationals = records.filter((x) => x.level === 'national');
    for (const r of records.filter((x) => x.level === 'provincial' && x.region)) {
      const national = nationalFor(r, nationals);
      if (!national) continue;
      const figures = provincialFigures(r);
      if (!figures.length) continue;
      for (const a of allocations(national, r.region!.name)) {
        // only figures that count what the table counts: 万人 against 万人, 公顷 against 公顷
        const comparable = figures.filter((f) => unitsAgree(f.unit, a.unit));
        if (!comparable.length) continue;
        const bound = (f: Figure) => f.bound + halfUnit(a.printed ?? a.value);
        if (comparable.some((f) => Math.abs(f.value - a.value) <= bound(f) + 1e-9)) continue;
        const headline = comparable[0];
        const unit = a.unit ?? headline.unit ?? '';
        const more = headline.value > a.value;
        out.push({
          record: r,
          finding: {
            rule: 'allocation-mismatch',
            severity: more ? 'info' : 'warning',
            message: `${r.region!.name} sets ${headline.value}${unit} (${headline.what}), ${more ? 'more' : 'less'} than the ${a.value}${unit} allocated to it in ${national.fileNumber?.normalized ?? 'the national notice'} ${a.table}`,
            span: headline.span,
            data: {
              region: r.region!.name,
              province: r.region!.name,
              fileNumber: r.fileNumber?.normalized ?? null,
              national: national.fileNumber?.normalized ?? null,
              table: a.table,
              allocated: a.value,
              set: headline.value,
              difference: round(headline.value - a.value),
            },
          },
        });
      }
    }
    return out;
  },
};
