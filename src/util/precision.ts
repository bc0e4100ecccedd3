/**
 * Printed precision: the one place that decides how many decimals a figure was printed with and
 * how far rounding can move it. Checks, diffs, the store and the PDF table repair all ask here.
 */

/** Decimals of a figure as printed (`79.80` → 2, `3,000` → 0, `20.8万人` → 1); from the value when nothing was printed. */
export function decimalsOf(printed: string | number | null | undefined, value?: number | null): number {
  const fromPrinted = printed === null || printed === undefined ? '' : String(printed).trim();
  const s = /\d/.test(fromPrinted) ? fromPrinted : value === null || value === undefined ? '' : String(value);
  const m = /\d\.(\d+)/.exec(s.replace(/,/g, ''));
  return m ? m[1].length : 0;
}

/** Half a unit of the last printed digit: `79.80` → 0.005, `20.8` → 0.05, `3000` → 0.5; 0 when nothing is known. */
export function halfUnit(printed: string | number | null | undefined, value?: number | null): number {
  const known = (printed !== null && printed !== undefined && /\d/.test(String(printed))) || (value !== null && value !== undefined);
  return known ? 0.5 * 10 ** -decimalsOf(printed, value) : 0;
}

/**
 * How far apart two printed figures may be and still be the same figure: half a unit of the
 * coarser one's last digit (387.56 and 387.6 → 0.05; 17.88 and 17.88 → 0.005).
 */
export function coarserHalfUnit(a: { printed?: string | null; value: number }, b: { printed?: string | null; value: number }): number {
  return 0.5 * 10 ** -Math.min(decimalsOf(a.printed, a.value), decimalsOf(b.printed, b.value));
}

/** Whether two figures are equal as printed, within the rounding of the coarser one (1e-9 absorbs float noise). */
export function sameAsPrinted(a: { printed?: string | null; value: number }, b: { printed?: string | null; value: number }): boolean {
  return Math.abs(a.value - b.value) <= coarserHalfUnit(a, b) + 1e-9;
}

/**
 * The tolerance of an approximate figure (左右, 约): the rounding of its printed precision, widened
 * to 5 % of the value, since `约40平方公里` rounds 40.36 to what the writer felt was close.
 */
export function approximateBound(printed: string | null | undefined, value: number): number {
  return Math.max(halfUnit(printed, value), Math.abs(value) * 0.05);
}
