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

describe('subtotal blocks: each group against its 小计, the 合计 against the 小计 or the rows', () => {
  const text = readFileSync(join(root, 'test', 'fixtures', 'tables-subtotals.txt'), 'utf8');
  const sums = async (t: string) => checkAll(await recordsOf(t)).filter((f) => f.rule === 'table-sum-mismatch');
  /** The fixture's notice head with another annex table. */
  const withTable = (table: string) => text.slice(0, text.indexOf('2024年绿道建设任务表')) + '2024年绿道建设任务表\n\n单位：公里\n\n' + table;
  /** Rows (cells split by |) one cell per line, with or without a blank line between cells. */
  const oneCellPerLine = (rows: string[], blank: boolean) => rows.flatMap((r) => r.split('|')).join(blank ? '\n\n' : '\n') + '\n';

  it('the fixture (group rows of their own, one cell per line): two groups, each 小计 with its rows', async () => {
    const [t] = (await recordsOf(text))[0].tables;
    // by hand: 东部片区 = 东城 40.0 + 西城 35.5 = 75.5 (rows 0–1); 西部片区 = 南城 24.5 (row 2)
    expect(t.rows.map((r) => [r.region, r.group])).toEqual([
      ['东城街道', '东部片区'],
      ['西城街道', '东部片区'],
      ['南城街道', '西部片区'],
    ]);
    expect(t.subtotals?.map((s) => [s.group, s.from, s.to, s.values['长度']])).toEqual([
      ['东部片区', 0, 2, 75.5],
      ['西部片区', 2, 3, 24.5],
    ]);
    expect(text.split('\n')[t.subtotals![0].span.line - 1]).toBe('小计');
  });

  it('a row off inside a group (西城 35.5 → 36.5): an error naming the group and the column at its 小计; the 合计 still adds the 小计', async () => {
    const changed = text.replace('\n35.5\n', '\n36.5\n');
    const found = await sums(changed);
    expect(found.map((f) => [f.severity, f.data.group, f.data.column, f.data.sum, f.data.declared])).toEqual([['error', '东部片区', '长度', 76.5, 75.5]]);
    expect(found[0].message).toContain('东部片区 长度');
    expect(changed.split('\n')[found[0].span.line - 1]).toBe('小计');
  });

  it('a 小计 off (75.5 → 74.5): an error for that group; the 合计 agrees with the rows', async () => {
    const found = await sums(text.replace('\n75.5\n', '\n74.5\n'));
    expect(found.map((f) => [f.severity, f.data.group, f.data.sum, f.data.declared])).toEqual([['error', '东部片区', 75.5, 74.5]]);
  });

  it('a 小计 off by less than rounding explains (24.5 → 24.55 against one row of 24.5): info, not error', async () => {
    // bound: half a unit of 24.5 (0.05) + half a unit of 24.55 (0.005) = 0.055 ≥ the gap 0.05
    const found = await sums(text.replace('小计\n\n24.5', '小计\n\n24.55'));
    expect(found.map((f) => [f.severity, f.data.group, f.data.gap])).toEqual([['info', '西部片区', 0.05]]);
  });

  const table = [
    '序号|街道|长度|个数',
    '一、城区',
    '1|东城街道|40.0|3',
    '2|西城街道|35.5|2',
    '小计||75.5|5',
    '二、郊区',
    '3|南城街道|24.5|1',
    '4|北城街道|10.0|1',
    '小计||34.5|2',
    '合计||110.0|7',
  ];
  const tabRows = (rows: string[]) => rows.map((r) => r.replace(/\|/g, '\t')).join('\n') + '\n';

  for (const [layout, render] of [
    ['tab rows', tabRows],
    ['one cell per line', (rows: string[]) => oneCellPerLine(rows.map((r) => r.replace(/\|\|/g, '|')), false)],
    ['one cell per line, blank lines between cells', (rows: string[]) => oneCellPerLine(rows.map((r) => r.replace(/\|\|/g, '|')), true)],
  ] as const) {
    it(`${layout}: 一、城区 rows of their own, two columns checked per group`, async () => {
      const [t] = (await recordsOf(withTable(render(table))))[0].tables;
      expect(t.rows.map((r) => [r.seq, r.region, r.group, r.values['长度'], r.values['个数']])).toEqual([
        [1, '东城街道', '一、城区', 40, 3],
        [2, '西城街道', '一、城区', 35.5, 2],
        [3, '南城街道', '二、郊区', 24.5, 1],
        [4, '北城街道', '二、郊区', 10, 1],
      ]);
      expect(t.subtotals?.map((s) => [s.group, s.from, s.to, s.values])).toEqual([
        ['一、城区', 0, 2, { 长度: 75.5, 个数: 5 }],
        ['二、郊区', 2, 4, { 长度: 34.5, 个数: 2 }],
      ]);
      expect(t.declaredTotal).toEqual({ 长度: 110, 个数: 7 });
      expect(await sums(withTable(render(table)))).toEqual([]);
      // 北城 has 2 个, not 1: 郊区 个数 is 3 against its 小计 2; the 合计 7 no longer matches the rows (8) but still the 小计 (5 + 2)
      const off = await sums(withTable(render(table.map((r) => (r.startsWith('4|') ? '4|北城街道|10.0|2' : r)))));
      expect(off.map((f) => [f.severity, f.data.group, f.data.column, f.data.sum, f.data.declared])).toEqual([['error', '二、郊区', '个数', 3, 2]]);
    });
  }

  it('a group row carrying its 小计 (一、城区 75.5 above its numbered rows)', async () => {
    const rows = ['序号\t街道\t长度', '一、城区\t\t75.5', '1\t东城街道\t40.0', '2\t西城街道\t35.5', '二、郊区\t\t34.5', '3\t南城街道\t24.5', '4\t北城街道\t11.0', '合计\t\t110.0'];
    const [t] = (await recordsOf(withTable(rows.join('\n') + '\n')))[0].tables;
    expect(t.rows.map((r) => [r.region, r.group])).toEqual([
      ['东城街道', '一、城区'],
      ['西城街道', '一、城区'],
      ['南城街道', '二、郊区'],
      ['北城街道', '二、郊区'],
    ]);
    expect(t.subtotals?.map((s) => [s.group, s.from, s.to])).toEqual([
      ['一、城区', 0, 2],
      ['二、郊区', 2, 4],
    ]);
    // by hand: 24.5 + 11.0 = 35.5 against 34.5; the 合计 110.0 is the 小计 (75.5 + 34.5), the rows make 111.0
    const found = await sums(withTable(rows.join('\n') + '\n'));
    expect(found.map((f) => [f.severity, f.data.group, f.data.sum, f.data.declared])).toEqual([['error', '二、郊区', 35.5, 34.5]]);
  });

  it('东部片区 with figures above its numbered rows carries its 小计 too', async () => {
    const rows = ['序号\t街道\t长度', '东部片区\t\t75.5', '1\t东城街道\t40.0', '2\t西城街道\t35.5', '西部片区\t\t24.5', '3\t南城街道\t25.5', '合计\t\t100.0'];
    const [r] = await recordsOf(withTable(rows.join('\n') + '\n'));
    expect(r.tables[0].subtotals?.map((s) => [s.group, s.from, s.to])).toEqual([
      ['东部片区', 0, 2],
      ['西部片区', 2, 3],
    ]);
    // by hand: 南城 25.5 against 西部片区 24.5; the 合计 100.0 is 75.5 + 24.5
    const found = checkAll([r]).filter((f) => f.rule === 'table-sum-mismatch');
    expect(found.map((f) => [f.severity, f.data.group, f.data.sum, f.data.declared])).toEqual([['error', '西部片区', 25.5, 24.5]]);
  });

  it('城区小计 names its group; a 合计 matching neither the rows nor the 小计 is an error with both sums', async () => {
    const rows = ['街道\t长度', '东城街道\t40.0', '西城街道\t35.5', '城区小计\t75.5', '南城街道\t24.5', '北城街道\t10.0', '郊区小计\t34.5', '合计\t111.0'];
    const [r] = await recordsOf(withTable(rows.join('\n') + '\n'));
    expect(r.tables[0].subtotals?.map((s) => [s.group, s.from, s.to])).toEqual([
      ['城区', 0, 2],
      ['郊区', 2, 4],
    ]);
    const found = checkAll([r]).filter((f) => f.rule === 'table-sum-mismatch');
    expect(found.map((f) => [f.severity, f.data.sum, f.data.declared, f.data.rowSum, f.data.subtotalSum])).toEqual([['error', 110, 111, 110, 110]]);
  });

  it('HTML: a group label spanning its rows and its 小计 (rowspan)', async () => {
    const head = text.slice(0, text.indexOf('2024年绿道建设任务表')).split('\n').map((l) => `<p>${l}</p>`).join('');
    const html = `<html><body>${head}<p>2024年绿道建设任务表</p><p>单位：公里</p><table>
<tr><td>片区</td><td>街道</td><td>长度</td></tr>
<tr><td rowspan="3">城区</td><td>东城街道</td><td>40.0</td></tr><tr><td>西城街道</td><td>35.5</td></tr><tr><td>小计</td><td>75.5</td></tr>
<tr><td rowspan="3">郊区</td><td>南城街道</td><td>24.5</td></tr><tr><td>北城街道</td><td>12.0</td></tr><tr><td>小计</td><td>34.5</td></tr>
<tr><td colspan="2">合计</td><td>110.0</td></tr></table></body></html>`;
    const read = await sourceFromBytes('groups.html', new TextEncoder().encode(html));
    if (!read.ok) throw new Error(read.reason);
    const r = processSource(read.source);
    if (!r.ok) throw new Error(r.reason);
    const [t] = r.records[0].tables;
    expect(t.rows.map((x) => [x.region, x.group, x.values['长度']])).toEqual([
      ['东城街道', '城区', 40],
      ['西城街道', '城区', 35.5],
      ['南城街道', '郊区', 24.5],
      ['北城街道', '郊区', 12],
    ]);
    // by hand: 郊区 24.5 + 12.0 = 36.5 against 34.5; the 合计 110.0 adds the 小计
    const found = checkAll(r.records).filter((f) => f.rule === 'table-sum-mismatch');
    expect(found.map((f) => [f.severity, f.data.group, f.data.sum, f.data.declared])).toEqual([['error', '郊区', 36.5, 34.5]]);
  });
});

