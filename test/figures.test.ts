import { beforeAll, describe, expect, it } from 'vitest';
import type { NoticeRecord, Target } from '../schemas/notice.js';
import { extractTargets } from '../src/extract/targets.js';
import { compareFigures } from '../src/diff/figures.js';
import { compareNumbers } from '../src/diff/numbers.js';
import { diffRecords } from '../src/diff/index.js';
import { checkAll } from '../src/check/run.js';
import { targetTableMismatch } from '../src/check/rules/target-table-mismatch.js';
import { compareRows } from '../src/compare/rows.js';
import { readAllocations } from '../src/figures/province.js';
import { convert, sameDimension, unitInfo, unitsAgree } from '../src/lexicon/units.js';
import { approximateBound, coarserHalfUnit, decimalsOf, halfUnit } from '../src/util/precision.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contextsFromString, fixtureRecords, root, SEEDS, seedRecords } from './helpers/context.js';
import { runOn } from './helpers/figures.js';

// Every expectation below is read off the sentence by hand: the figure, its unit, the comparator
// word before or after it, and the year the sentence sets.

const notice = (...paragraphs: string[]) =>
  `某市人民政府关于印发某市绿化行动方案的通知\n\n各区人民政府：\n\n${paragraphs.map((p, i) => `${'一二三四五六七八九十'[i]}、目标任务。\n${p}`).join('\n')}\n\n某市人民政府\n2023年5月1日\n`;

async function targetsOf(...paragraphs: string[]) {
  const [ctx] = await contextsFromString(notice(...paragraphs));
  return extractTargets(ctx);
}

const brief = (t: Target) => ({ metric: t.metric, value: t.value, printed: t.printed, unit: t.unit, comparator: t.comparator, cue: t.cue, year: t.year, approximate: t.approximate });

