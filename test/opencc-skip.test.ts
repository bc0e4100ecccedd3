import { describe, expect, it } from 'vitest';
import { CONVERTIBLE_RANGES } from '../src/normalize/opencc-convertible.js';
import { convertibleUnits, unitRanges, unitsFromRanges } from '../src/normalize/opencc-skip.js';

const tableOf = (units: number[]) => {
  const t = new Uint8Array(0x10000);
  for (const u of units) t[u] = 1;
  return t;
};

describe('the converter skip table as text', () => {
  it('writes runs of marked units in hexadecimal, single units alone', () => {
    // A B C in a row, then 一 on its own
    expect(unitRanges(tableOf([0x41, 0x42, 0x43, 0x4e00]))).toBe('41-43 4e00');
    // the first and the last unit of the table, and two runs that touch neither
    expect(unitRanges(tableOf([0, 0x10, 0x11, 0x20, 0xffff]))).toBe('0 10-11 20 ffff');
    expect(unitRanges(tableOf([]))).toBe('');
  });
  it('reads back the table it wrote', () => {
    const t = unitsFromRanges('41-43 4e00');
    expect(t.reduce((n, u) => n + u, 0)).toBe(4);
    expect([t[0x40], t[0x41], t[0x42], t[0x43], t[0x44], t[0x4e00]]).toEqual([0, 1, 1, 1, 0, 1]);
    expect(unitsFromRanges('0 ffff')[0xffff]).toBe(1);
    expect(unitsFromRanges('').every((u) => u === 0)).toBe(true);
  });
  it('the generated table is the one the installed dictionaries give (else: node scripts/gen-opencc-convertible.mjs)', () => {
    expect(CONVERTIBLE_RANGES).toBe(unitRanges(convertibleUnits()));
  });
});
