import type { NoticeRecord, Table, Target } from '../../schemas/notice.js';
import { divisionByCode, PROVINCES, provinceOfAbbreviation, provinceOfName } from '../lexicon/regions.js';
import { isRatio, unitsAgree } from '../lexicon/units.js';
import { dice } from '../diff/similarity.js';
import { coarserHalfUnit, halfUnit } from '../util/precision.js';
import { exactSum, round } from '../check/rounding.js';

/**
 * One reading of a province's figures against its parent's annex tables. The report's overview and
 * chart, the `allocation-mismatch` and `target-table-mismatch` checks and the diff's `numbers` all
 * call `readAllocations`, so a province's target reads the same everywhere: 山东 sets 不低于40.6万人
 * against the 17.88万人 allocated in 附件1, its own 附件1 adopts the 17.88 as 国定标准 and adds
 * 22.68 省定标准 (together 40.56 ≈ 40.6), and its 20.8万人 intake equals 附件2's row.
 */

const ws = (s: string) => s.replace(/\s+/g, '');

/** Whose row to look up in the base tables: a province by its short and full name, or a city by its name. */
export interface RegionKey {
  /** as reported: 吉林, 济南 */
  label: string;
  /** row names that mean this region */
  names: string[];
}

/**
 * The target's region as base table rows name it. A provincial notice (吉林省) is looked up as 吉林 /
 * 吉林省; a city's notice (济南市) as 济南 / 济南市 in a provincial base whose annex lists cities —
 * except where the short form is also a province's (吉林市 is not the row 吉林).
 */
export function regionKey(target: NoticeRecord): RegionKey | null {
  const local = target.level === 'municipal' || target.level === 'county' || target.level === 'township';
  // a city's region is printed with its province (浙江省宁波市); the base's rows name the city alone
  const code = target.region?.code;
  const own = local && code ? divisionByCode(code)?.name : null;
  const name = own ?? target.region?.name.replace(/\s+/g, '') ?? null;
  if (!name) {
    if (target.level === 'national' || local || !target.fileNumber) return null;
    const p = provinceOfAbbreviation(target.fileNumber.prefix);
    return p ? { label: p.short, names: [p.short, p.name] } : null;
  }
  const p = provinceOfName(name);
  if (p && !local && (name === p.name || name === p.short)) return { label: p.short, names: [p.short, p.name] };
  const short = name.replace(/(?:市|地区|自治州|州|盟|县|区)$/, '');
  if (PROVINCES.some((q) => q.short === short)) return { label: name, names: [name] };
  return { label: short || name, names: [...new Set([name, short].filter(Boolean))] };
}

/** The one province-row matcher: the row of a table for a region (吉林 / 吉林省), never 新疆生产建设兵团 for 新疆. */
export function regionRow(t: Table, key: RegionKey): Table['rows'][number] | null {
  const exact = t.rows.find((r) => key.names.includes(ws(r.region)));
  return exact ?? t.rows.find((r) => ws(r.region).startsWith(key.label) && !/兵团/.test(r.region)) ?? null;
}

/** A row of a parent's annex table that allocates a figure to the region. */
export interface Allocation {
  /** `附件1 2022年度各省（区、市）脱贫人口务工目标任务表` */
  table: string;
  /** the table's title (or label) alone, what the figure counts */
  title: string;
  /** what the figure counts as the diff names it: the title, with the column when the table has several */
  metric: string;
  column: string;
  unit: string | null;
  value: number;
  printed: string | null;
}

/** Every row of the parent's annex tables (not blank forms) that allocates a figure to the region, one per value column. */
export function allocationsFor(parent: NoticeRecord, key: RegionKey): Allocation[] {
  const out: Allocation[] = [];
  for (const t of parent.tables) {
    if (t.kind === 'form') continue;
    const row = regionRow(t, key);
    if (!row) continue;
    for (const [column, value] of Object.entries(row.values)) {
      if (value === null || value === undefined) continue;
      const table = [t.label, t.title].filter(Boolean).join(' ');
      const title = ws(t.title ?? t.label ?? '目标任务表');
      out.push({ table, title, metric: t.columns.length > 1 ? `${title}/${column}` : title, column, unit: t.unit, value, printed: row.printed?.[column] ?? null });
    }
  }
  return out;
}