describe('targets in any unit', () => {
  it('counts with 以上 after the figure and a target year: 公园数量1000座以上 (>=, 2025)', async () => {
    const t = await targetsOf('到2025年，全市公园数量达到1000座以上。');
    expect(t.map(brief)).toEqual([{ metric: '公园数量', value: 1000, printed: '1000', unit: '座', comparator: '>=', cue: '达到…以上', year: 2025, approximate: false }]);
    expect(t[0].scope).toBe('全市');
  });

  it('a share: 建成区绿化覆盖率达到40%以上', async () => {
    const t = await targetsOf('到2025年，城市建成区绿化覆盖率达到40%以上。');
    expect(t.map(brief)).toEqual([{ metric: '城市建成区绿化覆盖率', value: 40, printed: '40', unit: '%', comparator: '>=', cue: '达到…以上', year: 2025, approximate: false }]);
  });

  it('approximate: 绿道2000公里左右 is `=` with approximate true; 约500公顷 likewise', async () => {
    const t = await targetsOf('全市新建绿道2000公里左右，新增绿地约500公顷。');
    expect(t.map(brief)).toEqual([
      { metric: '新建绿道', value: 2000, printed: '2000', unit: '公里', comparator: '=', cue: '左右', year: null, approximate: true },
      { metric: '新增绿地', value: 500, printed: '500', unit: '公顷', comparator: '=', cue: null, year: null, approximate: true },
    ]);
  });

  it('a bare figure in a sentence that sets a target year: 到2025年，森林覆盖率19.5%', async () => {
    const t = await targetsOf('到2025年，森林覆盖率19.5%，人均公园绿地面积15平方米。');
    expect(t.map((x) => [x.metric, x.value, x.unit, x.comparator, x.year, x.cue])).toEqual([
      ['森林覆盖率', 19.5, '%', '=', 2025, null],
      ['人均公园绿地面积', 15, '平方米', '=', 2025, null],
    ]);
  });

  it('a bare figure stated of a past year is a statistic, not a target', async () => {
    expect(await targetsOf('2022年，全市森林覆盖率18.2%，公园数量达800座。')).toEqual([]);
  });

  it('力争到2027年 dates every figure of the paragraph; 家, 万亩, 项, 个百分点', async () => {
    const t = await targetsOf('力争到2027年，培育龙头企业50家以上；新建高标准农田8万亩；实施重点工程30项以上；森林覆盖率提高2个百分点以上。');
    expect(t.map((x) => [x.value, x.unit, x.comparator, x.year])).toEqual([
      [50, '家', '>=', 2027],
      [8, '万亩', '=', 2027],
      [30, '项', '>=', 2027],
      [2, '个百分点', '>=', 2027],
    ]);
  });

  it('comparators before the figure: 不少于 (>=), 超过 (>), 突破 (>), 不超过 (<=)', async () => {
    const t = await targetsOf('完成造林面积不少于1200公顷，治理水土流失面积超过35平方公里，全市规模以上工业总产值突破1000亿元，新增建设用地不超过300亩。');
    expect(t.map((x) => [x.value, x.unit, x.comparator, x.cue])).toEqual([
      [1200, '公顷', '>=', '不少于'],
      [35, '平方公里', '>', '超过'],
      [1000, '亿元', '>', '突破'],
      [300, '亩', '<=', '不超过'],
    ]);
  });

  it('the printed figure keeps its precision: 不低于40.60万人 → printed "40.60", persons 406000', async () => {
    const [t] = await targetsOf('全市脱贫人口务工规模不低于40.60万人。');
    expect(t).toMatchObject({ value: 40.6, printed: '40.60', unit: '万人', persons: 406000, comparator: '>=', cue: '不低于' });
    expect(decimalsOf(t.printed, t.value)).toBe(2);
  });

  it('not targets: conditions (满3个月), subsidies and caps in 万元, prices in 元, page numbers', async () => {
    const t = await targetsOf(
      '对参保满3个月的人员，给予每人1000元补贴，最高不超过5万元。企业新建生产线的，给予不超过50万元的补助。每亩补贴不低于300元。具体标准见第3页。',
    );
    expect(t).toEqual([]);
  });

  it('metamorphic: the same targets from the run-on copy of the text (web pages lose the line breaks)', async () => {
    const text = notice('到2025年，全市公园数量达到1000座以上，森林覆盖率达到19.5%。', '全市新建绿道2000公里左右，完成造林面积不少于1200公顷。');
    const [a] = await contextsFromString(text);
    const glued = runOn(text);
    expect(glued).not.toBe(text);
    const [b] = await contextsFromString(glued);
    const key = (t: Target) => [t.metric, t.value, t.printed, t.unit, t.comparator, t.year];
    const lined = extractTargets(a).map(key);
    expect(lined).toHaveLength(4);
    expect(extractTargets(b).map(key)).toEqual(lined);
  });
});

describe('the one unit table', () => {
  it('knows dimensions and converts within one: 平方公里 → 公顷 (×100), 万亩 → 亩, never 座 into 个', () => {
    expect(convert(40, '平方公里', '公顷')).toBe(4000);
    expect(convert(1.5, '万亩', '亩')).toBe(15000);
    expect(convert(1, '公顷', '亩')).toBe(15);
    expect(convert(3, '座', '个')).toBeNull();
    expect(sameDimension('万人', '人')).toBe(true);
    expect(sameDimension('%', '平方公里')).toBe(false);
    expect(unitsAgree('名', '人')).toBe(true);
    expect(unitsAgree('%', null)).toBe(false);
    expect(unitInfo('元')?.role).toBe('no');
  });
});

