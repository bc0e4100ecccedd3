import { describe, it, expect } from 'vitest';
import { Table } from '../schemas/notice.js';
import { extractTables } from '../src/extract/tables.js';
import { contextsFromString, seedContexts, SEEDS, sourceOf, textAt } from './helpers/context.js';

const tablesOf = async (seed: string) => (await seedContexts(seed)).map((ctx) => extractTables(ctx));
const row = (t: Table, region: string) => t.rows.find((r) => r.region === region)!;

const NOTICE_HEAD = `关于下达2023年度就业目标任务的通知

各市人力资源社会保障局：

现将2023年度就业目标任务下达给你们，请认真抓好落实。

某某省人力资源和社会保障厅

2023年3月1日
`;

describe('extractTables on the seeds', () => {
  it('Guangdong: one unnumbered annex, 21 cities, 合计 387.56, unit from the column header', async () => {
    const [doc0] = await tablesOf(SEEDS.guangdong);
    expect(doc0).toHaveLength(1);
    const t = doc0[0];
    expect(t.label).toBe('附件');
    expect(t.title).toBe('2022年度各地市吸纳脱贫人口务工目标任务表');
    expect(t.kind).toBe('target');
    expect(t.unit).toBe('万人');
    expect(t.columns).toEqual(['目标任务']);
    expect(t.rows).toHaveLength(21);
    expect(t.rows[0]).toMatchObject({ seq: 1, region: '广州', values: { 目标任务: 79.8 }, printed: { 目标任务: '79.80' } });
    expect(t.rows[20]).toMatchObject({ seq: 21, region: '云浮', values: { 目标任务: 0.99 } });
    expect(t.declaredTotal).toEqual({ 目标任务: 387.56 });
    expect(t.declaredTotalPrinted).toEqual({ 目标任务: '387.56' });
    // the printed parts add up to 387.57, one cent off the printed total (rounding in the source)
    const cents = t.rows.reduce((s, r) => s + Math.round(Number(r.printed['目标任务']) * 100), 0);
    expect(cents).toBe(38757);
  });

  it('national notice: 附件1 (25 provinces, 合计 in the 序号 column) and 附件2 (8 provinces)', async () => {
    const [, doc1] = await tablesOf(SEEDS.guangdong);
    expect(doc1.map((t) => t.label)).toEqual(['附件1', '附件2']);
    const [a1, a2] = doc1;
    expect(a1.kind).toBe('target');
    expect(a1.unit).toBe('万人');
    expect(a1.title).toBe('2022年度各省（区、市）脱贫人口务工目标任务表');
    expect(a1.columns).toEqual(['目标任务']);
    expect(a1.rows).toHaveLength(25);
    expect(a1.rows[0]).toMatchObject({ seq: 1, region: '河北', values: { 目标任务: 83.41 } });
    expect(row(a1, '内蒙古').values).toEqual({ 目标任务: 19.62 });
    expect(a1.declaredTotal).toEqual({ 目标任务: 3019.17 });
    expect(a2.rows).toHaveLength(8);
    expect(row(a2, '广东').printed).toEqual({ 目标任务: '387.6' });
    expect(a2.declaredTotal).toEqual({ 目标任务: 877.7 });
    expect(a2.unit).toBe('万人');
  });

  it('Shandong 附件1: one cell per line, two-level header, blank cells, a row broken by blank lines', async () => {
    const [tables] = await tablesOf(SEEDS.shandong);
    expect(tables.map((t) => t.label)).toEqual(['附件1', '附件2']);
    const t = tables[0];
    expect(t.kind).toBe('target');
    expect(t.unit).toBe('万人');
    expect(t.title).toBe('2022年度各市脱贫人口务工目标任务表');
    expect(t.columns).toHaveLength(2);
    const [guo, sheng] = t.columns;
    expect(guo).toContain('国定标准');
    expect(sheng).toContain('省定标准');
    expect(guo).toContain('目标任务');
    expect(t.rows).toHaveLength(16);
    expect(t.rows.map((r) => r.seq)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    expect(row(t, '济南').values).toEqual({ [guo]: 1, [sheng]: 0.96 });
    expect(row(t, '济南').printed).toEqual({ [guo]: '1.00', [sheng]: '0.96' });
    for (const city of ['青岛', '东营', '威海']) expect(row(t, city).values).toEqual({ [guo]: null, [sheng]: 0.29 });
    expect(row(t, '烟台').values).toEqual({ [guo]: null, [sheng]: 1.64 });
    expect(row(t, '青岛').printed[guo]).toBeNull();
    expect(row(t, '临沂').values).toEqual({ [guo]: 2.85, [sheng]: 1.94 });
    expect(row(t, '菏泽').values).toEqual({ [guo]: 5.49, [sheng]: 7.41 });
    expect(t.declaredTotal).toEqual({ [guo]: 17.88, [sheng]: 22.68 });
    expect(t.declaredTotalPrinted).toEqual({ [guo]: '17.88', [sheng]: '22.68' });
  });

  it('Shandong 附件2: title wrapped over two lines, spaced header cells, total 20.8', async () => {
    const [tables] = await tablesOf(SEEDS.shandong);
    const t = tables[1];
    expect(t.title).toBe('2022年度各市吸纳中西部省份脱贫人口务工目标任务表');
    expect(t.kind).toBe('target');
    expect(t.columns).toEqual(['目标任务']);
    expect(t.rows).toHaveLength(16);
    expect(row(t, '青岛').values).toEqual({ 目标任务: 5.75 });
    expect(row(t, '菏泽').values).toEqual({ 目标任务: 0.54 });
    expect(t.declaredTotal).toEqual({ 目标任务: 20.8 });
  });

  it('Heilongjiang: a target table and a blank reporting template', async () => {
    const [tables] = await tablesOf(SEEDS.heilongjiang);
    expect(tables.map((t) => t.label)).toEqual(['附件1', '附件2']);
    const [a1, a2] = tables;
    expect(a1.kind).toBe('target');
    expect(a1.rows).toHaveLength(13);
    expect(a1.rows[0]).toMatchObject({ seq: 1, region: '哈尔滨', values: { 目标任务: 2.55 } });
    expect(row(a1, '大兴安岭')).toMatchObject({ seq: 13, values: { 目标任务: 0.1 }, printed: { 目标任务: '0.10' } });
    expect(a1.declaredTotal).toEqual({ 目标任务: 19.67 });

    expect(a2.kind).toBe('form');
    expect(a2.title).toBe('黑龙江省就业帮扶政策举措落实情况表');
    expect(a2.rows).toEqual([]);
    expect(a2.declaredTotal).toBeNull();
    expect(a2.columns.length).toBeGreaterThan(10);
    expect(new Set(a2.columns).size).toBe(a2.columns.length);
  });

  it('the Jilin seed has no annex tables', async () => {
    expect((await tablesOf(SEEDS.jilin)).flat()).toEqual([]);
  });

  it('every row span points at the region in the source; every table fits the schema', async () => {
    for (const seed of Object.values(SEEDS)) {
      const source = sourceOf(seed);
      for (const t of (await tablesOf(seed)).flat()) {
        expect(() => Table.parse(t)).not.toThrow();
        for (const r of t.rows) expect(textAt(source, r.span), `${seed} ${t.label} ${r.region}`).toBe(r.region[0]);
        if (t.title) expect(textAt(source, t.span)).toBe(t.title[0]);
      }
    }
    // 河 北 is printed with a space in the national annex: the span still lands on 河
    const source = sourceOf(SEEDS.guangdong);
    const [, doc1] = await tablesOf(SEEDS.guangdong);
    const hebei = doc1[0].rows[0];
    expect(textAt(source, hebei.span, 3)).toBe('河 北');
  });
});

describe('extractTables on other layouts', () => {
  it('Markdown pipe tables, with and without a 合计 row', async () => {
    const md = `# 某某省人力资源和社会保障厅关于下达2023年度就业目标任务的通知

各市人力资源社会保障局：

现将2023年度就业目标任务下达给你们，请认真抓好落实。

某某省人力资源和社会保障厅

2023年3月1日

附件1

**2023年度各市城镇新增就业目标任务表**

单位：万人

| 序号 | 地 市 | 城镇新增就业 | 失业人员再就业 |
|---|---|---:|---:|
| 1 | 甲市 | 12.50 | 3.1 |
| 2 | 乙市 | 8.05 | — |
| 3 | 内 蒙 古 | 1.2 | 0.40 |
| | 合计 | 21.75 | 3.50 |

附件2

2023年度各市培训任务表

| 地区 | 培训人数（人） |
| --- | --- |
| 甲市 | 1200 |
| 乙市 | 800 |
`;
    const [ctx] = await contextsFromString(md, 'sample.md');
    expect(ctx.source.format).toBe('markdown');
    const [a1, a2] = extractTables(ctx);
    expect(a1.label).toBe('附件1');
    expect(a1.title).toBe('2023年度各市城镇新增就业目标任务表');
    expect(a1.unit).toBe('万人');
    expect(a1.kind).toBe('target');
    expect(a1.columns).toEqual(['城镇新增就业', '失业人员再就业']);
    expect(a1.rows.map((r) => r.region)).toEqual(['甲市', '乙市', '内蒙古']);
    expect(a1.rows[0]).toMatchObject({ seq: 1, values: { 城镇新增就业: 12.5, 失业人员再就业: 3.1 }, printed: { 城镇新增就业: '12.50' } });
    expect(a1.rows[1].values['失业人员再就业']).toBeNull();
    expect(a1.rows[1].printed['失业人员再就业']).toBe('—');
    expect(a1.declaredTotal).toEqual({ 城镇新增就业: 21.75, 失业人员再就业: 3.5 });
    expect(a1.declaredTotalPrinted).toEqual({ 城镇新增就业: '21.75', 失业人员再就业: '3.50' });
    for (const r of a1.rows) expect(textAt(md, r.span)).toBe(r.region[0]);

    expect(a2.label).toBe('附件2');
    expect(a2.unit).toBe('人');
    expect(a2.columns).toEqual(['培训人数']);
    expect(a2.rows.map((r) => [r.seq, r.region, r.values['培训人数']])).toEqual([
      [null, '甲市', 1200],
      [null, '乙市', 800],
    ]);
    expect(a2.declaredTotal).toBeNull();
    expect(a2.declaredTotalPrinted).toBeNull();
  });

  it('one cell per line without blank lines, no 合计; tab rows with 小计, a merged row and 合计 first', async () => {
    const text = `${NOTICE_HEAD}
附件1

各市任务表
\t序号
\t地市
\t任务
\t1
\t甲市
\t5.0
\t2
\t乙市
\t
\t3
\t丙市
\t2.5

附件2

任务表
地区\t任务A\t任务B
合计\t10\t20
东部地区
甲市\t4\t8
小计\t4\t8
乙市\t6\t
`;
    const [ctx] = await contextsFromString(text);
    const [a1, a2] = extractTables(ctx);
    expect(a1.kind).toBe('target');
    expect(a1.columns).toEqual(['任务']);
    expect(a1.rows.map((r) => [r.seq, r.region, r.values['任务']])).toEqual([
      [1, '甲市', 5],
      [2, '乙市', null],
      [3, '丙市', 2.5],
    ]);
    expect(a1.declaredTotal).toBeNull();

    expect(a2.columns).toEqual(['任务A', '任务B']);
    expect(a2.rows.map((r) => [r.region, r.values['任务A'], r.values['任务B']])).toEqual([
      ['甲市', 4, 8],
      ['乙市', 6, null],
    ]);
    expect(a2.declaredTotal).toEqual({ 任务A: 10, 任务B: 20 });
  });

  it('never throws: a text annex, tab-indented paragraphs and a lone tab row give no table', async () => {
    const text = `${NOTICE_HEAD}
附件1

实施方案
\t为贯彻落实省委省政府部署，现制定实施方案如下。
\t一、总体要求
\t（一）工作目标

附件2

联系人：张三\t电话：12345678
`;
    const [ctx] = await contextsFromString(text);
    expect(() => extractTables(ctx)).not.toThrow();
    expect(extractTables(ctx)).toEqual([]);
  });
});