/** One way the province's own annex states a total: a column's 合计 (or row sum), or all columns together. */
export interface Reading {
  /** `附件1 目标任务/国定标准`, `附件1 目标任务/国定标准 + 目标任务/省定标准` */
  what: string;
  total: number;
  /** how far rounding can move the total: half a unit of each printed figure it adds up */
  bound: number;
  /** the columns it adds up (one for a column's total) */
  columns: string[];
  unit: string | null;
}

/** Every way a table can state a total: each column's 合计 (or row sum), and all columns together. */
export function tableReadings(t: Table): Reading[] {
  const columns = Object.keys(t.declaredTotal ?? t.rows[0]?.values ?? {});
  const label = t.label ?? 'table';
  const per: Reading[] = columns.map((c) => {
    const declared = t.declaredTotal?.[c];
    if (declared !== null && declared !== undefined) return { what: `${label} ${c}`, total: declared, bound: halfUnit(t.declaredTotalPrinted?.[c] ?? null, declared), columns: [c], unit: t.unit };
    const vals = t.rows.map((r) => r.values[c]).filter((v): v is number => v !== null && v !== undefined);
    return { what: `${label} ${c} (sum of rows)`, total: exactSum(vals), bound: t.rows.reduce((b, r) => b + halfUnit(r.printed[c]), 0), columns: [c], unit: t.unit };
  });
  const readings = [...per];
  if (per.length > 1) readings.push({ what: `${label} ${columns.join(' + ')}`, total: exactSum(per.map((p) => p.total)), bound: round(per.reduce((b, p) => b + p.bound, 0)), columns, unit: t.unit });
  return readings;
}

/** Whether a total meets a target with its comparator, within the bound: 不低于3000 is met by 3019.17. */
export function fits(comparator: Target['comparator'], value: number, total: number, bound: number): boolean {
  if (comparator === '>=' || comparator === '>') return total >= value - bound - 1e-9;
  if (comparator === '<=' || comparator === '<') return total <= value + bound + 1e-9;
  return Math.abs(total - value) <= bound + 1e-9;
}

/**
 * How the province's own annex makes up one of its targets: among the readings (of the tables the
 * target points to) that meet it, the closest — 40.6 is 国定标准 + 省定标准 = 40.56, 20.8 is 附件2's
 * 20.8 (not 附件1's 22.68, which also exceeds it). Null when no reading meets the target.
 */
export function composition(target: Target, tables: readonly Table[]): Reading | null {
  const bound = halfUnit(target.printed, target.value);
  const readings = tables.filter((t) => unitsAgree(t.unit, target.unit)).flatMap(tableReadings);
  const met = readings.filter((r) => fits(target.comparator, target.value, r.total, r.bound + bound));
  return met.sort((a, b) => Math.abs(a.total - target.value) - Math.abs(b.total - target.value))[0] ?? null;
}

