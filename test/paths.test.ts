import { describe, expect, it } from 'vitest';
import type { NoticeRecord } from '../schemas/notice.js';
import { fixtureRecords } from './helpers/context.js';

/** Every printed path of a record's outline in document order: sections, clauses, items. */
const paths = (r: NoticeRecord) =>
  r.sections.flatMap((s) => [s.path, ...s.items.map((i) => i.path), ...s.clauses.flatMap((c) => [c.path, ...c.items.map((i) => i.path)])]);

describe('printed paths of the outline (hand-derived from the fixtures)', () => {
  it('a plan: sections, full- and half-width clauses, items 1. and 1、, sub-items （1） and ①', async () => {
    const [plan] = await fixtureRecords('paths/plan.txt');
    // read off plan.txt: 一、 has only text; 二、 holds （一） with 1. 2. and (二) with 1、 (1) (2) ① ② 2、; 三、 holds 1. 2.
    expect(paths(plan)).toEqual([
      '一',
      '二',
      '二（一）',
      '二（一）1',
      '二（一）2',
      '二（二）',
      '二（二）1',
      '二（二）1（1）',
      '二（二）1（2）',
      '二（二）1（2）①',
      '二（二）1（2）②',
      '二（二）2',
      '三',
      '三1',
      '三2',
    ]);
    const greenway = plan.sections[1].clauses[1];
    expect(greenway.number).toBe('二');
    expect(greenway.items.map((i) => [i.number, i.depth, i.heading])).toEqual([
      ['1', 1, '建设滨河绿道'],
      ['1', 2, '主城区绿道全线贯通'],
      ['2', 2, '郊区绿道分段建设'],
      ['①', 3, '先行建设示范段'],
      ['②', 3, '逐步连通全线'],
      ['2', 1, '建设环城绿道'],
    ]);
    // an item's text holds its sub-items, and nothing after it
    expect(greenway.items[0].text).toContain('逐步连通全线');
    expect(greenway.items[0].text).not.toContain('环城');
  });

  it('a regulation: 第X章第X条, items （一） inside an article, 1. below them', async () => {
    const [rules] = await fixtureRecords('paths/rules.txt');
    expect(paths(rules)).toEqual([
      '第一章',
      '第一章第一条',
      '第一章第二条',
      '第二章',
      '第二章第三条',
      '第二章第三条（一）',
      '第二章第三条（二）',
      '第二章第三条（二）1',
      '第二章第三条（二）2',
      '第二章第四条',
    ]);
  });

  it('a lone 2. is text, not a list (an annex line 「2. 2022年度…」 after 附件：1.)', async () => {
    const text = ['某某市人民政府办公室关于做好某项工作的通知', '', '一、工作要求', '', '（一）做好某项工作。各单位要做好某项工作。', '', '2. 这一行不是清单的开头。', ''].join('\n');
    const { extractText } = await import('../src/api/extract.js');
    const r = await extractText(text, { path: 'lone.txt' });
    const clause = r.records[0].sections[0].clauses[0];
    expect(clause.path).toBe('一（一）');
    expect(clause.items).toEqual([]);
    expect(clause.text).toContain('这一行不是清单的开头');
  });
});
