import { describe, it, expect } from 'vitest';
import { extractTargets } from '../src/extract/targets.js';
import { contextsFromString, seedContexts, SEEDS, sourceOf, textAt } from './helpers/context.js';
import { fixture, runOn, halfWidth } from './helpers/figures.js';

const notice = (...clauses: string[]) =>
  `关于做好稳岗就业工作的通知\n\n各市人民政府：\n\n一、目标任务\n${clauses.map((c, i) => `（${'一二三四五六七八九十'[i]}）${c}`).join('\n')}\n\n某某省人力资源和社会保障厅\n2022年5月1日\n`;

async function targetsOf(...clauses: string[]) {
  const [ctx] = await contextsFromString(notice(...clauses));
  return extractTargets(ctx);
}

const brief = (t: { value: number; max: number | null; unit: string; comparator: string }) => [t.value, t.max, t.unit, t.comparator];

describe('extractTargets on the seeds', () => {
  it('Guangdong: 387.6万 counts people (万人); the national notice: 3000万人, never 160', async () => {
    const [gd, national] = await seedContexts(SEEDS.guangdong);
    const t0 = extractTargets(gd);
    expect(t0).toHaveLength(1);
    expect(t0[0]).toMatchObject({ value: 387.6, unit: '万人', persons: 3876000, comparator: '>=', scope: '全省', clause: null, max: null });
    expect(t0[0].metric).toContain('务工人数');
    expect(textAt(sourceOf(SEEDS.guangdong), t0[0].span, 5)).toBe('387.6');

    const t1 = extractTargets(national);
    expect(t1.map(brief)).toEqual([[3000, null, '万人', '>=']]);
    expect(t1[0]).toMatchObject({ persons: 30000000, scope: '全国', metric: '脱贫人口务工规模', clause: '一' });
    expect(t1.some((t) => t.value === 160)).toBe(false);
  });

  it('Jilin: 11.29万人, per-village and per-city quotas; no eligibility figures', async () => {
    const [ctx] = await seedContexts(SEEDS.jilin);
    const t = extractTargets(ctx);
    expect(t[0]).toMatchObject({ value: 11.29, unit: '万人', persons: 112900, comparator: '>=', scope: '全省', metric: '脱贫人口务工规模' });
    const broker = t.find((x) => x.unit === '名');
    expect(broker).toMatchObject({ value: 1, comparator: '>=', scope: '每个脱贫村', persons: 1, clause: '四' });
    expect(broker!.metric).toContain('劳务经纪人');
    const bases = t.find((x) => x.max === 2);
    expect(bases).toMatchObject({ value: 1, max: 2, unit: '个', comparator: '=', scope: '每个市（州）', persons: null });
    const workshops = t.find((x) => x.metric.includes('就业帮扶车间'));
    expect(workshops).toMatchObject({ value: 1, unit: '个', comparator: '>=', scope: '每个县（市）', clause: '六' });
    for (const v of [4000, 1000, 3]) expect(t.some((x) => x.value === v)).toBe(false);
    expect(t.some((x) => x.unit.includes('月'))).toBe(false);
    const src = sourceOf(SEEDS.jilin);
    expect(textAt(src, bases!.span, 3)).toBe('1—2');
  });

  it('Shandong: 40.6万人 and 20.8万人; the counts of key regions are not targets', async () => {
    const [ctx] = await seedContexts(SEEDS.shandong);
    const t = extractTargets(ctx);
    expect(t.map(brief)).toEqual([
      [40.6, null, '万人', '>='],
      [20.8, null, '万人', '>='],
    ]);
    expect(t.map((x) => x.persons)).toEqual([406000, 208000]);
    for (const v of [20, 39, 16]) expect(t.some((x) => x.value === v)).toBe(false);
  });

  it('Heilongjiang: 19.67万人 only', async () => {
    const [ctx] = await seedContexts(SEEDS.heilongjiang);
    const t = extractTargets(ctx);
    expect(t.map(brief)).toEqual([[19.67, null, '万人', '>=']]);
    expect(t[0]).toMatchObject({ persons: 196700, scope: '全省', metric: '脱贫人口务工规模', clause: '一' });
  });
});

