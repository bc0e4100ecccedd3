export { halfUnit } from '../util/precision.js';

/** Sums without float noise, at the finest printed precision. */
export function exactSum(values: number[], decimals = 6): number {
  return Number(values.reduce((a, b) => a + b, 0).toFixed(decimals));
}

export const round = (x: number, d = 6) => Number(x.toFixed(d));
