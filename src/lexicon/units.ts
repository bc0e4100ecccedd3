/**
 * The one unit table. Every reader of figures asks here: the target extractor (which units a
 * target counts in), the table reader (a column's `（万人）`), the diff (which figures compare,
 * and how 平方公里 converts to 公顷) and the alignment (which figures are local specifics).
 *
 * Sources: the statutory units of measurement of the PRC (法定计量单位, 1984: 米, 平方米, 吨, 千瓦;
 * 公里 = 千米, 公顷 = 10 000 平方米) and the 市制 亩 (1 亩 = 10 000/15 平方米, as 《关于改革我国土地
 * 计量单位的通知》 keeps it in agricultural statistics); the counters (量词 座, 个, 家, 处 …) as
 * notices print them. 万 and 亿 are scale words (×10⁴, ×10⁸), not units of their own.
 */

/** What a unit measures. Two figures compare only within one dimension; counters are each their own (座 is not 个). */
export type Dimension = string;

export interface UnitInfo {
  /** as printed: 万人, 平方公里, % */
  name: string;
  /** persons, area, length, money, share, points, or the counter itself (座, 个, 家 …) */
  dimension: Dimension;
  /** the value of one `name` in the dimension's base unit (万人 → 10 000 persons; 平方公里 → 1 000 000 平方米) */
  factor: number;
  /**
   * As a target's unit: `count` (people, places, land — a result to reach), `money` (a target only
   * for an aggregate such as 产值 or 投资, never a subsidy or a price), `no` (durations, dates).
   */
  role: 'count' | 'money' | 'share' | 'no';
  /** what must not follow, so the unit is not the start of another word: 个月, 家庭, 人民币 */
  notBefore?: string;
}

const MU = 10000 / 15;

/** Base units with their 万 forms where notices print them. Order does not matter: patterns sort longest first. */
export const UNITS: readonly UnitInfo[] = [
  { name: '人', dimension: 'persons', factor: 1, role: 'count', notBefore: '民币|均|次' },
  { name: '名', dimension: 'persons', factor: 1, role: 'count', notBefore: '单|称|义|录' },
  { name: '位', dimension: 'persons', factor: 1, role: 'no' },
  { name: '万人', dimension: 'persons', factor: 1e4, role: 'count', notBefore: '次' },
  { name: '万名', dimension: 'persons', factor: 1e4, role: 'count' },
  { name: '人次', dimension: '人次', factor: 1, role: 'count' },
  { name: '万人次', dimension: '人次', factor: 1e4, role: 'count' },
  { name: '户', dimension: '户', factor: 1, role: 'count', notBefore: '籍|口|外' },
  { name: '万户', dimension: '户', factor: 1e4, role: 'count' },
  { name: '个', dimension: '个', factor: 1, role: 'count', notBefore: '月|工作日|百分点|小时|季度|星期|自然日|年|工作|半月' },
  { name: '万个', dimension: '个', factor: 1e4, role: 'count' },
  { name: '家', dimension: '家', factor: 1, role: 'count', notBefore: '庭|属|长|乡' },
  { name: '万家', dimension: '家', factor: 1e4, role: 'count' },
  { name: '座', dimension: '座', factor: 1, role: 'count' },
  { name: '处', dimension: '处', factor: 1, role: 'count', notBefore: '理|置|罚|分|室|长|级' },
  { name: '所', dimension: '所', factor: 1, role: 'count', notBefore: '需|得|在|属|有|以|称|谓' },
  { name: '项', dimension: '项', factor: 1, role: 'count', notBefore: '目' },
  { name: '场', dimension: '场', factor: 1, role: 'count', notBefore: '所|地|景|馆' },
  { name: '期', dimension: '期', factor: 1, role: 'count', notBefore: '间|限|满|内' },
  { name: '批', dimension: '批', factor: 1, role: 'count', notBefore: '准|复|次' },
  { name: '套', dimension: '套', factor: 1, role: 'count' },
  { name: '万套', dimension: '套', factor: 1e4, role: 'count' },
  { name: '间', dimension: '间', factor: 1, role: 'count' },
  { name: '万间', dimension: '间', factor: 1e4, role: 'count' },
  { name: '条', dimension: '条', factor: 1, role: 'count', notBefore: '件|例|款|规' },
  { name: '台', dimension: '台', factor: 1, role: 'no' },
  { name: '辆', dimension: '辆', factor: 1, role: 'count' },
  { name: '件', dimension: '件', factor: 1, role: 'no' },
  { name: '张', dimension: '张', factor: 1, role: 'no' },
  { name: '次', dimension: '次', factor: 1, role: 'no' },
  { name: '岗位', dimension: '岗位', factor: 1, role: 'no' },
  { name: '米', dimension: 'length', factor: 1, role: 'no' },
  { name: '千米', dimension: 'length', factor: 1000, role: 'count' },
  { name: '公里', dimension: 'length', factor: 1000, role: 'count' },
  { name: '平方米', dimension: 'area', factor: 1, role: 'count' },
  { name: '㎡', dimension: 'area', factor: 1, role: 'count' },
  { name: '万平方米', dimension: 'area', factor: 1e4, role: 'count' },
  { name: '公顷', dimension: 'area', factor: 1e4, role: 'count' },
  { name: '平方公里', dimension: 'area', factor: 1e6, role: 'count' },
  { name: '亩', dimension: 'area', factor: MU, role: 'count', notBefore: '产|均' },
  { name: '万亩', dimension: 'area', factor: MU * 1e4, role: 'count' },
  { name: '吨', dimension: 'mass', factor: 1, role: 'count' },
  { name: '万吨', dimension: 'mass', factor: 1e4, role: 'count' },
  { name: '千瓦', dimension: 'power', factor: 1, role: 'count', notBefore: '时' },
  { name: '万千瓦', dimension: 'power', factor: 1e4, role: 'count', notBefore: '时' },
  { name: '元', dimension: 'money', factor: 1, role: 'no' },
  { name: '万元', dimension: 'money', factor: 1e4, role: 'money' },
  { name: '亿元', dimension: 'money', factor: 1e8, role: 'money' },
  { name: '天', dimension: 'time', factor: 1, role: 'no' },
  { name: '小时', dimension: 'time', factor: 1 / 24, role: 'no' },
  { name: '课时', dimension: '课时', factor: 1, role: 'no' },
  { name: '%', dimension: 'share', factor: 1, role: 'share' },
  { name: '％', dimension: 'share', factor: 1, role: 'share' },
  { name: '个百分点', dimension: 'points', factor: 1, role: 'share' },
];

