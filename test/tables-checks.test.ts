import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processSource } from '../pipelines/document.js';
import type { NoticeRecord } from '../schemas/notice.js';
import { checkAll } from '../src/check/run.js';
import { sourceFromBytes } from '../src/read/source.js';
import { root } from './helpers/context.js';

async function recordsOf(text: string): Promise<NoticeRecord[]> {
  const read = await sourceFromBytes('annex.txt', new TextEncoder().encode(text));
  if (!read.ok) throw new Error(read.reason);
  const r = processSource(read.source);
  if (!r.ok) throw new Error(r.reason);
  return r.records;
}
const findings = async (text: string, rule: string) => checkAll(await recordsOf(text)).filter((f) => f.rule === rule);

/** A district notice whose annex is printed one cell per line with a blank line between cells (a Word table pasted into a web page). */
const notice = (stated: string, rows: [string, string, string][], total: string) => `测试府发〔2024〕3号

测试区人民政府关于下达2024年公园绿地建设任务的通知

各街道办事处，区各有关部门：

一、任务目标

（一）公园改造。2024年改造提升老公园绿地30个，${stated}，各街道任务见附件。

测试区人民政府

2024年3月1日

附件

2024年老公园绿地改造提升任务表

单位：公顷

${['序号', '街道', '面积（公顷）', '备注', ...rows.flatMap(([n, street, area], i) => [String(i + 1), street, area, n]), '', '合计', total, ''].join('\n\n')}
`;

const ROWS: [string, string, string][] = [
  ['—', '东城街道', '45.5'],
  ['含口袋公园', '西城街道', '50.0'],
  ['—', '南城街道', '40.0'],
];

describe('table-sum-mismatch on a table printed one cell per line', () => {
  it('rows that add up to the 合计 (45.5 + 50.0 + 40.0 = 135.5): no finding', async () => {
    expect(await findings(notice('面积135.5公顷', ROWS, '135.5'), 'table-sum-mismatch')).toEqual([]);
  });

  it('rows 0.5 over the 合计 (136.0 against 135.5, bound 4 × 0.05 = 0.2): an error at the last row', async () => {
    const over: [string, string, string][] = [ROWS[0], ['含口袋公园', '西城街道', '50.5'], ROWS[2]];
    const [f] = await findings(notice('面积135.5公顷', over, '135.5'), 'table-sum-mismatch');
    expect(f.severity).toBe('error');
    expect(f.data).toMatchObject({ sum: 136, declared: 135.5, gap: 0.5, bound: 0.2 });
    expect(f.span.line).toBeGreaterThan(20);
  });
});

describe('table-text-mismatch', () => {
  // 30个 (parks, in every example) is not in the table's unit 公顷: never compared
  it('the text states the annex total: nothing', async () => {
    expect(await findings(notice('面积135.5公顷', ROWS, '135.5'), 'table-text-mismatch')).toEqual([]);
  });

  it('the text states one of the rows: nothing', async () => {
    expect(await findings(notice('其中西城街道面积50.0公顷', ROWS, '135.5'), 'table-text-mismatch')).toEqual([]);
  });

  it('135 公顷 in the text, 135.5 in the annex: the same figure printed coarser (info)', async () => {
    const [f] = await findings(notice('面积135公顷', ROWS, '135.5'), 'table-text-mismatch');
    expect(f.severity).toBe('info');
  });

  it('a bare 共计 (no unit) is compared too: 共计135.5 agrees, 共计139.3 does not', async () => {
    expect(await findings(notice('面积共计135.5', ROWS, '135.5'), 'table-text-mismatch')).toEqual([]);
    const [f] = await findings(notice('面积共计139.3', ROWS, '135.5'), 'table-text-mismatch');
    expect(f.severity).toBe('warning');
    expect(f.data).toMatchObject({ stated: 139.3, unit: '', total: 135.5 });
  });

  it('145 公顷 in the text, the annex totals 135.5: a warning at the clause', async () => {
    const text = notice('面积145公顷', ROWS, '135.5');
    const [f] = await findings(text, 'table-text-mismatch');
    expect(f.severity).toBe('warning');
    expect(f.data).toMatchObject({ stated: 145, unit: '公顷', total: 135.5 });
    expect(text.split('\n')[f.span.line - 1]).toContain('145公顷');
  });
});

