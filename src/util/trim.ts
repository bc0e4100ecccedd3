/**
 * Trimming by character class without regexes anchored at `$`: `/[…]+$/` retries from every
 * position of a long run that does not reach the end (quadratic); scanning from the end is linear.
 */

/** A test of one UTF-16 unit, from a one-character regex class such as /[ \u3000]/. */
export type CharTest = (ch: string) => boolean;
export const charClass = (re: RegExp): CharTest => (ch) => re.test(ch);

/** Number of characters at the end of `s` that pass `test`. */
export function trailingRun(s: string, test: CharTest): number {
  let k = s.length;
  while (k > 0 && test(s[k - 1])) k--;
  return s.length - k;
}

/** Number of characters at the start of `s` that pass `test`. */
export function leadingRun(s: string, test: CharTest): number {
  let k = 0;
  while (k < s.length && test(s[k])) k++;
  return k;
}

/** `s` without the characters at its end that pass `test`. */
export function trimEndWhere(s: string, test: CharTest): string {
  return s.slice(0, s.length - trailingRun(s, test));
}

/** `s` without the characters at both ends that pass `test`. */
export function trimWhere(s: string, test: CharTest): string {
  const start = leadingRun(s, test);
  if (start === s.length) return '';
  return s.slice(start, s.length - trailingRun(s, test));
}

/**
 * Where the n-th (0-based) character other than white space stands in `s`, or -1 when `s` has
 * fewer: a position in a flattened text (spaces removed) mapped back to the text as printed.
 */
export function nthNonSpace(s: string, n: number): number {
  let seen = 0;
  for (let i = 0; i < s.length; i++) {
    if (/\s/.test(s[i])) continue;
    if (seen === n) return i;
    seen++;
  }
  return -1;
}