describe('extractTargets on edge sentences', () => {
  it('comparators: 以上, 达到…以上, 稳定在…以上, 不超过, 以内', async () => {
    const t = await targetsOf(
      '力争全年新增农村劳动力转移就业5万人以上。',
      '全省脱贫人口务工规模稳定在15.64万人以上。',
      '帮扶车间吸纳就业达到20万人以上。',
      '每期培训不超过3000人次。',
      '登记失业率控制在5.5%以内。',
    );
    expect(t.map(brief)).toEqual([
      [5, null, '万人', '>='],
      [15.64, null, '万人', '>='],
      [20, null, '万人', '>='],
      [3000, null, '人次', '<='],
      [5.5, null, '%', '<='],
    ]);
    expect(t.map((x) => x.persons)).toEqual([50000, 156400, 200000, null, null]);
    expect(t[1].scope).toBe('全省');
  });

  it('a plain target verb reads as =; ranges give value and max; Chinese numerals after a comparator', async () => {
    const t = await targetsOf('每个县创建2-3个就业帮扶基地。', '每个乡镇至少配备一名就业信息员。', '全省新增城镇就业110万人。');
    expect(t.map(brief)).toEqual([
      [2, 3, '个', '='],
      [1, null, '名', '>='],
      [110, null, '万人', '='],
    ]);
    expect(t.map((x) => x.scope)).toEqual(['每个县', '每个乡镇', '全省']);
    expect(t.map((x) => x.metric)).toEqual(['创建就业帮扶基地', '配备就业信息员', '新增城镇就业']);
    expect(t[2].persons).toBe(1100000);
  });

  it('money, durations, places and eligibility conditions are not targets', async () => {
    const t = await targetsOf(
      '对吸纳脱贫人口3人以上（含3人）就业、签订3个月及以上劳动合同，脱贫人口年收入不低于4000元的用人单位可认定为就业帮扶车间。',
      '将160个国家乡村振兴重点帮扶县作为重点地区。',
      '每介绍1人成功就业且签订1年以上劳动合同的，给予200元补助。',
      '于每季度结束后3个工作日内报送。',
    );
    expect(t).toEqual([]);
  });

  it('never throws on odd input', async () => {
    const t = await targetsOf('不低于', '不低于万人。', '至少（1个', '不低于99999999999999999999万人。');
    for (const x of t) expect(Number.isFinite(x.value)).toBe(true);
  });
});

async function fixtureTargets(text: string) {
  const [ctx] = await contextsFromString(text, 'fixture.txt');
  return extractTargets(ctx);
}

