import type { NumberComparison } from '../../schemas/diff.js';
import type { NoticeRecord, Table } from '../../schemas/notice.js';
import { decimalsOf } from '../util/precision.js';
import { divisionByCode, PROVINCES, provinceOfAbbreviation, provinceOfName } from '../lexicon/regions.js';
import { dice } from './similarity.js';
import { isRatio, unitsAgree } from '../lexicon/units.js';

/** A figure on either side: a base annex row cell, a target's stated target, or a target table's total. */
export interface Figure {
  value: number;
  /** what it counts: the table title (and column), or the target's metric */
  metric: string;
  /** text: stated in the body; total: a table's 合计; row: an annex row */
  kind: 'text' | 'total' | 'row';
  /** decimals as printed, for rounding */
  decimals: number;
  /** what it counts in (万人, 公顷, 万元); null when the table prints none */
  unit: string | null;
}

const ws = (s: string) => s.replace(/\s+/g, '');

/** `equal within rounding` first tier: the same number as printed. */
const EXACT = 0.005 + 1e-9;
/** Second tier: equal once both are rounded to the coarser one's printed precision (387.56 ≈ 387.6). */
const roundingBound = (a: Figure, b: Figure) => 0.5 * 10 ** -Math.min(a.decimals, b.decimals) + 1e-9;

function tableMetric(t: Table, column: string): string {
  const name = ws(t.title ?? t.label ?? '目标任务表');
  return t.columns.length > 1 ? `${name}/${column}` : name;
}

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

/** The row of a table for a region: 吉林 / 吉林省, never 新疆生产建设兵团 for 新疆. */
function regionRow(t: Table, key: RegionKey) {
  const exact = t.rows.find((r) => key.names.includes(ws(r.region)));
  return exact ?? t.rows.find((r) => ws(r.region).startsWith(key.label) && !/兵团/.test(r.region)) ?? null;
}

/** The base's annex figures for the region, one per table column with a value. */
export function baseFigures(base: NoticeRecord, key: RegionKey): Figure[] {
  const out: Figure[] = [];
  for (const t of base.tables) {
    if (t.kind === 'form') continue;
    const row = regionRow(t, key);
    if (!row) continue;
    for (const [column, value] of Object.entries(row.values)) {
      if (value == null) continue;
      out.push({ value, metric: tableMetric(t, column), kind: 'row', decimals: decimalsOf(row.printed?.[column], value), unit: t.unit });
    }
  }
  return out;
}

/** A stated figure with its comparator, when the targets were not extracted: `不低于40.6万人`, `减少120公顷`. */
const STATED = /(不低于|不少于|至少|达到|超过|稳定在|保持在)\s*(\d+(?:\.\d+)?)\s*(万人|万名|万户|万(?![元亩吨千])|人|名|户|个|公顷|亩|平方米|千瓦)?/g;

/** The target's own figures: its stated targets (body text) and its annex table totals, in any unit but shares and rates. */
export function targetFigures(target: NoticeRecord): Figure[] {
  const out: Figure[] = [];
  for (const t of target.targets) {
    if (isRatio(t.unit) || t.scope?.startsWith('每')) continue;
    out.push({ value: t.value, metric: ws(t.metric || t.text), kind: 'text', decimals: decimalsOf(/\d+(?:\.\d+)?/.exec(t.text)?.[0], t.value), unit: t.unit });
  }
  if (!out.length) {
    // targets not extracted: read the stated figures from the clause text directly
    const texts = target.sections.flatMap((s) => [s.text, ...s.clauses.map((c) => c.text)]);
    for (const text of texts) {
      for (const m of ws(text).matchAll(STATED)) {
        const before = ws(text).slice(Math.max(0, (m.index ?? 0) - 16), m.index);
        const unit = m[3] === '万' ? '万人' : (m[3] ?? null);
        out.push({ value: Number(m[2]), metric: before.replace(/^.*[，。；：、]/, ''), kind: 'text', decimals: decimalsOf(m[2], Number(m[2])), unit });
      }
    }
  }
  for (const t of target.tables) {
    if (t.kind !== 'target' || !t.declaredTotal || (t.unit && isRatio(t.unit))) continue;
    for (const [column, value] of Object.entries(t.declaredTotal)) {
      if (value == null) continue;
      out.push({ value, metric: tableMetric(t, column), kind: 'total', decimals: decimalsOf(t.declaredTotalPrinted?.[column], value), unit: t.unit });
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
 * with the target's own figures. Each base row is paired with the target figure that fits it best:
 * an equal number first (within ±0.005, then within the rounding of the coarser printed figure),
 * otherwise the remaining figure that counts the same kind of thing (`differs`). A base row is `missing` when the province
 * states no figure it could be compared with; a figure that already equals another base row is
 * explained there and is not reused for a `differs`.
 */
export function compareNumbers(base: NoticeRecord, target: NoticeRecord): NumberComparison[] {
  const key = regionKey(target);
  if (!key) return [];
  const region = key.label;
  const rows = baseFigures(base, key);
  const mine = targetFigures(target);
  const order = (a: Figure, b: Figure) => (a.kind === 'text' ? 0 : 1) - (b.kind === 'text' ? 0 : 1);

  const used = new Set<Figure>();
  const result: (NumberComparison | null)[] = rows.map(() => null);
  // figures are compared only when they count in the same unit (万人 with 万人, 公顷 with 公顷)
  const tiers: ((b: Figure, t: Figure) => boolean)[] = [
    (b, t) => unitsAgree(b.unit, t.unit) && Math.abs(b.value - t.value) <= EXACT,
    (b, t) => unitsAgree(b.unit, t.unit) && Math.abs(b.value - t.value) <= roundingBound(b, t),
  ];
  for (const equal of tiers) {
    rows.forEach((b, i) => {
      if (result[i]) return;
      const hits = mine.filter((t) => equal(b, t)).sort(order);
      if (!hits.length) return;
      hits.forEach((h) => used.add(h));
      result[i] = { metric: b.metric, region, base: b.value, target: hits[0].value, status: 'match' };
    });
  }
  rows.forEach((b, i) => {
    if (result[i]) return;
    const left = mine.filter((t) => unitsAgree(b.unit, t.unit) && !used.has(t) && !mine.some((u) => used.has(u) && Math.abs(u.value - t.value) <= EXACT));
    if (!left.length) {
      result[i] = { metric: b.metric, region, base: b.value, target: null, status: 'missing' };
      return;
    }
    const pick = [...left].sort((x, y) => fit(b, y) - fit(b, x) || order(x, y))[0];
    used.add(pick);
    result[i] = { metric: b.metric, region, base: b.value, target: pick.value, status: 'differs' };
  });
  return result.filter((r): r is NumberComparison => r !== null);
}
