import { describe, it, expect } from 'vitest';
import { extractSubsidies } from '../src/extract/subsidies.js';
import { contextsFromString, seedContexts, SEEDS, sourceOf, textAt } from './helpers/context.js';

/** A minimal notice around body clauses, so the layout puts them in the body. */
const notice = (...clauses: string[]) =>
  `关于做好补贴工作的通知\n\n各市人民政府：\n\n一、补贴标准\n${clauses.map((c, i) => `（${'一二三四五六七八九十'[i]}）${c}`).join('\n')}\n\n某某省人力资源和社会保障厅\n2022年5月1日\n`;

async function subsidiesOf(...clauses: string[]) {
  const [ctx] = await contextsFromString(notice(...clauses));
  return extractSubsidies(ctx);
}

describe('extractSubsidies on the seeds', () => {
  it('Guangdong forwarding notice and the national notice state no amounts', async () => {
    const docs = await seedContexts(SEEDS.guangdong);
    expect(docs).toHaveLength(2);
    for (const ctx of docs) expect(extractSubsidies(ctx)).toEqual({ subsidies: [], findings: [] });
  });

  it('Jilin: 1000元 one-time award to the 就业帮扶车间, paid from 衔接推进乡村振兴补助资金', async () => {
    const [ctx] = await seedContexts(SEEDS.jilin);
    const { subsidies, findings } = extractSubsidies(ctx);
    expect(subsidies.map((s) => s.amount)).toEqual([1000]);
    const s = subsidies[0];
    expect(s).toMatchObject({
      amount: 1000,
      unit: '元',
      unitPrinted: true,
      oneTime: true,
      cap: false,
      clause: '六',
      recipient: '就业帮扶车间',
      fundingSource: '衔接推进乡村振兴补助资金',
      per: '人',
    });
    expect(s.text).toContain('给予就业帮扶车间1000元的一次性奖补');
    expect(textAt(sourceOf(SEEDS.jilin), s.span, 4)).toBe('1000');
    // 年收入不低于4000元 is a threshold, not an amount granted
    expect(subsidies.some((x) => x.amount === 4000)).toBe(false);
    expect(findings).toEqual([]);
  });

  it('Shandong: none', async () => {
    const [ctx] = await seedContexts(SEEDS.shandong);
    expect(extractSubsidies(ctx).subsidies).toEqual([]);
  });

  it('Heilongjiang: 200, 500 (capped), 1000 without unit, 1000 and 500 生产奖补', async () => {
    const [ctx] = await seedContexts(SEEDS.heilongjiang);
    const { subsidies, findings } = extractSubsidies(ctx);
    expect(subsidies.map((s) => s.amount)).toEqual([200, 500, 1000, 1000, 500]);
    const [service, transport, award, crossProvince, inProvince] = subsidies;
    expect(service).toMatchObject({ name: '就业创业服务补助', fundingSource: '就业补助资金', cap: false, oneTime: false, clause: '四' });
    expect(service.condition).toContain('签订1年以上劳动合同');
    expect(transport).toMatchObject({ cap: true, oneTime: true, per: '人/年', fundingSource: '衔接推进乡村振兴补助资金', unitPrinted: true });
    expect(transport.name).toContain('交通补助');
    expect(transport.text).toContain('不足500元的，据实补助');
    expect(award).toMatchObject({ name: '奖励补贴', unitPrinted: false, unit: '元', oneTime: true, fundingSource: '就业补助资金', clause: '七' });
    for (const s of [crossProvince, inProvince]) expect(s).toMatchObject({ name: '生产奖补', fundingSource: '省级衔接资金', per: '人/年', clause: '十' });
    expect(crossProvince.condition).toContain('跨省就业');
    expect(inProvince.condition).toContain('省内就业');

    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'amount-missing-unit', severity: 'warning', data: { amount: 1000 } });
    expect(findings[0].span).toEqual(award.span);
    const src = sourceOf(SEEDS.heilongjiang);
    expect(textAt(src, award.span, 4)).toBe('1000');
    expect(textAt(src, service.span, 3)).toBe('200');
    expect(textAt(src, transport.span, 3)).toBe('500');
  });
});

