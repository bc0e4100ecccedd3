import { describe, it, expect } from 'vitest';
import { extractPolicyMentions } from '../src/extract/policies.js';
import { contextsFromString, seedContexts, SEEDS } from './helpers/context.js';

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
