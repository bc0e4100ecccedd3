import { beforeAll, describe, expect, it } from 'vitest';
import type { NoticeRecord } from '../schemas/notice.js';
import { unitsOf } from '../src/diff/align.js';
import { baseSpace, coverCounts, coveredBy, maskBy, targetSpace } from '../src/diff/shingle-space.js';
import { commonShingles, compareTexts, pairScore } from '../src/diff/similarity.js';
import { SEEDS, seedRecords } from './helpers/context.js';

// Shingles are 6 characters. Base b0 = abcdefgh (abcdef, bcdefg, cdefgh), b1 = xxabcdefyy (xxabcd,
// xabcde, abcdef, bcdefy, cdefyy): abcdef is in both, a stock phrase. Target t0 = zabcdefgz (zabcde,
// abcdef, bcdefg, cdefgz).
const base = ['abcdefgh', 'xxabcdefyy'];
const target = ['zabcdefgz'];

describe('shingle ids of a base and a target read against it', () => {
  it('gives each distinct shingle one id, marks the ones two base units hold, and leaves −1 where the base has none', () => {
    const space = baseSpace(base);
    expect(space.holders.length).toBe(7); // 3 + 5 shingles, abcdef counted once
    const abcdef = space.at[0][0];
    expect(space.at[1][2]).toBe(abcdef);
    expect(space.holders[abcdef]).toEqual([0, 1]);
    expect([...space.stock].filter((x) => x === 1)).toEqual([1]);
    const side = targetSpace(space, target);
    expect(side.at[0][0]).toBe(-1); // zabcde
    expect(side.at[0][1]).toBe(abcdef);
    expect(side.at[0][2]).toBe(space.at[0][1]); // bcdefg
    expect(side.at[0][3]).toBe(-1); // cdefgz
    expect(side.holders[abcdef]).toEqual([0]);
  });

  it('counts covered characters as a union of windows', () => {
    // windows at 1 and 2 overlap: characters 1–7 of the target, 7 of them
    const at = Int32Array.from([-1, 4, 5, -1]);
    expect(coveredBy(at, () => true)).toBe(7);
    expect(coveredBy(at, (id) => id === 5)).toBe(6);
    expect([...maskBy(at, 9, (id) => id === 4)]).toEqual([0, 1, 1, 1, 1, 1, 1, 0, 0]);
  });

  it('counts every pair at once: t0 by b0 7 characters (6 without the stock abcdef), by b1 6 (0); b0 by t0 7 (6), b1 by t0 6 (0)', () => {
    const space = baseSpace(base);
    const side = targetSpace(space, target);
    const byBase = coverCounts(side.at, space.holders, base.length, space.stock);
    expect([...byBase.all]).toEqual([7, 6]);
    expect([...byBase.distinct]).toEqual([6, 0]);
    const byTarget = coverCounts(space.at, side.holders, target.length, space.stock);
    expect([...byTarget.all]).toEqual([7, 6]);
    expect([...byTarget.distinct]).toEqual([6, 0]);
  });

  it('never merges two shingles of one hash: 吪喛隸揑璖蕗 and 羦醧湴泝闲舣 hash alike (FNV-1a, 32 bits) and keep their own ids', () => {
    const space = baseSpace(['吪喛隸揑璖蕗', '羦醧湴泝闲舣']);
    expect(space.at[0][0]).not.toBe(space.at[1][0]);
    expect(space.stock[space.at[0][0]]).toBe(0);
    const side = targetSpace(space, ['羦醧湴泝闲舣吪喛隸揑璖蕗', '吪喛隸揑璖舣']);
    expect(side.at[0][0]).toBe(space.at[1][0]);
    expect(side.at[0][6]).toBe(space.at[0][0]);
    expect([...side.at[1]]).toEqual([-1]);
  });

  it('every distinct shingle of 4,000 texts keeps its own id, read back as a target', () => {
    const texts = Array.from({ length: 4000 }, (_, i) => String.fromCharCode(0x4e00 + (i % 97), 0x4e00 + ((i * 7) % 89), 0x3400 + i, 0x4e00 + (i % 13), 0x5000 + (i % 5), 0x6000, 0x7000, 0x8000, 0x9000, 0x9100));
    const space = baseSpace(texts);
    const strings = new Map<string, number>();
    texts.forEach((t, u) => space.at[u].forEach((id, i) => strings.set(t.slice(i, i + 6), id)));
    expect(new Set(strings.values()).size).toBe(strings.size);
    expect(space.holders.length).toBe(strings.size);
    const side = targetSpace(space, [...texts.slice(0, 50), '一二三四五六七']);
    texts.slice(0, 50).forEach((t, u) => side.at[u].forEach((id, i) => expect(id).toBe(strings.get(t.slice(i, i + 6)))));
    expect([...side.at[50]]).toEqual([-1, -1]);
  });
});

describe('pair scores by shingle id equal compareTexts with string shingles', () => {
  let national: NoticeRecord;
  let provinces: NoticeRecord[];
  beforeAll(async () => {
    [, national] = await seedRecords(SEEDS.guangdong);
    provinces = [(await seedRecords(SEEDS.jilin))[0], (await seedRecords(SEEDS.shandong))[0], (await seedRecords(SEEDS.heilongjiang))[0]];
  });

  it('for every target unit against every base unit of the seeds (national against each province)', () => {
    const b = unitsOf(national).map((u) => u.norm);
    const common = commonShingles(b);
    const space = baseSpace(b);
    let pairs = 0;
    for (const p of provinces) {
      const t = unitsOf(p).map((u) => u.norm);
      const side = targetSpace(space, t);
      const byBase = coverCounts(side.at, space.holders, b.length, space.stock);
      const byTarget = coverCounts(space.at, side.holders, t.length, space.stock);
      t.forEach((tn, ti) =>
        b.forEach((bn, bi) => {
          const counts = { target: byBase.all[ti * b.length + bi], base: byTarget.all[bi * t.length + ti], targetDistinct: byBase.distinct[ti * b.length + bi], baseDistinct: byTarget.distinct[bi * t.length + ti] };
          expect(pairScore(bn, tn, counts)).toEqual(compareTexts(bn, tn, common));
          pairs++;
        }),
      );
    }
    expect(pairs).toBeGreaterThan(300); // 390 pairs of units
  });
});
