import type { NumberComparison } from '../../schemas/diff.js';
import type { NoticeRecord, Table } from '../../schemas/notice.js';
import { coarserHalfUnit } from '../util/precision.js';
import { readAllocations, regionKey } from '../figures/province.js';
import { dice } from './similarity.js';
import { isRatio, unitPattern, unitsAgree } from '../lexicon/units.js';

/** A figure on either side: a base annex row cell, a target's stated target, or a target table's total. */
export interface Figure {
  value: number;
  /** what it counts: the table title (and column), or the target's metric */
  metric: string;
  /** text: stated in the body; total: a table's 合计; row: an annex row */
  kind: 'text' | 'total' | 'row';
  /** the figure as printed (`40.60`), for its precision (src/util/precision.ts); null when unknown */
  printed: string | null;
  /** what it counts in (万人, 公顷, 万元); null when the table prints none */
  unit: string | null;
}

const ws = (s: string) => s.replace(/\s+/g, '');

/** Equal once both are rounded to the coarser one's printed precision (387.56 ≈ 387.6). */
const roundingBound = (a: Figure, b: Figure) => coarserHalfUnit({ printed: a.printed, value: a.value }, { printed: b.printed, value: b.value }) + 1e-9;

function tableMetric(t: Table, column: string): string {
  const name = ws(t.title ?? t.label ?? '目标任务表');
  return t.columns.length > 1 ? `${name}/${column}` : name;
}

export { regionKey, type RegionKey } from '../figures/province.js';

/** A stated figure with its comparator, when the targets were not extracted: `不低于40.6万人`, `减少120公顷`. */
const STATED = new RegExp(`(不低于|不少于|至少|达到|超过|稳定在|保持在)\\s*(\\d+(?:\\.\\d+)?)\\s*(${unitPattern((u) => u.role === 'count')}|万(?![元亩吨千]))?`, 'g');

/** The target's own figures: its stated targets (body text) and its annex table totals, in any unit but shares and rates. */
export function targetFigures(target: NoticeRecord): Figure[] {
  const out: Figure[] = [];
  for (const t of target.targets) {
    if (isRatio(t.unit) || t.scope?.startsWith('每')) continue;
    out.push({ value: t.value, metric: ws(t.metric || t.text), kind: 'text', printed: t.printed ?? null, unit: t.unit });
  }
  if (!out.length) {
    // targets not extracted: read the stated figures from the clause text directly
    const texts = target.sections.flatMap((s) => [s.text, ...s.clauses.map((c) => c.text)]);
    for (const text of texts) {
      for (const m of ws(text).matchAll(STATED)) {
        const before = ws(text).slice(Math.max(0, (m.index ?? 0) - 16), m.index);
        const unit = m[3] === '万' ? '万人' : (m[3] ?? null);
        out.push({ value: Number(m[2]), metric: before.replace(/^.*[，。；：、]/, ''), kind: 'text', printed: m[2], unit });
      }
    }
  }
  for (const t of target.tables) {
    if (t.kind !== 'target' || !t.declaredTotal || (t.unit && isRatio(t.unit))) continue;
    for (const [column, value] of Object.entries(t.declaredTotal)) {
      if (value == null) continue;
      out.push({ value, metric: tableMetric(t, column), kind: 'total', printed: t.declaredTotalPrinted?.[column] ?? null, unit: t.unit });
    }
  }
  return out;
}

/** How well a target figure fits a base row when the numbers differ: the kind of figure counted. */
function fit(b: Figure, t: Figure): number {
  return dice(b.metric.replace(/\d{4}年度?|附件\d*|表$/g, ''), t.metric.replace(/\d{4}年度?|附件\d*|表$/g, '')) + (t.kind === 'text' ? 0.05 : 0);
}

/**
 * The target's province (or city, see regionKey) looked up in every base annex table and compared
 * with the target's own figures through the one reading of a province's figures
 * (`readAllocations`): each base row against the target the province sets for the same thing
 * (`match` within the coarser printed precision, else `differs`). A row the province states no
 * target for is compared with its own figures as before: an equal figure first (an annex total, a
 * figure stated in the text), else the remaining one that counts the same kind of thing; `missing`
 * when there is none.
 */
export function compareNumbers(base: NoticeRecord, target: NoticeRecord): NumberComparison[] {
  const key = regionKey(target);
  if (!key) return [];
  const readings = readAllocations(target, base);
  const mine = targetFigures(target);
  const used = new Set<Figure>();
  // figures the reading already set against a row are not reused for another
  for (const r of readings) if (r.target) for (const f of mine) if (f.kind === 'text' && f.value === r.target.value && f.unit === r.target.unit) used.add(f);
  const rowOf = (a: (typeof readings)[number]['allocation']): Figure => ({ value: a.value, metric: a.metric, kind: 'row', printed: a.printed, unit: a.unit });
  const result: (NumberComparison | null)[] = readings.map((r) =>
    r.target ? { metric: r.allocation.metric, region: key.label, base: r.allocation.value, target: r.target.value, status: r.status === 'same' ? 'match' : 'differs' } : null,
  );
  // rows without a stated target: an equal figure first, for every row, then the best remaining fit
  readings.forEach((r, i) => {
    if (result[i]) return;
    const row = rowOf(r.allocation);
    const hit = mine.find((t) => !used.has(t) && unitsAgree(row.unit, t.unit) && Math.abs(row.value - t.value) <= roundingBound(row, t));
    if (!hit) return;
    used.add(hit);
    result[i] = { metric: row.metric, region: key.label, base: row.value, target: hit.value, status: 'match' };
  });
  readings.forEach((r, i) => {
    if (result[i]) return;
    const row = rowOf(r.allocation);
    const left = mine.filter((t) => !used.has(t) && unitsAgree(row.unit, t.unit) && ![...used].some((u) => Math.abs(u.value - t.value) <= 1e-9));
    const pick = [...left].sort((x, y) => fit(row, y) - fit(row, x) || (x.kind === 'text' ? 0 : 1) - (y.kind === 'text' ? 0 : 1))[0];
    if (pick) used.add(pick);
    result[i] = { metric: row.metric, region: key.label, base: row.value, target: pick?.value ?? null, status: pick ? 'differs' : 'missing' };
  });
  return result.filter((r): r is NumberComparison => r !== null);
}
