import { beforeAll, describe, expect, it } from 'vitest';
import type { NoticeRecord } from '../schemas/notice.js';
import { linkUnits, unitsOf } from '../src/diff/align.js';
import { contentSimilarity } from '../src/diff/national.js';
import { SEEDS, seedRecords } from './helpers/context.js';

// `notices check` aligns one national notice with every provincial one: its units and their
// base-side data are worked out once per record / units array. Reused, they must give what a
// fresh copy (nothing remembered) gives, pair after pair, in any order.
let national: NoticeRecord;
let provinces: NoticeRecord[];
beforeAll(async () => {
  const [guangdong, nat] = await seedRecords(SEEDS.guangdong);
  national = nat;
  provinces = [guangdong, (await seedRecords(SEEDS.jilin))[0], (await seedRecords(SEEDS.shandong))[0], (await seedRecords(SEEDS.heilongjiang))[0]];
});

describe('cross-document pairing, remembered per record', () => {
  it('contentSimilarity against the same national record equals the value for a fresh copy, pair after pair', () => {
    const order = [...provinces, ...[...provinces].reverse()];
    const reused = order.map((p) => contentSimilarity(national, p));
    const fresh = order.map((p) => contentSimilarity(structuredClone(national), structuredClone(p)));
    expect(reused).toEqual(fresh);
    expect(reused.every((x) => x > 0 && x <= 1)).toBe(true);
  });

  it('linkUnits with one base units array reused gives the links of a fresh array', () => {
    const base = unitsOf(national);
    for (const p of provinces) expect(linkUnits(base, unitsOf(p))).toEqual(linkUnits(unitsOf(structuredClone(national)), unitsOf(p)));
  });
});

describe('a corpus holding one notice several times', () => {
  it('pairs by content with the copies as with the notice once: the first copy, the same similarity', async () => {
    const { parentOf } = await import('../src/diff/national.js');
    // neither citation nor title: only the clauses can pair it
    // (the Guangdong cover forwards the national text and is not its adaptation: 0.099, below the threshold)
    const uncited = provinces.slice(1).map((p) => ({ ...p, references: [], title: null }));
    const copies = [national, structuredClone(national), structuredClone(national)];
    for (const p of uncited) {
      const once = parentOf(p, [national]);
      const thrice = parentOf(p, copies);
      expect(once?.by).toBe('content');
      expect(thrice?.parent).toBe(national);
      expect(thrice?.similarity).toBe(once?.similarity);
    }
  });
});