describe('printed precision (src/util/precision.ts)', () => {
  it('40.60 has 2 decimals and a rounding bound of 0.005; the coarser of two figures decides', () => {
    expect(decimalsOf('40.60', 40.6)).toBe(2);
    expect(halfUnit('40.60', 40.6)).toBeCloseTo(0.005, 12);
    expect(halfUnit(null, 40.6)).toBeCloseTo(0.05, 12);
    expect(coarserHalfUnit({ printed: '387.56', value: 387.56 }, { printed: '387.6', value: 387.6 })).toBeCloseTo(0.05, 12);
    // 约40: 5 % of the value, wider than the rounding of its last digit
    expect(approximateBound('40', 40)).toBe(2);
  });

  describe('40.60 reads with 2 decimals in the diff and in the check alike', () => {
    let national: NoticeRecord;
    let shandong: NoticeRecord;
    beforeAll(async () => {
      national = (await seedRecords(SEEDS.guangdong)).find((r) => r.level === 'national')!;
      [shandong] = await seedRecords(SEEDS.shandong);
    });
    const withTarget = (r: NoticeRecord, printed: string, text: string): NoticeRecord => ({
      ...r,
      targets: [{ ...r.targets[0], value: Number(printed), printed, text }],
    });

    it('diff: a phrase opening with 2022 does not lend its 0 decimals — 17.90 against the row 17.88 differs', () => {
      // printed 17.90 and 17.88: both 2 decimals, so they may differ by 0.005 at most; 0.02 apart
      const r = withTarget(shandong, '17.90', '2022年全省脱贫人口外出务工不低于17.90万人');
      const n = compareNumbers(national, { ...r, targets: [r.targets[0]] });
      expect(n[0]).toMatchObject({ base: 17.88, target: 17.9, status: 'differs' });
      // printed 17.9 (1 decimal): 17.88 rounds to 17.9, the same figure
      const coarse = withTarget(shandong, '17.9', '2022年全省脱贫人口外出务工不低于17.9万人');
      expect(compareNumbers(national, coarse)[0]).toMatchObject({ base: 17.88, target: 17.9, status: 'match' });
    });

    it('check: 不低于40.60 is not met by 国定 + 省定 = 40.56 (bound 0.005 + 0.01), 不低于40.6 is (0.05 + 0.01)', () => {
      const fine = targetTableMismatch.check(withTarget(shandong, '40.60', shandong.targets[0].text.replace('40.6', '40.60')));
      expect(fine.map((f) => f.severity)).toEqual(['error']);
      const coarse = targetTableMismatch.check(withTarget(shandong, '40.6', shandong.targets[0].text));
      expect(coarse.map((f) => [f.severity, f.data.total])).toEqual([['info', 40.56]]);
    });
  });
});

describe('figures in the diff (hand-written city and district plans)', () => {
  let city: NoticeRecord;
  let district: NoticeRecord;
  beforeAll(async () => {
    [city] = await fixtureRecords('figures/city-parks.txt');
    [district] = await fixtureRecords('figures/district-parks.txt');
  });

  it('全市1000座 → 全区230座 is a part of the city total, 19.5% → 17% lower; 40% of 100.9平方公里 restated as 约40平方公里 is converted', () => {
    const f = compareFigures(city, district);
    const brief = f.map((x) => [x.metric, x.unit, x.base, x.target, x.targetUnit, x.status, x.year]);
    expect(brief).toEqual([
      // the city's 1000 parks are its total (全市), the district's 230 its own (全区): a part of the total, not a lower target
      ['公园数量', '座', 1000, 230, '座', 'part', 2025],
      // rates compare as rates whatever the area
      ['森林覆盖率', '%', 19.5, 17, '%', 'lower', 2025],
      ['城市建成区绿化覆盖率', '%', 40, 40, '平方公里', 'converted', 2025],
      // the district says nothing of greenways: dropped; its pocket parks are its own
      ['新建绿道', '公里', 2000, null, null, 'dropped', null],
      ['新建口袋公园', '个', null, 30, '个', 'added', null],
    ]);
    // 40 / 100.9 = 39.64 %: the conversion is read through the whole the district states
    expect(f[2]).toMatchObject({ implied: 39.64, of: { value: 100.9, unit: '平方公里' } });
    // the whole is printed in the district's line 10 (本区建成区面积100.9平方公里), where its 40平方公里 figure is
    const line10 = readFileSync(join(root, 'test', 'fixtures', 'figures', 'district-parks.txt'), 'utf8').split('\n')[9];
    expect(f[2].of).toEqual({ value: 100.9, unit: '平方公里', side: 'target', span: { line: 10, column: line10.indexOf('100.9平方公里') + 1 } });
    expect(f[2].targetSpan).toEqual({ line: 10, column: line10.indexOf('40平方公里') + 1 });
    expect(f[0].baseSpan).toMatchObject({ line: 10 });
    expect(f[0].targetSpan).toMatchObject({ line: 10 });
  });

  it('no whole stated, no conversion: the share is dropped and the quantity added', () => {
    const bare = { ...district, sections: district.sections.map((s) => ({ ...s, text: s.text.replace('本区建成区面积100.9平方公里，', '') })) };
    const f = compareFigures(city, bare);
    expect(f.find((x) => x.metric === '城市建成区绿化覆盖率')).toMatchObject({ status: 'dropped', target: null });
    expect(f.find((x) => x.metric === '建成区绿化覆盖面积')).toMatchObject({ status: 'added', target: 40 });
  });

  it('a plan against itself restates every figure as the same', () => {
    const f = compareFigures(city, city);
    expect(f.map((x) => x.status)).toEqual(['same', 'same', 'same', 'same']);
  });

  it('the diff record carries figures[] and still its numbers', () => {
    const d = diffRecords(city, district);
    expect(d.figures.map((x) => x.status)).toEqual(['part', 'lower', 'converted', 'dropped', 'added']);
    expect(d.numbers).toEqual([]);
  });
});

