import type { FigureComparison } from '../../schemas/diff.js';
import type { NoticeRecord, Target } from '../../schemas/notice.js';
import { convert, isShare, sameDimension, unitInfo, unitPattern } from '../lexicon/units.js';
import { approximateBound, coarserHalfUnit } from '../util/precision.js';
import { NUM, parseNumber } from '../extract/numbers.js';
import { dice } from './similarity.js';
import { sameFlow } from '../figures/province.js';

/**
 * Figures in the diff: every target of the base (any unit, with its year and metric) matched to the
 * figure the target notice states for the same metric. A city sets 1000座 parks and 19.5 % forest
 * cover, the district 230座 and 17 %: both `lower`. A share restated as a quantity (40 % of the
 * built-up area → 约40平方公里) is `converted` only when one of the two texts states the whole
 * (建成区面积100.9平方公里): never guessed.
 */
export function compareFigures(base: NoticeRecord, target: NoticeRecord): FigureComparison[] {
  // each figure's sentence is looked for in its own notice (a phrase both print must not be found in the other)
  const own = new Map<Target, NoticeRecord>([...base.targets.map((t) => [t, base] as const), ...target.targets.map((t) => [t, target] as const)]);
  const pairs = pairByMetric(base.targets, target.targets, (t) => locate(own.get(t), t));
  const out: FigureComparison[] = base.targets.map((b, i) => {
    const t = pairs.get(i);
    if (!t) return dropped(b);
    const c = compared(b, t.target, t.whole);
    return c.status !== 'converted' && isPart(b, base, t.target, target) ? { ...c, status: 'part' } : c;
  });
  const used = new Set([...pairs.values()].map((p) => p.target));
  for (const t of target.targets) if (!used.has(t)) out.push(added(t));
  return out;
}

/** A metric without the words every target shares: scope, years, target verbs (新建绿道 and 建设绿道 are one metric). */
export function metricKey(metric: string): string {
  return metric
    .replace(/\d{4}年(?:底|末)?(?:前)?|到|至/g, '')
    .replace(/^(?:全国|全省|全市|全区|全县|本省|本市|本区|本县|各地)/, '')
    .replace(/^(?:城市|城区|全域)/, '')
    .replace(/^(?:新建|新增|建设|建成|创建|打造|完成|实现|累计|增加|达到)/, '')
    .replace(/(?:数量|总数|个数|总量)$/, '')
    .replace(/[\s，、：（）()]/g, '');
}

/** How alike two metrics read: one containing the other (公园 in 城市公园) is close; otherwise character-bigram Dice. */
export function metricSimilarity(a: string, b: string): number {
  const x = metricKey(a);
  const y = metricKey(b);
  if (!x || !y) return 0;
  if (!sameFlow(x, y)) return 0;
  if (x === y) return 1;
  if (Math.min(x.length, y.length) >= 2 && (x.includes(y) || y.includes(x))) return 0.9;
  return dice(x, y);
}

/** Below this, two metrics name different things (建成区绿化覆盖率 vs 建成区绿化覆盖面积 is 0.67; 森林覆盖率 vs 建成区绿化覆盖率 0.25; 公园 vs 绿道 0). */
export const SAME_METRIC = 0.5;

interface Pair {
  target: Target;
  /** the whole a share is taken of, when the pair converts between a share and a quantity */
  whole: Whole | null;
}

/** A stated quantity a share of it is restated as (建成区面积100.9平方公里). */
interface Whole {
  value: number;
  unit: string;
  span: Target['span'] | null;
  /** the notice that states it (its span is in that notice's source) */
  side: 'base' | 'target';
}

/** A figure's sentence (cut at 。；) and where in it the figure's number starts (its span's column points there), null when not found. */
interface Located {
  sentence: string;
  at: number | null;
}

/**
 * Scope words that make a figure its area's own whole: 全国, 全省, 全市, 全区, 全县 …, 本省, 省内 …
 * (src/extract/targets.ts reads them as the target's scope).
 */
const AREA_WIDE = /^(?:全(?:国|省|自治区|市|州|盟|区|县|旗)|本(?:省|市|区|县)|(?:省|市|区|县)内)/u;
const LEVEL_RANK: Record<string, number> = { national: 0, provincial: 1, municipal: 2, county: 3, township: 4 };