describe('table-text-mismatch on counts: the count the body states against the rows or the 个数 column', () => {
  /** A park notice stating `stated` (30个 …) about 附件1, whose table is `table` (tab rows). */
  const park = (stated: string, table: string) => `测试府发〔2024〕3号

测试区人民政府关于下达2024年公园绿地建设任务的通知

各街道办事处，区各有关部门：

一、任务目标

（一）公园改造。2024年改造提升老公园绿地${stated}，面积135.5公顷，各街道任务见附件1。

测试区人民政府

2024年3月1日

附件1

2024年老公园绿地改造提升任务表

${table}`;
  /** Three streets with a 个数 column: 10 + n + 8 parks, 合计 `total`. */
  const byStreet = (n: number, total: number) =>
    `序号\t街道\t面积（公顷）\t个数\n1\t东城街道\t45.5\t10\n2\t西城街道\t50.0\t${n}\n3\t南城街道\t40.0\t8\n合计\t\t135.5\t${total}\n`;
  /** One park per row (甲东公园, 乙东公园 …): a list of things, not places. */
  const list = (n: number) =>
    '序号\t公园名称\t面积（公顷）\n' +
    Array.from({ length: n }, (_, i) => `${i + 1}\t${'甲乙丙丁戊己庚辛壬癸'[i % 10]}${'东西南北'[Math.floor(i / 10)]}公园\t4.5`).join('\n') +
    '\n';
  const counts = async (text: string) => (await findings(text, 'table-text-mismatch')).filter((f) => f.data.count === true);

  it('30个 in the text, the 个数 column totals 28 (10 + 10 + 8): a warning with the text and the table positions', async () => {
    const text = park('30个', byStreet(10, 28));
    const found = await counts(text);
    expect(found.map((f) => [f.severity, f.data.stated, f.data.total, f.data.nearest])).toEqual([['warning', 30, 28, '附件1 个数 合计']]);
    const lines = text.split('\n');
    expect(lines[found[0].span.line - 1]).toContain('30个');
    const at = found[0].data.tableSpan as { line: number };
    expect(lines[at.line - 1]).toContain('南城街道');
  });

  it('30个 and a 个数 column of 30 (10 + 12 + 8): nothing; 30座 is another counter: not compared with 个数', async () => {
    expect(await counts(park('30个', byStreet(12, 30)))).toEqual([]);
    expect(await counts(park('30座', byStreet(10, 28)))).toEqual([]);
  });

  it('a 个数 column without a 合计: its rows are added (10 + 10 + 8 = 28 against 30)', async () => {
    const table = byStreet(10, 28).replace(/合计.*\n/, '');
    expect((await counts(park('30个', table))).map((f) => [f.data.total, f.data.nearest])).toEqual([[28, '附件1 个数 (sum of rows)']]);
  });

  it('a list of 28 parks against 30个: a warning that names the row count; 28 parks against 28个 or 不少于25个: nothing', async () => {
    const found = await counts(park('30个', list(28)));
    expect(found.map((f) => [f.data.stated, f.data.total])).toEqual([[30, 28]]);
    expect(found[0].message).toContain('lists 28 rows');
    expect(await counts(park('28个', list(28)))).toEqual([]);
    expect(await counts(park('不少于25个', list(28)))).toEqual([]);
  });

  it('第30项 is an ordinal, not a count: not compared (30项 is, with the 28 rows)', async () => {
    expect(await counts(park('（第30项）', list(28)))).toEqual([]);
    expect((await counts(park('30项', list(28)))).map((f) => [f.data.stated, f.data.unit, f.data.total])).toEqual([[30, '项', 28]]);
  });

  it('rows that are streets are not the parks counted: 3 street rows are not compared with 30个 (nor with 4个)', async () => {
    const streets = byStreet(10, 28).replace(/\t个数/, '').replace(/\t\d+\n/g, '\n');
    expect(await counts(park('30个', streets))).toEqual([]);
    expect(await counts(park('4个', streets))).toEqual([]);
  });
});