const BY_NAME = new Map(UNITS.map((u) => [u.name, u]));
// unitInfo looks a printed unit up as it is before squashing it: the same entry only if no name holds a space
for (const u of UNITS) if (/\s/.test(u.name)) throw new Error(`units: the name '${u.name}' holds a space`);

/** Units that count the same thing under two names: 名 and 人 (persons), 万名 and 万人. */
const SAME: Record<string, string> = { 名: '人', 万名: '万人', 位: '人', '％': '%', 千米: '公里', '㎡': '平方米' };

const squash = (u: string) => u.replace(/\s+/g, '');
const canonical = (u: string) => SAME[squash(u)] ?? squash(u);

/** The table entry of a printed unit (`万人`, `平方公里`), or null for a unit the table does not know. */
export function unitInfo(unit: string | null | undefined): UnitInfo | null {
  if (!unit) return null;
  // a unit printed as the table names it (most are) holds no space: found without the regex
  // replace, which cost more than the rest of a target's reading in a batch's unoptimised code
  return BY_NAME.get(unit) ?? BY_NAME.get(squash(unit)) ?? null;
}

/**
 * Whether two figures count in the same unit and can be compared as printed: 万人 with 万人, 公顷
 * with 公顷, 万元 with 万元; a table or figure without a printed unit is compared with any counted
 * unit, but never a percentage or a rate (元/人) with a count.
 */
export function unitsAgree(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return !isRatio(a ?? '') && !isRatio(b ?? '');
  return canonical(a) === canonical(b);
}

/** A share or a rate, not a quantity: %, 个百分点, 元/人, 元/千瓦时. */
export function isRatio(unit: string): boolean {
  return /%|％|百分点|\//.test(unit);
}

/** Whether two units measure the same dimension (平方公里 and 公顷; 万人 and 人), so one converts into the other. */
export function sameDimension(a: string | null | undefined, b: string | null | undefined): boolean {
  const x = unitInfo(a);
  const y = unitInfo(b);
  return !!x && !!y && x.dimension === y.dimension;
}

/** `value` printed in unit `from`, expressed in unit `to` (40 平方公里 → 4000 公顷); null when they measure different things. */
export function convert(value: number, from: string, to: string): number | null {
  const x = unitInfo(from);
  const y = unitInfo(to);
  if (!x || !y || x.dimension !== y.dimension) return null;
  return Number(((value * x.factor) / y.factor).toPrecision(12));
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A regex alternation of the units that pass `keep`, longest first, each with its `notBefore`
 * guard: the one place the pattern of a unit is written.
 */
export function unitPattern(keep: (u: UnitInfo) => boolean = () => true): string {
  return UNITS.filter(keep)
    .sort((a, b) => b.name.length - a.name.length)
    .map((u) => (u.notBefore ? `${escape(u.name)}(?!${u.notBefore})` : escape(u.name)))
    .join('|');
}

/** Unit names alone (no guards), longest first: for a unit printed on its own (`单位：万人`, `目标任务（公顷）`). */
export function unitNames(keep: (u: UnitInfo) => boolean = () => true): string {
  return UNITS.filter(keep)
    .sort((a, b) => b.name.length - a.name.length)
    .map((u) => escape(u.name))
    .join('|');
}

/** Whether a unit is a share (%, ％) or a difference of shares (个百分点). */
export const isShare = (unit: string | null | undefined): boolean => unitInfo(unit)?.role === 'share';

/**
 * A quantity a table column or a stated figure counts in (公顷, 万人, 万元 …), with a scale word:
 * every unit of the table but shares, each with its guard, longer names first (平方公里 before 公里).
 */
export const QUANTITY_UNIT = new RegExp(`(?:[十百千万亿]|万亿)?(?:${unitPattern((u) => u.role !== 'share')})`);
