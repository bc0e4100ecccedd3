import { describe, it, expect } from 'vitest';
import { extractPolicyMentions } from '../src/extract/policies.js';
import { contextsFromString, seedContexts, SEEDS } from './helpers/context.js';
import { fixture, runOn, halfWidth } from './helpers/figures.js';

const notice = (...clauses: string[]) =>
  `关于落实就业帮扶政策的通知\n\n各市人民政府：\n\n一、政策措施\n${clauses.map((c, i) => `（${'一二三四五六七八九十'[i]}）${c}`).join('\n')}\n\n某某省人力资源和社会保障厅\n2022年5月1日\n`;

async function mentionsOf(...clauses: string[]) {
  const [ctx] = await contextsFromString(notice(...clauses));
  return extractPolicyMentions(ctx);
}

describe('extractPolicyMentions on the seeds', () => {
  it('Guangdong forwarding notice and the national notice', async () => {
    const [gd, national] = await seedContexts(SEEDS.guangdong);
    expect(extractPolicyMentions(gd)).toEqual(['吸纳脱贫人口就业补贴', '社会保险补贴', '岗位补贴', '就业帮扶基地奖补', '就业创业服务补助', '创业担保贷款及贴息', '交通费补贴']);
    expect(extractPolicyMentions(national)).toEqual(['就业创业服务补助', '社会保险补贴', '创业担保贷款及贴息', '交通费补贴', '就业帮扶基地奖补']);
  });

  it('Jilin: 培训补贴及生活费补贴 splits into two', async () => {
    const [ctx] = await seedContexts(SEEDS.jilin);
    expect(extractPolicyMentions(ctx)).toEqual(['培训补贴', '生活费补贴', '一次性吸纳就业补贴', '就业创业服务补助', '社会保险补贴', '创业担保贷款及贴息', '交通费补助']);
  });

  it('Shandong', async () => {
    const [ctx] = await seedContexts(SEEDS.shandong);
    expect(extractPolicyMentions(ctx)).toEqual(['就业创业服务补助', '社会保险补贴', '创业担保贷款及贴息', '交通费补贴']);
  });

  it('Heilongjiang: list items that are not policies drop out; a list of misconduct is no policy list; amounts make subsidies', async () => {
    const [ctx] = await seedContexts(SEEDS.heilongjiang);
    const m = extractPolicyMentions(ctx);
    expect(m).toEqual(['创业担保贷款及贴息', '一次性创业补贴', '岗位补贴', '就业创业服务补助', '社会保险补贴', '交通费补贴', '就业帮扶基地奖补']);
    expect(m).not.toContain('违规发放补贴');
    expect(m).not.toContain('场地安排');
  });
});

describe('extractPolicyMentions on edge sentences', () => {
  it('splits 、 lists ending in 等政策 and 和 inside an item, keeps 贷款及贴息 whole, deduplicates', async () => {
    const m = await mentionsOf(
      '按规定落实好社会保险补贴、岗位补贴和创业担保贷款及贴息等政策。',
      '符合条件的，享受一次性吸纳就业补贴政策，并按规定给予社会保险补贴。',
    );
    expect(m).toEqual(['社会保险补贴', '岗位补贴', '创业担保贷款及贴息', '一次性吸纳就业补贴']);
  });

  it('a policy named with an amount is a subsidy, not a mention', async () => {
    const m = await mentionsOf('按规定给予生产奖补，其中跨省就业每人每年补助1000元。', '对脱贫人口给予一次性补贴。');
    expect(m).toEqual([]);
  });

  it('lists of other things are ignored', async () => {
    const m = await mentionsOf('丰富人员输出、技能培训、权益保障等协作内容。', '纠正违规发放补贴、虚报冒领补助等行为。');
    expect(m).toEqual([]);
  });
});

async function fixtureMentions(text: string) {
  const [ctx] = await contextsFromString(text, 'fixture.txt');
  return extractPolicyMentions(ctx);
}

