import { describe, it, expect } from 'vitest';
import { extractTargets } from '../src/extract/targets.js';
import { contextsFromString, seedContexts, SEEDS, sourceOf, textAt } from './helpers/context.js';

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
