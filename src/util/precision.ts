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