/**
 * Whether the base figure is the total of a wider area and the target figure its own region's part
 * of it: a count (not a share: 森林覆盖率 19.5 % and 17 % compare as rates) the base sets for its
 * whole area (全国 3000万人, 全市 1000座; a national notice's unscoped figure is national), the target
 * for its own (全省 11.29万人, 全区 230座, or unscoped), issued at a lower level in a region the
 * base's holds. Such a pair is not `lower`: it is a part of the total (status `part`).
 */
function isPart(b: Target, base: NoticeRecord, t: Target, target: NoticeRecord): boolean {
  if (isShare(b.unit) || isShare(t.unit)) return false;
  const rank = (r: NoticeRecord) => (r.level ? (LEVEL_RANK[r.level] ?? 9) : 9);
  if (rank(base) >= rank(target) || rank(target) === 9) return false;
  if (base.region && target.region && !target.region.code.startsWith(base.region.code.replace(/(00)+$/, ''))) return false;
  const baseWide = b.scope ? AREA_WIDE.test(b.scope) : base.level === 'national';
  // the target's own area is below the base's: a province restating 全国 3000万人 states the national figure, not its own
  const targetOwn = t.scope === null || (AREA_WIDE.test(t.scope) && scopeRank(t.scope) > rank(base));
  return baseWide && targetOwn;
}

/** The level an area word names: 全国 0, 全省/本省 1, 全市/全州 2 (a 直辖市 says 全市 too: below 全国 either way), 全区/全县 3. */
function scopeRank(scope: string): number {
  if (/^全国/u.test(scope)) return 0;
  if (/^(?:全省|全自治区|本省|省内)/u.test(scope)) return 1;
  if (/^(?:全市|全州|全盟|本市|市内)/u.test(scope)) return 2;
  return 3;
}

/**
 * Pairs each base target with the target notice's figure for the same metric, best first, each
 * used once: same dimension (座 with 座, 公顷 with 平方公里), or a share with a quantity when a
 * text states the whole it is a share of.
 */
function pairByMetric(bases: readonly Target[], targets: readonly Target[], sentence: (t: Target) => Located): Map<number, Pair> {
  const options: { bi: number; ti: number; score: number; whole: Whole | null }[] = [];
  bases.forEach((b, bi) =>
    targets.forEach((t, ti) => {
      const score = metricSimilarity(b.metric, t.metric);
      if (score < SAME_METRIC) return;
      if (comparable(b.unit, t.unit)) options.push({ bi, ti, score, whole: null });
      else {
        const whole = wholeFor(b, t, sentence);
        if (whole) options.push({ bi, ti, score: score - 0.01, whole });
      }
    }),
  );
  options.sort((x, y) => y.score - x.score || x.bi - y.bi || x.ti - y.ti);
  const chosen = new Map<number, Pair>();
  const used = new Set<number>();
  for (const o of options) {
    if (chosen.has(o.bi) || used.has(o.ti)) continue;
    chosen.set(o.bi, { target: targets[o.ti], whole: o.whole });
    used.add(o.ti);
  }
  return chosen;
}

const comparable = (a: string, b: string) => (isShare(a) && isShare(b) ? unitInfo(a)?.dimension === unitInfo(b)?.dimension : sameDimension(a, b));

/**
 * For a share on one side and a quantity on the other: the whole the share is taken of, stated in
 * either text next to the figure (the quantity's sentence first, then the share's), in the quantity's
 * dimension. Null when neither states one: a conversion is never guessed.
 */
function wholeFor(b: Target, t: Target, sentence: (t: Target) => Located): Whole | null {
  const share = isShare(b.unit) ? b : isShare(t.unit) ? t : null;
  const quantity = share === b ? t : share === t ? b : null;
  if (!share || !quantity || !unitInfo(quantity.unit)) return null;
  for (const side of [quantity, share]) {
    const where = sentence(side);
    const whole = statedWhole(where.sentence, quantity);
    if (whole) return { value: whole.value, unit: whole.unit, span: spanBeside(side.span, where, whole.index), side: side === b ? 'base' : 'target' };
  }
  return null;
}

/**
 * Where the whole is printed, from the position of the figure whose sentence states it: the same
 * line, shifted by the characters between the two. Null when a line break lies between them (the
 * record's text does not say how the source wrapped there).
 */
function spanBeside(span: Target['span'], where: Located, index: number): Target['span'] | null {
  if (where.at === null) return null;
  const between = where.sentence.slice(Math.min(where.at, index), Math.max(where.at, index));
  if (/[\r\n]/.test(between)) return null;
  const column = span.column + (index - where.at);
  return column >= 1 ? { ...(span.page ? { page: span.page } : {}), line: span.line, column } : null;
}

