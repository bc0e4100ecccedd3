/** Units that count the same thing under two names: 名 and 人 (persons), 万名 and 万人. */
const SAME: Record<string, string> = { 名: '人', 万名: '万人', 位: '人' };

const canonical = (u: string) => SAME[u.replace(/\s+/g, '')] ?? u.replace(/\s+/g, '');

/**
 * Whether two figures count in the same unit and can be compared: 万人 with 万人, 公顷 with 公顷,
 * 万元 with 万元; a table or figure without a printed unit is compared with any counted unit, but
 * never a percentage or a rate (元/人) with a count.
 */
export function unitsAgree(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return !isRatio(a ?? '') && !isRatio(b ?? '');
  return canonical(a) === canonical(b);
}

/** A share or a rate, not a quantity: %, 个百分点, 元/人, 元/千瓦时. */
export function isRatio(unit: string): boolean {
  return /%|百分点|\//.test(unit);
}

/**
 * Units a table column or a stated figure counts in (公顷, 万人, 万元 …): the longer names first,
 * so 平方公里 is not read as 公里. Shared by the table reader and the rules that compare figures.
 */
export const QUANTITY_UNIT =
  /(?:[十百千万亿]|万亿)?(?:人次|平方公里|平方米|公顷|公里|千米|人|户|元|个|家|名|吨|亩|㎡|米|项|次|套|间|所|台|辆|件|张|条|座|处|天|小时|课时|岗位)/;
