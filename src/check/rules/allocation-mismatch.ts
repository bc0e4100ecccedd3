import type { Finding } from '../../../schemas/finding.js';
import type { NoticeRecord } from '../../../schemas/notice.js';
import { PROVINCES } from '../../lexicon/regions.js';
import { halfUnit, round } from '../rounding.js';
import type { CorpusRule } from '../rule.js';
import { tableReadings } from './target-table-mismatch.js';

interface Figure {
  value: number;
  what: string;
  bound: number;
  span: Finding['span'];
}

/** A province's own headline figures: its 万人 targets and its tables' totals. */
export function provincialFigures(r: NoticeRecord): Figure[] {
  const figures: Figure[] = r.targets
    .filter((t) => t.unit === '万人' && !(t.scope && /^每/.test(t.scope)))
    .map((t) => ({ value: t.value, what: `target ${t.metric || ''}`.trim(), bound: halfUnit(String(t.value)), span: t.span }));
  for (const t of r.tables.filter((t) => t.kind === 'target' && (!t.unit || t.unit === '万人'))) {
    for (const reading of tableReadings(t)) figures.push({ value: reading.total, what: reading.what, bound: reading.bound, span: t.span });
  }
  return figures;
}

/** Rows of the national annex tables that allocate a figure to a province. */
export function allocations(national: NoticeRecord, province: string): { table: string; column: string; value: number; printed: string | null }[] {
  const short = PROVINCES.find((p) => p.name === province)?.short ?? province;
  const out: { table: string; column: string; value: number; printed: string | null }[] = [];
  for (const t of national.tables.filter((t) => t.kind === 'target')) {
    for (const row of t.rows.filter((row) => row.region.replace(/\s+/g, '') === short)) {
      for (const [column, value] of Object.entries(row.values)) {
        if (value !== null) out.push({ table: [t.label, t.title].filter(Boolean).join(' '), column, value, printed: row.printed[column] ?? null });
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
    const nationals = records.filter((r) => r.level === 'national' && r.tables.some((t) => t.kind === 'target'));
    // each province's figures are read once, and each national notice's rows once per province
    // (the pairs are nationals × provinces; nothing is recomputed per pair)
    const provincials = records.filter((x) => x.level === 'provincial' && x.region).map((r) => ({ r, figures: provincialFigures(r) }));
    for (const national of nationals) {
      const rowsOf = new Map<string, ReturnType<typeof allocations>>();
      for (const { r, figures } of provincials) {
        if (!figures.length) continue;
        const province = r.region!.name;
        if (!rowsOf.has(province)) rowsOf.set(province, allocations(national, province));
        for (const a of rowsOf.get(province)!) {
          const bound = (f: Figure) => f.bound + halfUnit(a.printed ?? a.value);
          if (figures.some((f) => Math.abs(f.value - a.value) <= bound(f) + 1e-9)) continue;
          const headline = figures[0];
          const more = headline.value > a.value;
          out.push({
            record: r,
            finding: {
              rule: 'allocation-mismatch',
              severity: more ? 'info' : 'warning',
              message: `${r.region!.name} sets ${headline.value}万人 (${headline.what}), ${more ? 'more' : 'less'} than the ${a.value}万人 allocated to it in ${national.fileNumber?.normalized ?? 'the national notice'} ${a.table}`,
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
    }
    return out;
  },
};
