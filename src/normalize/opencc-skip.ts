// Which lines the traditional → simplified converter can change, worked out from its dictionaries,
// so that simplifyGlyphs sends only those lines through it. Working it out reads ~50,000 entries
// (~40 ms, once per process and per worker): scripts/gen-opencc-convertible.mjs does it once and
// writes the answer to opencc-convertible.ts, which cjk.ts reads; test/opencc-skip.test.ts holds
// the written table equal to the one the installed dictionaries give.
import * as OpenCC from 'opencc-js/t2cn';

/** A dictionary group as opencc-js ships it: "key value|key value|…" strings, [key, value] pairs, nested. */
type Dictionary = unknown;

/** Every entry of a dictionary group (the converter reads the first word after the key as its value). */
function eachEntry(dict: Dictionary, visit: (key: string, value: string) => void): void {
  if (typeof dict === 'string') {
    // scanned in place: the dictionaries hold ~50,000 entries
    for (let start = 0; start < dict.length; ) {
      let end = dict.indexOf('|', start);
      if (end < 0) end = dict.length;
      const space = dict.indexOf(' ', start);
      if (space > start && space < end) {
        const next = dict.indexOf(' ', space + 1);
        visit(dict.slice(start, space), dict.slice(space + 1, next > space && next < end ? next : end));
      }
      start = end + 1;
    }
  } else if (Array.isArray(dict)) {
    if (dict.length === 2 && typeof dict[0] === 'string' && typeof dict[1] === 'string' && !dict[0].includes(' ')) visit(dict[0], dict[1]);
    else for (const d of dict) eachEntry(d, visit);
  } else if (dict && typeof dict === 'object') for (const d of Object.values(dict)) eachEntry(d, visit);
}

/**
 * The characters an entry changes, as [offset in the key, UTF-16 length] pairs: the characters of
 * the key that the value does not keep at the same place (every character when they differ in
 * length, counted by code point: 二噁英 → 二𫫇英 changes 噁 only).
 */
function changedChars(key: string, value: string): [number, number][] {
  if (key === value) return [];
  const out: [number, number][] = [];
  if (key.length === value.length) {
    for (let i = 0; i < key.length; i++) {
      if (key.charCodeAt(i) === value.charCodeAt(i)) continue;
      const u = key.charCodeAt(i);
      // the whole surrogate pair the unit belongs to
      if (u >= 0xd800 && u <= 0xdbff && i + 1 < key.length) out.push([i, 2]);
      else if (u >= 0xdc00 && u <= 0xdfff && i > 0) out.push([i - 1, 2]);
      else out.push([i, 1]);
    }
    return out;
  }
  const k = [...key];
  const v = [...value];
  let at = 0;
  for (let i = 0; i < k.length; at += k[i].length, i++) if (k.length !== v.length || k[i] !== v[i]) out.push([at, k[i].length]);
  return out;
}

/** UTF-16 units of the characters some entry of the stage changes. */
function changedUnits(stage: Dictionary): Uint8Array {
  const units = new Uint8Array(0x10000);
  eachEntry(stage, (key, value) => {
    for (const [at, n] of changedChars(key, value)) for (let i = 0; i < n; i++) units[key.charCodeAt(at + i)] = 1;
  });
  return units;
}

/**
 * Characters c that the first stage turns into c′ and the second turns back (脱 → 脫 → 脱): the
 * first stage changes c only into c′ (a BMP character), no other stage changes c, and the second
 * stage has c′ alone as a key and, in every key holding c′, gives c at that place.
 */