describe('a national total against a province\'s own figure (like with like)', () => {
  it('全国 3000万人 against 吉林 全省 11.29万人 is a part of the total, not lower; a province restating the national total compares as usual', async () => {
    const [, national] = await seedRecords(SEEDS.guangdong);
    const [jilin] = await seedRecords(SEEDS.jilin);
    // 000 line 107: 推动全国脱贫人口…务工规模不低于3000万人; 001: 全省脱贫人口务工规模稳定在11.29万人以上
    const f = compareFigures(national, jilin).find((x) => x.base === 3000)!;
    expect([f.metric, f.unit, f.target, f.status]).toEqual(['脱贫人口务工规模', '万人', 11.29, 'part']);
    // the same figure printed by a province as the national one (scope 全国, not its own): compared, and the same
    const restating = { ...jilin, targets: jilin.targets.map((t) => (t.value === 11.29 ? { ...t, value: 3000, printed: '3000', scope: '全国' } : t)) };
    expect(compareFigures(national, restating).find((x) => x.base === 3000)!.status).toBe('same');
    // a rate is a rate at every level: 就业率 90% nationally against 85% in a province is lower
    const rate = (r: NoticeRecord, value: number): NoticeRecord => ({ ...r, targets: [{ ...r.targets[0], metric: '脱贫劳动力就业率', unit: '%', value, printed: String(value), scope: r.level === 'national' ? '全国' : '全省' }] });
    expect(compareFigures(rate(national, 90), rate(jilin, 85))[0].status).toBe('lower');
  });
});

describe("Shandong's figures read the same in the compare row, the check and the diff", () => {
  let records: NoticeRecord[];
  let national: NoticeRecord;
  let shandong: NoticeRecord;
  beforeAll(async () => {
    records = [...(await seedRecords(SEEDS.guangdong)), ...(await seedRecords(SEEDS.shandong))];
    national = records.find((r) => r.level === 'national')!;
    shandong = records.find((r) => r.fileNumber?.normalized === '鲁人社字〔2022〕48号')!;
  });

  it('one reading: 附件1 17.88 against 40.6 (国定 17.88 + 省定 22.68 = 40.56), 附件2 20.8 against 20.8', () => {
    const reading = readAllocations(shandong, national);
    expect(reading.map((r) => [r.allocation.value, r.value, r.status, r.ratio])).toEqual([
      [17.88, 40.6, 'higher', 2.271],
      [20.8, 20.8, 'same', 1],
    ]);
    expect(reading[0].adopted).toMatchObject({ total: 17.88 });
    expect(reading[0].composed).toMatchObject({ total: 40.56 });
  });

  it('overview, check and diff say the same', () => {
    const diff = diffRecords(national, shandong);
    const row = compareRows([national, shandong], new Map([[shandong, diff]]))[1];
    const findings = checkAll(records);
    // overview: both allocations, 40.6 / 17.88 = 2.271, 20.8 / 20.8 = 1
    expect(row.allocations.map((a) => [a.allocated, a.target, a.ratio])).toEqual([
      [17.88, 40.6, 2.271],
      [20.8, 20.8, 1],
    ]);
    // check: Shandong sets more than 17.88 (info); its 40.6 is the sum of its two columns
    const alloc = findings.filter((f) => f.rule === 'allocation-mismatch' && f.fileNumber === '鲁人社字〔2022〕48号');
    expect(alloc.map((f) => [f.severity, f.data.allocated, f.data.set])).toEqual([['info', 17.88, 40.6]]);
    expect(findings.find((f) => f.rule === 'target-table-mismatch' && f.fileNumber === '鲁人社字〔2022〕48号')?.data.total).toBe(40.56);
    // diff: the same pairs
    expect(diff.numbers.map((n) => [n.base, n.target, n.status])).toEqual([
      [17.88, 40.6, 'differs'],
      [20.8, 20.8, 'match'],
    ]);
  });
});

