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