describe('duplicate-row and region-outside-province on a table printed one cell per line', () => {
  const provincial = (cities: string[]) => `粤人社发〔2022〕7号

广东省人力资源和社会保障厅关于下达2022年就业目标任务的通知

各地级以上市人力资源社会保障局：

一、明确目标。各市任务见附件。

广东省人力资源和社会保障厅

2022年4月1日

附件

2022年各地市就业目标任务表

单位：万人

${['序号', '地市', '目标任务', ...cities.flatMap((c, i) => [String(i + 1), c, '1.00']), '', '合计', `${cities.length}.00`].join('\n')}
`;

  it('the same city twice is a duplicate-row warning', async () => {
    const [f] = await findings(provincial(['广州', '深圳', '广州']), 'duplicate-row');
    expect(f.data).toMatchObject({ region: '广州' });
  });

  it('济南 (Shandong) in a Guangdong table is region-outside-province', async () => {
    const [f] = await findings(provincial(['广州', '济南', '深圳']), 'region-outside-province');
    expect(f.data).toMatchObject({ region: '济南' });
  });
});

describe('table-unread keeps the reason when the rhythm breaks', () => {
  it('a row with one figure more than the header has columns: the header, the cell count and the row are named', async () => {
    const cells = ['序号', '地市', '目标任务', '1', '甲市', '1.00', '2', '乙市', '2.00', '3.00', '3', '丙市', '3.00', '4', '丁市', '4.00', '合计', '10.00'];
    const text = `粤人社发〔2022〕7号

广东省人力资源和社会保障厅关于下达2022年就业目标任务的通知

各地级以上市人力资源社会保障局：

一、明确目标。各市任务见附件。

广东省人力资源和社会保障厅

2022年4月1日

附件

2022年各地市就业目标任务表

单位：万人

${cells.join('\n')}
`;
    const [r] = await recordsOf(text);
    expect(r.tables).toEqual([]);
    const [f] = r.findings.filter((x) => x.rule === 'table-unread');
    expect(f.severity).toBe('warning');
    expect(f.message).toContain('header 序号 | 地市 | 目标任务 (3 cells), 3 columns');
    expect(f.message).toContain('a row of 4 cells (2 | 乙市 | 2.00 | 3.00)');
  });
});

describe('a table printed one cell per line over a page break', () => {
  it('the page number and the header printed again on the next page are not rows', async () => {
    const page1 = ['序号', '地市', '目标任务', '1', '甲市', '1.00', '2', '乙市', '2.00'];
    const page2 = ['— 2 —', '序号', '地市', '目标任务', '3', '丙市', '3.00', '4', '丁市', '4.50', '合计', '10.50'];
    const text = `粤人社发〔2022〕7号

广东省人力资源和社会保障厅关于下达2022年就业目标任务的通知

各地级以上市人力资源社会保障局：

一、明确目标。各市任务见附件。

广东省人力资源和社会保障厅

2022年4月1日

附件

2022年各地市就业目标任务表

单位：万人

${[...page1, ...page2].join('\n')}
`;
    const [r] = await recordsOf(text);
    const [t] = r.tables;
    // by hand: four cities, 1.00 + 2.00 + 3.00 + 4.50 = 10.50
    expect(t.rows.map((x) => [x.seq, x.region, x.values['目标任务']])).toEqual([
      [1, '甲市', 1],
      [2, '乙市', 2],
      [3, '丙市', 3],
      [4, '丁市', 4.5],
    ]);
    expect(t.declaredTotal).toEqual({ 目标任务: 10.5 });
    expect(checkAll([r]).filter((f) => f.rule === 'table-sum-mismatch')).toEqual([]);
  });
});

describe('a district annex with group rows and 小计 blocks, one cell per line', () => {
  const text = readFileSync(join(root, 'test', 'fixtures', 'tables-subtotals.txt'), 'utf8');

  it('group rows (东部片区) and 小计 rows are not rows; the 合计 is checked against the streets', async () => {
    const [r] = await recordsOf(text);
    const [t] = r.tables;
    expect(t.columns).toEqual(['长度', '备注']);
    expect(t.unit).toBe('公里');
    // by hand: 东城 40.0, 西城 35.5 (小计 75.5), 南城 24.5 (小计 24.5); 合计 100.0
    expect(t.rows.map((x) => [x.seq, x.region, x.values['长度'], x.printed['备注']])).toEqual([
      [1, '东城街道', 40, '—'],
      [2, '西城街道', 35.5, null],
      [3, '南城街道', 24.5, '新建'],
    ]);
    expect(t.declaredTotal).toEqual({ 长度: 100, 备注: null });
    expect(checkAll([r]).filter((f) => f.rule === 'table-sum-mismatch' || f.rule === 'table-text-mismatch')).toEqual([]);
  });

  it('a 合计 of 101.0 against streets adding up to 100.0 is an error', async () => {
    const [r] = await recordsOf(text.replace('100.0', '101.0'));
    const errors = checkAll([r]).filter((f) => f.rule === 'table-sum-mismatch' && f.severity === 'error');
    expect(errors.map((f) => f.data)).toEqual([expect.objectContaining({ sum: 100, declared: 101 })]);
  });
});
