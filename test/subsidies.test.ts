import { describe, it, expect } from 'vitest';
import { extractSubsidies } from '../src/extract/subsidies.js';
import { contextsFromString, seedContexts, SEEDS, sourceOf, textAt } from './helpers/context.js';
import { fixture, runOn, halfWidth } from './helpers/figures.js';

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

async function fixtureSubsidies(text: string) {
  const [ctx] = await contextsFromString(text, 'fixture.txt');
  return extractSubsidies(ctx).subsidies;
}

describe('extractSubsidies on wording from other notices', () => {
  it('a range with a unit on both ends (5000元至1万元) is one entry: the upper end, capped', async () => {
    const { subsidies } = await subsidiesOf('对吸纳脱贫人口较多的就业帮扶车间，按吸纳人数给予5000元至1万元的一次性奖补。', '对新认定的省级就业帮扶车间，一次性给予3万元至5万元奖补。');
    expect(subsidies.map((s) => [s.amount, s.cap, s.oneTime])).toEqual([
      [10000, true, true],
      [50000, true, true],
    ]);
    expect(subsidies[0].name).toBe('一次性奖补');
  });

  it('an amount of 补助资金/奖补资金 granted to a recipient is a subsidy', async () => {
    const { subsidies } = await subsidiesOf('对认定为就业帮扶车间的，给予补助资金2万元。', '对新认定的省级就业帮扶基地，给予10万元奖补资金。');
    expect(subsidies.map((s) => s.amount)).toEqual([20000, 100000]);
  });

  it('appropriations and totals are not subsidies; a capped total per recipient and an amount per person are', async () => {
    const { subsidies } = await subsidiesOf(
      '省财政安排资金1.2亿元用于支持脱贫人口稳岗就业。',
      '全省安排就业补助资金3.5亿元，省财政安排1.2亿元就业补助资金。',
      '累计发放创业担保贷款12亿元。',
      '2022年全省发放一次性交通补助2.3亿元，惠及脱贫劳动力46万人。',
      '按每人1000元给予一次性吸纳就业补贴，同一车间补贴总额不超过5万元。',
      '对跨省务工的脱贫劳动力，每人每年安排一次性往返交通补助500元。',
    );
    expect(subsidies.map((s) => [s.amount, s.cap])).toEqual([
      [1000, false],
      [50000, true],
      [500, false],
    ]);
  });

  it('a support loan\'s ceiling is credit, not a grant: no subsidy (the 贴息 is the policy)', async () => {
    const { subsidies } = await subsidiesOf(
      '符合条件的个人最高可申请20万元创业担保贷款。',
      '个人创业担保贷款最高额度为20万元，小微企业最高额度为300万元。',
      '脱贫人口小额信贷额度5万元以下。',
      '对符合条件的给予最高20万元创业担保贷款及贴息。',
    );
    expect(subsidies).toEqual([]);
  });

  it('a grant in a sentence that also mentions a loan is still a subsidy', async () => {
    const { subsidies } = await subsidiesOf('对首次创业的脱贫人口，给予一次性创业补贴5000元，并可申请创业担保贷款。');
    expect(subsidies.map((s) => s.amount)).toEqual([5000]);
  });

  it('a 据实 rule after a list of amounts caps them all; the name comes from 交通补贴标准', async () => {
    const { subsidies } = await subsidiesOf('交通补贴标准为省外每人600元、省内每人300元，实际交通费不足标准的据实补助。', '跨省务工的每人给予一次性交通补助800元，实际交通费不足800元的据实补助。');
    expect(subsidies.map((s) => [s.amount, s.cap, s.name])).toEqual([
      [600, true, '交通补贴'],
      [300, true, '交通补贴'],
      [800, true, '一次性交通补助'],
    ]);
  });

  it('lists of amounts per grade and per place are one entry each; 每人每天 is per 人/天', async () => {
    const { subsidies } = await subsidiesOf(
      '技能培训补贴标准按初级工每人1500元、中级工每人2000元、高级工每人2500元执行。',
      '按照省外每人每年不超过1000元、省内每人每年不超过500元的标准给予一次性交通补助。',
      '参训期间按每人每天50元的标准给予生活费补贴，每人补贴最高不超过1500元。',
    );
    expect(subsidies.map((s) => [s.amount, s.cap, s.per])).toEqual([
      [1500, false, '人'],
      [2000, false, '人'],
      [2500, false, '人'],
      [1000, true, '人/年'],
      [500, true, '人/年'],
      [50, false, '人/天'],
      [1500, true, '人'],
    ]);
  });

  it('提高到1万元 states a new amount; an aggregate cap after a per-person amount is its own entry', async () => {
    const { subsidies } = await subsidiesOf(
      '一次性创业补贴标准为5000元，带动3人以上就业的提高到1万元。',
      '对吸纳脱贫人口就业的经营主体，每吸纳1人给予2000元奖补，最高不超过5万元。',
    );
    expect(subsidies.map((s) => [s.amount, s.cap])).toEqual([
      [5000, false],
      [10000, false],
      [2000, false],
      [50000, true],
    ]);
    expect(subsidies[0]).toMatchObject({ name: '一次性创业补贴', oneTime: true });
  });

  it('thresholds, wages, earnings, investments and shares are not subsidies', async () => {
    const { subsidies } = await subsidiesOf(
      '对家庭年人均纯收入低于6000元的脱贫家庭，优先安排公益性岗位。',
      '脱贫劳动力月工资收入达到2000元以上的，给予稳岗奖补。',
      '对月工资3000元左右的岗位优先推荐，工资不低于当地最低工资标准。',
      '项目总投资5000万元以上的，给予优先支持。',
      '对参加以工代赈项目的脱贫群众，人均发放劳务报酬3000元以上。',
      '企业招用脱贫人口的，按照实际缴费的50%给予社会保险补贴。',
      '乡村公益性岗位补贴标准为每人每月不低于当地最低工资标准的60%。',
    );
    expect(subsidies).toEqual([]);
  });

  it('a whole provincial notice (2023 style): the multiset of amounts', async () => {
    const s = await fixtureSubsidies(fixture('province-2023.txt'));
    // （八）'s 最高可申请20万元创业担保贷款 is a loan ceiling, not a grant
    expect(s.map((x) => x.amount)).toEqual([600, 300, 200000, 500, 1000, 50000, 3000, 50]);
    expect(s.map((x) => x.clause)).toEqual(['三', '三', '四', '五', '六', '六', '八', '九']);
  });

  it('a whole notice (2021 style): ranges, 补助资金, 据实 caps; no thresholds or totals', async () => {
    const s = await fixtureSubsidies(fixture('province-2021.txt'));
    expect(s.map((x) => [x.amount, x.cap])).toEqual([
      [2000, false],
      [20000, false],
      [10000, true],
      [500, true],
    ]);
  });

  it('the same notice run on in one paragraph, or with half-width punctuation, gives the same amounts', async () => {
    for (const name of ['province-2023.txt', 'province-2021.txt']) {
      const text = fixture(name);
      const brief = (list: { amount: number; cap: boolean; per: string | null }[]) => list.map((x) => [x.amount, x.cap, x.per]);
      const expected = brief(await fixtureSubsidies(text));
      expect(brief(await fixtureSubsidies(runOn(text)))).toEqual(expected);
      expect(brief(await fixtureSubsidies(halfWidth(text)))).toEqual(expected);
      expect(brief(await fixtureSubsidies(halfWidth(runOn(text))))).toEqual(expected);
    }
  });
});