/** Which annex tables a target points to: 附件N in its clause, else every target table. */
export function tablesOfTarget(record: NoticeRecord, target: Target): Table[] {
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

/** A province's headline targets: not per-unit quotas (每个村…), not shares or rates. */
export const headlineTargets = (r: NoticeRecord): Target[] => r.targets.filter((t) => !isRatio(t.unit) && !(t.scope && /^每/.test(t.scope)));

/** One allocation of the parent read against the province: what it sets, how its annex makes it up, and the verdict. */
export interface AllocationReading {
  allocation: Allocation;
  /** the province's stated target for what the allocation counts, null when it states none */
  target: Target | null;
  /** the province's own figure set against the allocation: its target, else its annex total */
  value: number | null;
  printed: string | null;
  /** how the province's annex makes up its figure (40.6 ≈ 国定标准 + 省定标准 = 40.56) */
  composed: Reading | null;
  /** the province's annex column that restates the allocation as it is (国定标准 17.88 = 17.88) */
  adopted: Reading | null;
  /** the province's figure against the allocation, within the coarser printed precision */
  status: 'same' | 'higher' | 'lower' | 'missing';
  /** value ÷ allocated, 3 decimals */
  ratio: number | null;
}

const INFLOW = /吸纳|输入|引进|来[\u4e00-\u9fa5]{1,3}(?:就业|务工)/;

/** People taken in (吸纳…, 来鲁就业) are not people sent out (外出务工): two metrics of the same words but another flow never pair. */
export const sameFlow = (a: string, b: string): boolean => INFLOW.test(a) === INFLOW.test(b);

const distance = (a: number, t: number) => (a > 0 && t > 0 ? Math.abs(Math.log(t / a)) : Infinity);
const strip = (s: string) => s.replace(/\d{4}年度?|附件\d*|表$|目标任务|各省（区、市）|各市|[（）()]/g, '');

/**
 * Pairs each allocation with the province target that counts the same thing: same unit, then the
 * closest in what it names and in size (a quota to send out with the outbound target, a quota to
 * take in with the intake target), each target used once.
 */
function pairTargets(allocs: readonly Allocation[], targets: readonly Target[]): Map<number, Target> {
  const options = allocs.flatMap((a, ai) =>
    targets.map((t, ti) => ({ ai, ti, d: unitsAgree(t.unit, a.unit) && sameFlow(a.title, t.metric) ? distance(a.value, t.value) - dice(strip(a.title), strip(t.metric)) : Infinity })),
  );
  options.sort((x, y) => x.d - y.d || x.ai - y.ai || x.ti - y.ti);
  const chosen = new Map<number, Target>();
  const used = new Set<number>();
  for (const o of options) {
    if (chosen.has(o.ai) || used.has(o.ti) || o.d === Infinity) continue;
    chosen.set(o.ai, targets[o.ti]);
    used.add(o.ti);
  }
  return chosen;
}

/**
 * The one reading of a province's (or city's) figures against its parent: one entry per allocation
 * row of the parent's annex tables. Callers: compare/rows.ts (overview), report/charts.ts,
 * check/rules/allocation-mismatch.ts, diff/numbers.ts.
 */
export function readAllocations(province: NoticeRecord, parent: NoticeRecord): AllocationReading[] {
  const key = regionKey(province);
  if (!key) return [];
  const allocs = allocationsFor(parent, key);
  const targets = headlineTargets(province);
  const own = province.tables.filter((t) => t.kind === 'target');
  const pairs = pairTargets(allocs, targets);
  return allocs.map((allocation, i) => {
    const target = pairs.get(i) ?? null;
    const tables = own.filter((t) => unitsAgree(t.unit, allocation.unit));
    const composed = target ? composition(target, tablesOfTarget(province, target)) : null;
    const adopted = tables.flatMap(tableReadings).find((r) => r.columns.length === 1 && sameWithin(r.total, null, allocation)) ?? null;
    // without a stated target, the province's figure is its own annex total for the same thing
    const fallback = target ? null : (adopted ?? tables.flatMap(tableReadings).sort((a, b) => distance(allocation.value, a.total) - distance(allocation.value, b.total))[0] ?? null);
    const value = target?.value ?? fallback?.total ?? null;
    const printed = target ? (target.printed ?? String(target.value)) : fallback ? String(fallback.total) : null;
    const status = value === null ? 'missing' : sameWithin(value, printed, allocation) ? 'same' : value > allocation.value ? 'higher' : 'lower';
    return { allocation, target, value, printed, composed, adopted, status, ratio: value !== null && allocation.value ? round(value / allocation.value, 3) : null };
  });
}

function sameWithin(value: number, printed: string | null, a: Allocation): boolean {
  return Math.abs(value - a.value) <= coarserHalfUnit({ printed, value }, { printed: a.printed, value: a.value }) + 1e-9;
}