describe('extractPolicyMentions on wording from other notices', () => {
  it('lists joined by 、和 以及 与, ending in 等补贴政策 or 等创业扶持政策', async () => {
    const m = await mentionsOf(
      '落实好吸纳就业补贴和社会保险补贴、岗位补贴以及一次性交通补助等补贴政策。',
      '落实好创业担保贷款及贴息、一次性创业补贴与创业场地租金补贴等创业扶持政策。',
    );
    expect(m).toEqual(['吸纳就业补贴', '社会保险补贴', '岗位补贴', '一次性交通补助', '创业担保贷款及贴息', '一次性创业补贴', '创业场地租金补贴']);
  });

  it('a name inside 《》 is a document; the policy a document lays down (《…》中的…) is a mention', async () => {
    expect(await mentionsOf('印发《关于做好一次性吸纳就业补贴工作的通知》。')).toEqual([]);
    expect(await mentionsOf('认真落实《关于进一步做好稳就业工作的通知》中的吸纳就业补贴政策。')).toEqual(['吸纳就业补贴']);
    expect(await mentionsOf('认真落实《甘肃省就业补助资金管理办法》规定的岗位补贴、社会保险补贴等政策。')).toEqual(['岗位补贴', '社会保险补贴']);
  });

  it('a policy named next to another one\'s amount is still a mention', async () => {
    const m = await mentionsOf('按规定给予职业技能培训补贴，参训期间按每人每天50元的标准给予生活费补贴。');
    expect(m).toEqual(['职业技能培训补贴']);
  });

  it('a rate in percent is no amount: 按照实际缴费的50%给予社会保险补贴 names a policy', async () => {
    expect(await mentionsOf('企业招用脱贫人口的，按照实际缴费的50%给予社会保险补贴。')).toEqual(['社会保险补贴']);
  });

  it('a policy whose amount is a threshold (…低于2000元的，给予…) is a mention', async () => {
    expect(await mentionsOf('脱贫劳动力月工资收入达到2000元以上的，给予稳岗奖补。')).toEqual(['稳岗奖补']);
  });

  it('quotes inside a name, and the verbs 申请 and 实施', async () => {
    const m = await mentionsOf('继续实施“雨露计划”职业教育补助政策。', '支持脱贫人口申请创业担保贷款及贴息。');
    expect(m).toEqual(['雨露计划职业教育补助', '创业担保贷款及贴息']);
  });

  it('funds and administrative acts are not policies', async () => {
    const m = await mentionsOf('对符合条件的脱贫劳动力发放就业补助资金和衔接资金。', '职工可以申请出具异地贷款职工住房公积金缴存使用证明。');
    expect(m).toEqual([]);
  });

  it('a whole provincial notice (2023 style)', async () => {
    expect(await fixtureMentions(fixture('province-2023.txt'))).toEqual([
      '职业技能培训补贴',
      '雨露计划职业教育补助',
      '一次性吸纳就业补贴',
      '社会保险补贴',
      '岗位补贴',
      '创业担保贷款及贴息',
      '稳岗补贴',
    ]);
  });

  it('a whole notice (2021 style): the fund it is paid from is no policy', async () => {
    expect(await fixtureMentions(fixture('province-2021.txt'))).toEqual(['交通补助', '临时生活补助', '生活费补贴', '一次性创业补贴', '创业担保贷款及贴息']);
  });

  it('the same notice run on in one paragraph, or with half-width punctuation, gives the same mentions', async () => {
    for (const name of ['province-2023.txt', 'province-2021.txt']) {
      const text = fixture(name);
      const expected = await fixtureMentions(text);
      expect(await fixtureMentions(runOn(text))).toEqual(expected);
      expect(await fixtureMentions(halfWidth(text))).toEqual(expected);
      expect(await fixtureMentions(halfWidth(runOn(text)))).toEqual(expected);
    }
  });
});
