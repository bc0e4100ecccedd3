/** Half a unit of the last printed digit: `79.80` → 0.005, `20.8` → 0.05, `3000` → 0.5. */
export function halfUnit(printed: string | number | null | undefined): number {
  if (printed === null || printed === undefined) return 0;
  const s = String(printed).trim();
  const dot = s.indexOf('.');
  const decimals = dot < 0 ? 0 : s.length - dot - 1;
  return 0.5 * 10 ** -decimals;
}

/** Sums without float noise, at the finest printed precision. */
export function exactSum(values: number[], decimals = 6): number {
  return Number(values.reduce((a, b) => a + b, 0).toFixed(decimals));
}

export const round = (x: number, d = 6) => Number(x.toFixed(d));