/**
 * The sentence (cut at 。；) of the record's clause or section text that holds the figure's phrase,
 * and where the phrase starts in it; the phrase alone when the record does not hold it.
 */
function locate(record: NoticeRecord | undefined, t: Target): Located {
  const texts = record ? record.sections.flatMap((s) => [s.text, ...s.clauses.map((c) => c.text)]) : [];
  const number = numberIn(t);
  const text = texts.find((x) => x.includes(t.text));
  if (!text) return { sentence: t.text, at: number };
  const at = text.indexOf(t.text);
  const from = Math.max(text.lastIndexOf('。', at), text.lastIndexOf('；', at)) + 1;
  const ends = [text.indexOf('。', at), text.indexOf('；', at)].filter((i) => i >= 0);
  return { sentence: text.slice(from, ends.length ? Math.min(...ends) : text.length), at: number === null ? null : at - from + number };
}

/** Where the figure's number (as printed, not inside a longer number: 20 is not in 2025) starts in its phrase. */
function numberIn(t: Target): number | null {
  const printed = t.printed ?? String(t.value);
  const m = new RegExp(`(?<![\\d.])${printed.replace(/[.]/g, '\\.')}(?![\\d.])`, 'u').exec(t.text);
  return m ? m.index : null;
}

const QUANTITY = new RegExp(`(${NUM})\\s*(${unitPattern((u) => u.role === 'count')})`, 'g');

/** A quantity in `text`, of the same dimension as `part` and larger than it: the whole `part` is a share of, and where it starts. */
function statedWhole(text: string, part: Target): { value: number; unit: string; index: number } | null {
  for (const m of text.matchAll(QUANTITY)) {
    const value = parseNumber(m[1]);
    if (value === null || !sameDimension(m[2], part.unit)) continue;
    const inPart = convert(value, m[2], part.unit);
    if (inPart === null || inPart <= part.value) continue;
    return { value, unit: m[2], index: m.index };
  }
  return null;
}

function compared(b: Target, t: Target, whole: Whole | null): FigureComparison {
  const common = { metric: b.metric, unit: b.unit, base: b.value, target: t.value, targetUnit: t.unit, year: b.year ?? t.year ?? null, baseSpan: b.span, targetSpan: t.span };
  if (whole) {
    const implied = impliedInBase(b, t, whole);
    return { ...common, status: 'converted', implied, of: whole };
  }
  const value = convert(t.value, t.unit, b.unit) ?? t.value;
  return { ...common, status: verdict(b, { ...t, value }), implied: null, of: null };
}

/** The target's figure in the base's unit through the whole: 40 平方公里 of 100.9 平方公里 → 39.64 (%). */
function impliedInBase(b: Target, t: Target, whole: Whole): number | null {
  if (isShare(b.unit)) {
    const part = convert(t.value, t.unit, whole.unit);
    return part === null ? null : round2((part / whole.value) * 100);
  }
  const amount = convert((t.value / 100) * whole.value, whole.unit, b.unit);
  return amount === null ? null : round2(amount);
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** same within the printed precision (approximate figures within 5 %), else higher or lower. */
function verdict(b: Target, t: Target): 'same' | 'higher' | 'lower' {
  const bound =
    b.approximate || t.approximate
      ? Math.max(approximateBound(b.printed, b.value), approximateBound(t.printed, t.value))
      : coarserHalfUnit({ printed: b.printed, value: b.value }, { printed: null, value: t.value });
  if (Math.abs(t.value - b.value) <= bound + 1e-9) return 'same';
  return t.value > b.value ? 'higher' : 'lower';
}

const dropped = (b: Target): FigureComparison => ({
  metric: b.metric,
  unit: b.unit,
  base: b.value,
  target: null,
  targetUnit: null,
  year: b.year ?? null,
  status: 'dropped',
  implied: null,
  of: null,
  baseSpan: b.span,
  targetSpan: null,
});

const added = (t: Target): FigureComparison => ({
  metric: t.metric,
  unit: t.unit,
  base: null,
  target: t.value,
  targetUnit: t.unit,
  year: t.year ?? null,
  status: 'added',
  implied: null,
  of: null,
  baseSpan: null,
  targetSpan: t.span,
});
