// Pathological shapes of input must cost time linear in their size. Speed is never asserted in
// absolute time: doubling the input may cost at most ~2.5× the time (a quadratic path costs 4×).
export const MAX_RATIO = 2.5;

/**
 * Best of `runs` CPU times of `f` in this process (CPU time, not wall time: other processes on a
 * busy machine stretch the wall clock, not our CPU time; the minimum is the least disturbed run).
 */
export function best(f: () => void, runs: number): number {
  let min = Infinity;
  for (let k = 0; k < runs; k++) {
    const start = process.cpuUsage();
    f();
    const used = process.cpuUsage(start);
    min = Math.min(min, used.user + used.system);
  }
  return min;
}

/**
 * Time of `run(make(2n))` over the time of `run(make(n))`, after a warm-up at n/4. The two sizes are
 * timed in turn (small, large, small, large…) and the least time of each is kept, so a burst of load
 * from a test file running beside this one stretches both sides alike rather than one of them; while
 * the ratio is over the bound, up to five more rounds are timed. A fresh-clone run read 2.64× and
 * 2.62× on 30k table rows when the sizes were timed one after the other (2.09× alone); a quadratic
 * path costs about 4× every time.
 */
export function growth(make: (n: number) => string, n: number, run: (text: string) => void, runs = 3): number {
  run(make(Math.max(1, n >> 2)));
  const small = make(n);
  const large = make(2 * n);
  let leastSmall = Infinity;
  let leastLarge = Infinity;
  for (let round = 0; round < 6 && (round === 0 || leastLarge / leastSmall >= MAX_RATIO); round++) {
    for (let k = 0; k < runs; k++) {
      leastSmall = Math.min(leastSmall, best(() => run(small), 1));
      leastLarge = Math.min(leastLarge, best(() => run(large), 1));
    }
  }
  return leastLarge / leastSmall;
}
