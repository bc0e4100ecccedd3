import { describe, expect, it } from 'vitest';
import { CONVERTIBLE } from '../src/normalize/convertible-units.js';
import { convertibleUnits } from '../src/normalize/opencc-skip.js';
import { rangesOf, unitsFromRanges } from '../src/normalize/unit-ranges.js';

describe('the shipped table of units the traditional → simplified converter can change', () => {
  it('is what opencc-skip works out from the installed opencc-js (else: node scripts/gen-convertible.mjs)', () => {
    expect(rangesOf(CONVERTIBLE)).toBe(rangesOf(convertibleUnits()));
  });

  it('holds the traditional glyphs and not the simplified ones or round trips', () => {
    const has = (c: string) => CONVERTIBLE[c.charCodeAt(0)] === 1;
    expect([...'優勢門經濟'].filter(has)).toEqual([...'優勢門經濟']);
    // 脱 goes 脱 → 脫 → 脱 through the two stages (opencc-skip.ts roundTrips); 人 and 优 no entry changes
    expect([...'脱人优势门经济'].filter(has)).toEqual([]);
  });
});

describe('unit ranges as text', () => {
  it('writes each run as the gap since the last run and its length, in base 36', () => {
    const units = new Uint8Array(0x10000);
    units.fill(1, 1, 4); // 1, 2, 3
    units[10] = 1;
    units.fill(1, 0xffff - 40, 0x10000); // a run to the end: gap 0xffd6 - 11
    expect(rangesOf(units)).toBe(`1.3,6.1,${(0xffff - 40 - 11).toString(36)}.${(41).toString(36)}`);
    expect(unitsFromRanges(rangesOf(units))).toEqual(units);
  });

  it('reads the empty set', () => {
    expect(rangesOf(new Uint8Array(0x10000))).toBe('');
    expect(unitsFromRanges('').some((x) => x === 1)).toBe(false);
  });
});
