import type { Finding } from '../../../schemas/finding.js';
import type { NoticeRecord } from '../../../schemas/notice.js';
import { headlineTargets, readAllocations, tableReadings, type AllocationReading } from '../../figures/province.js';
import { halfUnit, round } from '../rounding.js';
import type { CorpusRule } from '../rule.js';
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
  const figures: Figure[] = headlineTargets(r).map((t) => ({ value: t.value, unit: t.unit, what: `target ${t.metric || ''}`.trim(), bound: halfUnit(t.printed, t.value), span: t.span }));
  for (const t of r.tables.filter((t) => t.kind === 'target')) {
    for (const reading of tableReadings(t)) figures.push({ value: reading.total, unit: t.unit, what: reading.what, bound: reading.bound, span: t.span });
  }
  return figures;
}

/** What the province's annex says about the figure: `附件1 国定标准 17.88 restates it; 国定标准 + 省定标准 = 40.56`. */
function annexNote(r: AllocationReading): string {
  const parts = [];
  if (r.adopted) parts.push(`${r.adopted.what} = ${r.adopted.total} restates the allocation`);
  if (r.composed && r.composed !== r.adopted) parts.push(`${r.composed.what} = ${r.composed.total}`);
  return parts.length ? `; ${parts.join('; ')}` : '';
}

/**
 * Cross-document: when the national notice is among the inputs, each province's figures against
 * its rows in the national annex tables, read once by `readAllocations` (the reading the overview,
 * the chart and the diff show). Setting more than allocated is `info`, less is `warning`; equal
 * within rounding is silent. Without a stated target, a figure of the province's own annex that
 * restates the allocation accounts for it.
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
      for (const reading of readAllocations(r, national)) {
        if (reading.status === 'same' || reading.status === 'missing' || reading.value === null) continue;
        if (!reading.target && reading.adopted) continue;
        const a = reading.allocation;
        const unit = a.unit ?? reading.target?.unit ?? '';
        const more = reading.status === 'higher';
        const what = reading.target ? `target ${reading.target.metric}`.trim() : (reading.composed?.what ?? 'annex total');
        out.push({
          record: r,
          finding: {
            rule: 'allocation-mismatch',
            severity: more ? 'info' : 'warning',
            message: `${r.region!.name} sets ${reading.value}${unit} (${what}), ${more ? 'more' : 'less'} than the ${a.value}${unit} allocated to it in ${national.fileNumber?.normalized ?? 'the national notice'} ${a.table}${annexNote(reading)}`,
            span: reading.target?.span ?? r.tables.find((t) => t.kind === 'target')?.span ?? r.sections[0]?.span ?? { line: 1, column: 1 },
            data: {
              region: r.region!.name,
              province: r.region!.name,
              fileNumber: r.fileNumber?.normalized ?? null,
              national: national.fileNumber?.normalized ?? null,
              table: a.table,
              allocated: a.value,
              set: reading.value,
              difference: round(reading.value - a.value),
              ratio: reading.ratio,
              adopted: reading.adopted ? { what: reading.adopted.what, total: reading.adopted.total } : null,
              composed: reading.composed ? { what: reading.composed.what, total: reading.composed.total } : null,
            },
          },
        });
      }
    }
    return out;
  },
};