describe('scoring rules are not targets', () => {
  it('新开工商务楼宇15万平方米以上得5分 is the condition of a score', async () => {
    const [ctx] = await contextsFromString(
      notice('当年新开工商务楼宇15万平方米以上得5分；当年建成特色楼宇1幢以上得10分。', '到2025年，全市新开工商务楼宇达到15万平方米以上。'),
    );
    expect(extractTargets(ctx).map((t) => [t.value, t.unit, t.comparator, t.year])).toEqual([[15, '万平方米', '>=', 2025]]);
  });
});

describe('a quantity restated as a share', () => {
  it('40平方公里 of the base restated as 40% of a stated 100.9平方公里 is converted, implied 40.36平方公里', async () => {
    const { extractText } = await import('../src/api/index.js');
    const one = async (text: string) => {
      const r = await extractText(text, { path: 'inline.txt' });
      if (!('records' in r)) throw new Error('no record');
      return r.records[0];
    };
    const city = await one(notice('到2025年，全市建成区绿化覆盖面积达到40平方公里。'));
    const district = await one(notice('到2025年，本区建成区面积100.9平方公里，建成区绿化覆盖率达到40%。'));
    const f = compareFigures(city, district);
    // 40 % × 100.9 = 40.36 平方公里
    expect(f.find((x) => x.status === 'converted')).toMatchObject({ unit: '平方公里', base: 40, target: 40, targetUnit: '%', implied: 40.36, of: { value: 100.9, unit: '平方公里' } });
  });
});

describe('the year a target is set for', () => {
  it('确保2021年…不低于2020年，力争达到85万人: 2021, not the year it is compared with', async () => {
    const t = await targetsOf('确保2021年全省脱贫劳动力务工规模不低于2020年，力争达到85万人。');
    expect(t.map((x) => [x.value, x.unit, x.year])).toEqual([[85, '万人', 2021]]);
  });

  it('a year named in an earlier sentence that sets no target does not date the figure', async () => {
    const t = await targetsOf('2000年召开工作会议以来，各地做了大量工作。全市污水处理率达到95%以上。');
    expect(t.map((x) => [x.value, x.year])).toEqual([[95, null]]);
  });
});

describe('same metric', () => {
  it('people taken in are not people sent out: 吸纳脱贫人口务工人数 never restates 脱贫人口务工规模', async () => {
    const { metricSimilarity } = await import('../src/diff/figures.js');
    expect(metricSimilarity('脱贫人口务工规模', '吸纳脱贫人口务工人数')).toBe(0);
    expect(metricSimilarity('脱贫人口务工规模', '吸纳中西部脱贫人口来鲁就业')).toBe(0);
    // the same metric under a scope word and a target verb
    expect(metricSimilarity('全市新建绿道', '建设绿道')).toBe(1);
    expect(metricSimilarity('公园数量', '城市公园')).toBeGreaterThanOrEqual(0.5);
  });
});
