/**
 * A set of UTF-16 units (a Uint8Array of 65,536 flags) as text: runs of set units, each written as
 * the gap since the previous run's end and the run's length, in base 36 (`gap.length`, comma-joined).
 * Used to ship a table worked out from a library's data rather than work it out at start-up.
 */
export function rangesOf(units: Uint8Array): string {
  const runs: string[] = [];
  let end = 0;
  for (let u = 0; u < units.length; u++) {
    if (!units[u]) continue;
    let v = u;
    while (v < units.length && units[v]) v++;
    runs.push(`${(u - end).toString(36)}.${(v - u).toString(36)}`);
    end = v;
    u = v;
  }
  return runs.join(',');
}

export function unitsFromRanges(ranges: string): Uint8Array {
  const units = new Uint8Array(0x10000);
  let end = 0;
  for (const run of ranges ? ranges.split(',') : []) {
    const dot = run.indexOf('.');
    const start = end + parseInt(run.slice(0, dot), 36);
    end = start + parseInt(run.slice(dot + 1), 36);
    units.fill(1, start, end);
  }
  return units;
}