describe('extractTargets on wording from other notices', () => {
  it('an approximate figure (左右) is = with the figure, the word stays out of the metric', async () => {
    const t = await targetsOf('全省脱贫人口务工规模达到1200万人左右。', '其中省外务工规模达到60万人左右。');
    expect(t.map(brief)).toEqual([
      [1200, null, '万人', '='],
      [60, null, '万人', '='],
    ]);
    expect(t.map((x) => x.metric)).toEqual(['脱贫人口务工规模', '省外务工规模']);
  });

  it('ranges with 至 and —: value and max', async () => {
    const t = await targetsOf('全年通过东西部劳务协作帮助脱贫劳动力转移就业10—15万人。', '每个市（州）培育3至5个省级劳务品牌。');
    expect(t.map(brief)).toEqual([
      [10, 15, '万人', '='],
      [3, 5, '个', '='],
    ]);
    expect(t[1].scope).toBe('每个市（州）');
  });

  it('Chinese numerals: after a comparator, before 以上, or after a target verb from two up', async () => {
    const t = await targetsOf('每个乡镇至少建立两个就业服务站。', '每个市州培育两个以上劳务品牌。', '每个县至少举办二十场专场招聘活动。', '各地要打造一个劳务品牌。');
    expect(t.map(brief)).toEqual([
      [2, null, '个', '>='],
      [2, null, '个', '>='],
      [20, null, '场', '>='],
    ]);
    expect(t.map((x) => x.scope)).toEqual(['每个乡镇', '每个市州', '每个县']);
  });

  it('a comparator with its verb before the figure: 至少组织开展3场 is >=', async () => {
    const t = await targetsOf('每个县（市、区）至少组织开展3场专场招聘活动。');
    expect(t.map(brief)).toEqual([[3, null, '场', '>=']]);
    expect(t[0]).toMatchObject({ scope: '每个县（市、区）', metric: '组织开展专场招聘活动' });
  });

  it('target verbs without a comparator read as =: 新增, 培训, 配备, 认定…以上', async () => {
    const t = await targetsOf(
      '全年新增转移就业脱贫劳动力5万人。',
      '全年培训脱贫劳动力1.5万人次。',
      '各乡镇要配备1名专职就业帮扶联络员。',
      '新认定就业帮扶车间200家以上。',
    );
    expect(t.map(brief)).toEqual([
      [5, null, '万人', '='],
      [1.5, null, '万人次', '='],
      [1, null, '名', '='],
      [200, null, '家', '>='],
    ]);
    expect(t.map((x) => x.persons)).toEqual([50000, null, 1, null]);
  });

  it('a clause without a subject takes it from the clause before: 不低于上年，力争达到85万人', async () => {
    const t = await targetsOf('确保2021年全省脱贫劳动力务工规模不低于2020年，力争达到85万人。');
    expect(t.map(brief)).toEqual([[85, null, '万人', '=']]);
    expect(t[0]).toMatchObject({ metric: '脱贫劳动力务工规模', scope: '全省' });
  });

  it('the figure of a reference in brackets: 不低于2022年底规模（78.5万人）', async () => {
    const t = await targetsOf('全省脱贫人口务工规模不低于2022年底规模（78.5万人）。');
    expect(t.map(brief)).toEqual([[78.5, null, '万人', '>=']]);
    expect(t[0]).toMatchObject({ metric: '脱贫人口务工规模', scope: '全省', persons: 785000 });
  });

  it('a target verb far from its figure: 帮助脱贫劳动力实现就业80万人', async () => {
    const t = await targetsOf('力争全年帮助脱贫劳动力实现就业80万人。');
    expect(t.map(brief)).toEqual([[80, null, '万人', '=']]);
    expect(t[0].metric).toBe('帮助脱贫劳动力实现就业');
  });

  it('a per-unit quota after the thing it counts: 认定一批…车间，每个市州不少于10家', async () => {
    const t = await targetsOf('认定一批省级就业帮扶车间，每个市州不少于10家。');
    expect(t.map(brief)).toEqual([[10, null, '家', '>=']]);
    expect(t[0]).toMatchObject({ scope: '每个市州', metric: '认定一批省级就业帮扶车间' });
  });

  it('scope words: 各地区 and 各市州 are whole', async () => {
    const t = await targetsOf('各地区帮扶车间吸纳就业人数较上年增长10%以上。', '各市州脱贫劳动力务工规模不低于5万人。');
    expect(t.map((x) => x.scope)).toEqual(['各地区', '各市州']);
    expect(t[0].metric).toBe('帮扶车间吸纳就业人数较上年增长');
  });

  it('a condition spread over clauses (…以上，且…的，给予…) is no target', async () => {
    const t = await targetsOf(
      '企业吸纳脱贫人口10人以上，且签订1年以上劳动合同的，给予一次性奖补。',
      '带动脱贫人口就业5人以上的项目给予奖补。',
      '一次性创业补贴标准为5000元，带动3人以上就业的提高到1万元。',
    );
    expect(t).toEqual([]);
  });

  it('a count of named priority areas is never a target, whatever follows it', async () => {
    const t = await targetsOf('在不少于3个国家乡村振兴重点帮扶县开展劳务品牌培育试点。', '对全省不少于二十个易地扶贫搬迁集中安置点开展专项帮扶。');
    expect(t).toEqual([]);
  });

  it('a share of money is a spending rule, a share of people is a target', async () => {
    const t = await targetsOf(
      '以工代赈项目劳务报酬占中央资金比例不低于30%。',
      '衔接资金用于产业发展的比例不低于55%。',
      '全省脱贫劳动力务工就业率达到90%以上。',
      '帮扶车间脱贫人口就业比重原则上不低于30%。',
    );
    expect(t.map(brief)).toEqual([
      [90, null, '%', '>='],
      [30, null, '%', '>='],
    ]);
    expect(t[1].metric).toBe('帮扶车间脱贫人口就业比重');
  });

  it('ages, durations, dates, phone numbers, counts stated as facts and figureless comparisons are not targets', async () => {
    const t = await targetsOf(
      '年满16周岁至60周岁的脱贫劳动力均纳入服务范围。',
      '乡村公益性岗位年龄原则上不超过65周岁，聘期不超过1年。',
      '各地要于2023年12月31日前完成摸底，于每月5日前报送进展，联系电话：0931-8928888。',
      '确保脱贫人口务工规模不低于上年。',
      '全省共有脱贫人口165.8万人。',
      '在本地企业连续缴纳社会保险3个月以上。',
    );
    expect(t).toEqual([]);
  });

  it('a whole provincial notice (2023 style): every target, nothing else', async () => {
    const t = await fixtureTargets(fixture('province-2023.txt'));
    expect(t.map(brief)).toEqual([
      [150, null, '万人', '>='],
      [60, null, '万人', '='],
      [10, 15, '万人', '='],
      [1, null, '个', '>='],
      [3, 5, '个', '='],
      [2, null, '万个', '>='],
      [200, null, '家', '>='],
      [1.5, null, '万人次', '='],
    ]);
    expect(t[0]).toMatchObject({ scope: '全省', metric: '脱贫劳动力务工就业规模', persons: 1500000, clause: '一' });
    expect(t[3].scope).toBe('每个重点帮扶县');
  });

  it('a whole notice (2021 style): Chinese numerals, borrowed subject, no conditions', async () => {
    const t = await fixtureTargets(fixture('province-2021.txt'));
    expect(t.map(brief)).toEqual([
      [85, null, '万人', '='],
      [5, null, '万人', '='],
      [90, null, '%', '>='],
      [2, null, '个', '>='],
      [20, null, '场', '>='],
      [2, null, '名', '>='],
    ]);
  });

  it('the same notice run on in one paragraph, or with half-width punctuation, gives the same targets', async () => {
    for (const name of ['province-2023.txt', 'province-2021.txt']) {
      const text = fixture(name);
      const expected = (await fixtureTargets(text)).map(brief);
      expect((await fixtureTargets(runOn(text))).map(brief)).toEqual(expected);
      expect((await fixtureTargets(halfWidth(text))).map(brief)).toEqual(expected);
      expect((await fixtureTargets(halfWidth(runOn(text)))).map(brief)).toEqual(expected);
    }
  });
});