function roundTrips(first: Dictionary, second: Dictionary, others: Uint8Array): Set<number> {
  const into = new Map<number, number | null>(); // c → c′, null when c becomes anything else
  eachEntry(first, (key, value) => {
    for (const [at, n] of changedChars(key, value)) {
      const c = key.charCodeAt(at);
      const ok = n === 1 && key.length === value.length && !isSurrogate(value.charCodeAt(at));
      const prev = into.get(c);
      into.set(c, ok && (prev === undefined || prev === value.charCodeAt(at)) ? value.charCodeAt(at) : null);
    }
  });
  const back = new Map<number, boolean>(); // c′ → every key holding c′ maps it to the same c (checked below)
  const backTo = new Map<number, number | null>();
  eachEntry(second, (key, value) => {
    for (let i = 0; i < key.length; i++) {
      const cc = key.charCodeAt(i);
      const to = key.length === value.length ? value.charCodeAt(i) : -1;
      const prev = backTo.get(cc);
      backTo.set(cc, to >= 0 && (prev === undefined || prev === to) ? to : null);
      if (key.length === 1) back.set(cc, true);
    }
  });
  const out = new Set<number>();
  for (const [c, cp] of into) {
    if (cp === null || cp === c || others[c]) continue;
    if (back.get(cp) && backTo.get(cp) === c) out.add(c);
  }
  return out;
}

const isSurrogate = (u: number) => u >= 0xd800 && u <= 0xdfff;

/**
 * UTF-16 units whose presence sends a line through the converter. A stage of the converter (and
 * each segment the `hk2s` chain splits a line into) replaces each matched key by its value and
 * copies the rest, so its output differs from its input only at a character some entry changes:
 * a line holding none passes every stage unchanged. Keyed on the changed characters rather than
 * on the first character of a key, as phrase entries (人參 → 人参) would mark common characters
 * (人, 工, 作 …) that no entry changes. A round trip c → c′ → c (roundTrips) is left out too: in a
 * line whose other characters no stage changes, the first stage leaves each c as c or makes it c′,
 * touches nothing else, and the second stage turns every c′ back and changes nothing else — so
 * 脱, in half the lines of a poverty-relief notice, does not send them.
 */
export function convertibleUnits(): Uint8Array {
  const configs = OpenCC.Locale.configs as Record<string, { normalizationChain?: Dictionary[]; conversionChain?: Dictionary[] }> | undefined;
  // `Converter({ from: 'hk', to: 'cn' })` runs the `hk2s` chain when the build has one (normalisation,
  // then the conversion stages; segmenting only splits the line)
  const chain = configs?.hk2s;
  if (!chain?.conversionChain) {
    // another build: every dictionary it has, no round trips
    const units = changedUnits([OpenCC.Locale.from.hk, OpenCC.Locale.to.cn, configs]);
    return units;
  }
  const stages = [...(chain.normalizationChain ?? []), ...chain.conversionChain];
  const perStage = stages.map(changedUnits);
  const units = new Uint8Array(0x10000);
  for (const s of perStage) for (let u = 0; u < units.length; u++) units[u] |= s[u];
  if (chain.conversionChain.length === 2) {
    const n = chain.normalizationChain?.length ?? 0;
    // changed by any stage but the first conversion stage
    const others = new Uint8Array(0x10000);
    perStage.forEach((s, i) => {
      if (i !== n) for (let u = 0; u < others.length; u++) others[u] |= s[u];
    });
    for (const c of roundTrips(chain.conversionChain[0], chain.conversionChain[1], others)) units[c] = 0;
    // an ideographic description sequence (⿰…) is copied whole when unmatched, c′ inside it too:
    // a line with one always goes through
    for (let u = 0x2ff0; u <= 0x2fff; u++) units[u] = 1;
  }
  return units;
}

/**
 * A table of UTF-16 units as text: the runs of marked units in hexadecimal, `first-last` or a
 * single unit, separated by spaces (units 0x41–0x43 and 0x4e00 marked: `41-43 4e00`).
 */
export function unitRanges(units: Uint8Array): string {
  const runs: string[] = [];
  for (let u = 0; u < units.length; u++) {
    if (!units[u]) continue;
    let last = u;
    while (last + 1 < units.length && units[last + 1]) last++;
    runs.push(last === u ? u.toString(16) : `${u.toString(16)}-${last.toString(16)}`);
    u = last;
  }
  return runs.join(' ');
}

/** The table `unitRanges` wrote, back as a 64 K table. */
export function unitsFromRanges(ranges: string): Uint8Array {
  const units = new Uint8Array(0x10000);
  for (const run of ranges.split(' ')) {
    if (!run) continue;
    const [first, last = first] = run.split('-').map((h) => parseInt(h, 16));
    units.fill(1, first, last + 1);
  }
  return units;
}