describe('a name alone on a row', () => {
  const head = readFileSync(join(root, 'test', 'fixtures', 'tables-subtotals.txt'), 'utf8').split('2024年绿道建设任务表')[0];
  it('in a table without 序号 or 小计, 乙市 with a blank cell is a row (counted as missing, named), not a group', async () => {
    const [r] = await recordsOf(`${head}任务表\n\n地区\t长度\n甲市\t4\n乙市\t\n丙市\t6\n合计\t10\n`);
    const [t] = r.tables;
    expect(t.rows.map((x) => [x.region, x.group, x.values['长度']])).toEqual([
      ['甲市', undefined, 4],
      ['乙市', undefined, null],
      ['丙市', undefined, 6],
    ]);
    const info = checkAll([r]).filter((f) => f.rule === 'table-sum-mismatch');
    expect(info.map((f) => [f.severity, f.data.blank])).toEqual([['info', ['乙市']]]);
  });
  it('东部地区 alone on a row is a group even without 序号', async () => {
    const [r] = await recordsOf(`${head}任务表\n\n地区\t长度\n东部地区\n甲市\t4\n丙市\t6\n合计\t10\n`);
    expect(r.tables[0].rows.map((x) => [x.region, x.group])).toEqual([
      ['甲市', '东部地区'],
      ['丙市', '东部地区'],
    ]);
  });
});