describe('extractSubsidies on edge sentences', () => {
  it('万元 amounts are in 元, decimals exact', async () => {
    const { subsidies } = await subsidiesOf('对首次创业的，给予1.5万元一次性创业补贴。', '对新能源项目给予0.36元/千瓦时的奖励。');
    expect(subsidies.map((s) => s.amount)).toEqual([15000, 0.36]);
    expect(subsidies[0]).toMatchObject({ unit: '元', name: '一次性创业补贴', oneTime: true, condition: '首次创业' });
    expect(subsidies[1]).toMatchObject({ per: '千瓦时', oneTime: false });
  });

  it('a range gives one entry: the upper end, capped', async () => {
    const { subsidies } = await subsidiesOf('对吸纳就业的企业，每人给予1—2万元补贴。');
    expect(subsidies).toHaveLength(1);
    expect(subsidies[0]).toMatchObject({ amount: 20000, cap: true, per: '人' });
  });

  it('several amounts in one sentence are separate entries', async () => {
    const { subsidies } = await subsidiesOf('省外就业的每人补助600元，省内县外就业的每人补助300元，县内就业的每人补助100元。');
    expect(subsidies.map((s) => s.amount)).toEqual([600, 300, 100]);
    expect(subsidies.every((s) => s.per === '人')).toBe(true);
  });

  it('不足N元的据实补助 makes one capped entry, and 不超过 caps', async () => {
    const { subsidies } = await subsidiesOf(
      '每人每年给予交通补助300元（实际交通费不足300元的，据实补助）。',
      '按不超过600元的标准分档给予一次性交通补助。',
      '跨省务工的脱贫劳动力，一次性补助400元。',
    );
    expect(subsidies.map((s) => [s.amount, s.cap, s.oneTime])).toEqual([
      [300, true, false],
      [600, true, true],
      [400, false, true],
    ]);
    expect(subsidies[1].name).toBe('一次性交通补助');
  });

  it('an amount printed without 元 is a subsidy plus a warning', async () => {
    const { subsidies, findings } = await subsidiesOf('企业每吸纳1名脱贫人口，给予一次性800的奖励补贴。');
    expect(subsidies).toHaveLength(1);
    expect(subsidies[0]).toMatchObject({ amount: 800, unitPrinted: false, unit: '元', per: '人' });
    expect(findings).toEqual([expect.objectContaining({ rule: 'amount-missing-unit', severity: 'warning', data: expect.objectContaining({ amount: 800 }) })]);
  });

  it('per-unit amounts read their unit: 元/亩, 元/100升', async () => {
    const { subsidies } = await subsidiesOf('对深翻的农业经营主体，补贴200元/亩。', '使用育秧基质补贴20元/100升。');
    expect(subsidies.map((s) => [s.amount, s.per])).toEqual([
      [200, '亩'],
      [20, '100升'],
    ]);
  });

  it('thresholds, wages, budgets and percentages are not subsidies', async () => {
    const { subsidies, findings } = await subsidiesOf(
      '脱贫人口年收入不低于4000元的用人单位可认定为就业帮扶车间。',
      '月最低工资标准为3500元/月。',
      '省财政安排资金500万元用于就业帮扶。',
      '补贴比例不超过30%。',
      '补贴分别下降0.05元/瓦、0.1元/瓦。',
    );
    expect(subsidies).toEqual([]);
    expect(findings).toEqual([]);
  });

  it('never throws on odd input', async () => {
    const { subsidies } = await subsidiesOf('给予（补贴', '补助元元元。', '（（（1000元', '补贴9999999999999999999999元。');
    expect(Array.isArray(subsidies)).toBe(true);
    for (const s of subsidies) expect(Number.isFinite(s.amount)).toBe(true);
  });
});
