import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph, Table as DocxTable, TableCell, TableRow as DocxRow, TextRun, VerticalMergeType } from 'docx';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { processSource } from '../pipelines/document.js';
import type { NoticeRecord, Table } from '../schemas/notice.js';
import { checkAll } from '../src/check/run.js';
import { sourceFromBytes } from '../src/read/source.js';
import { root, SEEDS, sourceOf } from './helpers/context.js';

/**
 * The seed's three annex tables (Guangdong 附件, national 附件1 and 附件2, printed with tabs)
 * re-laid as copies print them: one cell per line with and without blank lines between cells,
 * HTML and DOCX tables with spans. Every layout must give the rows and totals of the original.
 */

async function records(bytes: Uint8Array, path: string): Promise<NoticeRecord[]> {
  const read = await sourceFromBytes(path, bytes);
  if (!read.ok) throw new Error(read.reason);
  const r = processSource(read.source);
  if (!r.ok) throw new Error(r.reason);
  return r.records;
}
const recordsOfText = (text: string, path = 'relaid.txt') => records(new TextEncoder().encode(text), path);
const tablesOf = (rs: NoticeRecord[]) => rs.flatMap((r) => r.tables);
/** What must not depend on the layout: rows (seq, name, values) and the declared totals. */
const signature = (ts: Table[]) => ts.map((t) => ({ rows: t.rows.map((r) => [r.seq, r.region, r.values]), declaredTotal: t.declaredTotal, unit: t.unit }));

const seed = sourceOf(SEEDS.guangdong);

/** Each tab-separated line as its cells, one per line; `blank` puts a blank line after every cell. */
function relay(text: string, blank: boolean, edit: (cells: string[]) => string[] = (c) => c): string {
  return text
    .split('\n')
    .flatMap((l) => {
      if (!l.includes('\t')) return [l];
      const cells = edit(l.split('\t').map((c) => c.trim()));
      return cells.flatMap((c) => (blank ? [c, ''] : [c]));
    })
    .join('\n');
}

describe('the seed tables in every layout', async () => {
  const original = tablesOf(await recordsOfText(seed, 'seed.txt'));

  it('the tab-separated original, read by hand: 21 + 25 + 8 rows, totals 387.56, 3019.17, 877.7 万人', () => {
    expect(original.map((t) => t.rows.length)).toEqual([21, 25, 8]);
    expect(original.map((t) => t.declaredTotal)).toEqual([{ 目标任务: 387.56 }, { 目标任务: 3019.17 }, { 目标任务: 877.7 }]);
    expect(original.map((t) => t.unit)).toEqual(['万人', '万人', '万人']);
    expect(original[0].rows[0]).toMatchObject({ seq: 1, region: '广州', values: { 目标任务: 79.8 } });
    expect(original[1].rows[2]).toMatchObject({ seq: 3, region: '内蒙古', values: { 目标任务: 19.62 } });
    expect(original[2].rows[7]).toMatchObject({ seq: 8, region: '广东', values: { 目标任务: 387.6 } });
  });

  for (const [name, blank] of [
    ['one cell per line, a blank line between cells', true],
    ['one cell per line, no blank lines', false],
  ] as const) {
    it(`${name}: the same rows and totals`, async () => {
      const tables = tablesOf(await recordsOfText(relay(seed, blank)));
      expect(signature(tables)).toEqual(signature(original));
      expect(tables.map((t) => t.title)).toEqual(original.map((t) => t.title));
    });
  }

  for (const [name, blank] of [
    ['a tab before each cell, a blank line between cells', true],
    ['a tab before each cell, no blank lines', false],
  ] as const) {
    it(`${name}: the same rows, totals and column names`, async () => {
      const tabbed = relay(seed, blank, (c) => c.map((x) => `\t${x}`));
      const tables = tablesOf(await recordsOfText(tabbed));
      expect(signature(tables)).toEqual(signature(original));
      expect(tables.map((t) => t.columns)).toEqual([['目标任务'], ['目标任务'], ['目标任务']]);
    });
  }

  it('one wrong cell (广州 79.80 → 81.80) in the re-laid table is a table-sum-mismatch error', async () => {
    const wrong = relay(seed, true, (c) => (c[1] === '广州' ? [c[0], c[1], '81.80'] : c));
    const findings = checkAll(await recordsOfText(wrong)).filter((f) => f.rule === 'table-sum-mismatch' && f.severity === 'error');
    // by hand: the rows add up to 387.57 in the seed; 2.00 more is 389.57 against the declared 387.56
    expect(findings).toHaveLength(1);
    expect(findings[0].data).toMatchObject({ sum: 389.57, declared: 387.56 });
  });

  it('HTML: 合计 spanning two columns, the header spanning two rows', async () => {
    const lines = seed.split('\n');
    const html = lines
      .map((l) => {
        if (!l.includes('\t')) return `<p>${l}</p>`;
        const cells = l.split('\t');
        if (cells[0] === '序号') return `<tr><td rowspan="1">${cells[0]}</td><td>${cells[1]}</td><td>${cells[2]}</td></tr>`;
        if (cells.includes('合计')) return `<tr><td colspan="2">合计</td><td>${cells[cells.length - 1]}</td></tr>`;
        return `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
      })
      .join('\n')
      .replace(/(<\/p>\n)(<tr>)/g, '$1<table>$2')
      .replace(/(<\/tr>\n)(<p>)/g, '$1</table>$2');
    const tables = tablesOf(await records(new TextEncoder().encode(`<html><body>${html}</table></body></html>`), 'seed.html'));
    expect(signature(tables)).toEqual(signature(original));
  });

  it('DOCX: the same tables written by the docx package, 合计 as a merged cell', async () => {
    const children: (Paragraph | DocxTable)[] = [];
    const lines = seed.split('\n');
    for (let i = 0; i < lines.length; i++) {
      if (!lines[i].includes('\t')) {
        children.push(new Paragraph({ children: [new TextRun(lines[i])] }));
        continue;
      }
      const rows: DocxRow[] = [];
      for (; i < lines.length && lines[i].includes('\t'); i++) {
        const cells = lines[i].split('\t');
        const merged = cells.includes('合计') ? [{ text: '合计', span: 2 }, { text: cells[cells.length - 1], span: 1 }] : cells.map((text) => ({ text, span: 1 }));
        rows.push(new DocxRow({ children: merged.map((c) => new TableCell({ columnSpan: c.span > 1 ? c.span : undefined, children: [new Paragraph(c.text)] })) }));
      }
      i--;
      children.push(new DocxTable({ rows }));
    }
    const bytes = await Packer.toBuffer(new Document({ sections: [{ children }] }));
    const tables = tablesOf(await records(new Uint8Array(bytes), 'seed.docx'));
    expect(signature(tables)).toEqual(signature(original));
  });
});

const HEAD = `测试人社发〔2022〕7号

测试省人力资源和社会保障厅关于下达目标任务的通知

各市人力资源社会保障局：

一、明确目标。具体见附件。

测试省人力资源和社会保障厅

2022年4月1日

附件

目标任务表

单位：万人
`;

describe('a tab before each cell (a copy that kept them)', () => {
  // a tab alone is an empty cell; a blank line closes each row; the header has two rows
  const body = [
    ['', '', '目标任务'],
    ['', '', '国定标准', '省定标准'],
    ['1', '甲市', '1.00', '0.96'],
    ['2', '乙市', '', '0.29'],
    ['3', '丙市', '2.85', '1.94'],
    ['合计', '3.85', '3.19'],
  ];
  const text = (rows: string[][]) => HEAD + '\n' + rows.map((r) => r.map((c) => `\t${c}`).join('\n')).join('\n\n') + '\n';

  it('a two-row header names the columns; empty cells stay empty; the 合计 row fills the value columns', async () => {
    const [t] = tablesOf(await recordsOfText(text(body)));
    expect(t.columns).toEqual(['目标任务/国定标准', '目标任务/省定标准']);
    expect(t.rows.map((r) => [r.seq, r.region, ...Object.values(r.values)])).toEqual([
      [1, '甲市', 1, 0.96],
      [2, '乙市', null, 0.29],
      [3, '丙市', 2.85, 1.94],
    ]);
    expect(t.rows[1].printed['目标任务/国定标准']).toBeNull();
    // by hand: 1.00 + 2.85 = 3.85, 0.96 + 0.29 + 1.94 = 3.19
    expect(t.declaredTotal).toEqual({ '目标任务/国定标准': 3.85, '目标任务/省定标准': 3.19 });
  });

  it('a row broken by blank lines (丙市 over three lines apart) reads the same', async () => {
    const broken = text(body).replace('\t2.85\n', '\t2.85\n\n\n');
    const [a] = tablesOf(await recordsOfText(text(body)));
    const [b] = tablesOf(await recordsOfText(broken));
    expect(broken).not.toBe(text(body));
    expect(signature([b])).toEqual(signature([a]));
  });
});

describe('spans', () => {
  it('HTML: a group label spanning rows leaves each row its own name; a two-row header names the columns', async () => {
    const html = `<html><body>${HEAD.split('\n').map((l) => `<p>${l}</p>`).join('')}
<table>
<tr><td rowspan="2">区域</td><td rowspan="2">地市</td><td colspan="2">目标任务</td></tr>
<tr><td>国定标准</td><td>省定标准</td></tr>
<tr><td rowspan="2">东部</td><td>甲市</td><td>1.00</td><td>0.96</td></tr>
<tr><td>乙市</td><td>2.50</td><td>1.04</td></tr>
<tr><td>西部</td><td>丙市</td><td>0.50</td><td>—</td></tr>
<tr><td colspan="2">合计</td><td>4.00</td><td>2.00</td></tr>
</table></body></html>`;
    const [t] = tablesOf(await records(new TextEncoder().encode(html), 'spans.html'));
    expect(t.columns).toEqual(['目标任务/国定标准', '目标任务/省定标准']);
    expect(t.rows.map((r) => [r.region, ...Object.values(r.values)])).toEqual([
      ['甲市', 1, 0.96],
      ['乙市', 2.5, 1.04],
      ['丙市', 0.5, null],
    ]);
    expect(t.declaredTotal).toEqual({ '目标任务/国定标准': 4, '目标任务/省定标准': 2 });
  });

  it('DOCX: a vertically merged group cell', async () => {
    const cell = (text: string, merge?: 'restart' | 'continue') =>
      new TableCell({ verticalMerge: merge === 'restart' ? VerticalMergeType.RESTART : merge === 'continue' ? VerticalMergeType.CONTINUE : undefined, children: [new Paragraph(text)] });
    const rows = [
      new DocxRow({ children: [cell('区域'), cell('地市'), cell('目标任务（万人）')] }),
      new DocxRow({ children: [cell('东部', 'restart'), cell('甲市'), cell('1.5')] }),
      new DocxRow({ children: [cell('', 'continue'), cell('乙市'), cell('2.5')] }),
      new DocxRow({ children: [cell('西部'), cell('丙市'), cell('1.0')] }),
      new DocxRow({ children: [cell('合计', 'restart'), cell(''), cell('5.0')] }),
    ];
    const children = [...HEAD.split('\n').map((l) => new Paragraph(l)), new DocxTable({ rows })];
    const bytes = await Packer.toBuffer(new Document({ sections: [{ children }] }));
    const [t] = tablesOf(await records(new Uint8Array(bytes), 'merged.docx'));
    expect(t.rows.map((r) => [r.region, r.values['目标任务']])).toEqual([
      ['甲市', 1.5],
      ['乙市', 2.5],
      ['丙市', 1],
    ]);
    expect(t.declaredTotal).toEqual({ 目标任务: 5 });
  });
});

describe('real tables printed one cell per line (hand-read expectations)', () => {
  const real = (name: string) => readFileSync(join(root, 'test', 'fixtures', 'real', name));

  it('Jiading 2014 (嘉府发〔2014〕41号): 9 towns, blank cells left out, a header of three levels, 合计 185 / 150 / 35 公顷', async () => {
    const rs = await records(real('09_jiading-jianlianghua-renwu-2014.md'), '09.md');
    const [t] = tablesOf(rs);
    expect(t.unit).toBe('公顷');
    expect(t.title).toBe('2014年嘉定区集建区外建设用地减量化计划表');
    expect(t.rows.map((r) => r.region)).toEqual(['江桥镇', '南翔镇', '外冈镇', '马陆镇', '安亭镇', '工业区', '徐行镇', '华亭镇', '菊园新区']);
    // the header: 乡镇 | 减量化情况 (总面积 | 主要地类 | 建设用地面积 (工业 | 宅基地 | 其他)) | 计划完成时间 | 备注
    expect(t.columns).toEqual([
      '减量化情况/总面积',
      '减量化情况/主要地类',
      '减量化情况/建设用地面积/工业',
      '减量化情况/建设用地面积/宅基地',
      '减量化情况/建设用地面积/其他',
      '计划完成时间（完成复垦时间）',
      '备注',
    ]);
    const [area] = t.columns;
    // the 总面积 column as printed, summed by hand: 39+31+25+23+20+12+10+14+11 = 185
    expect(t.rows.map((r) => r.values[area])).toEqual([39, 31, 25, 23, 20, 12, 10, 14, 11]);
    // 221、253 is a land-class code: text, never a figure
    expect(t.rows[0].printed[t.columns[1]]).toBe('221、253');
    expect(t.rows[0].values[t.columns[1]]).toBeNull();
    // the 合计 row prints three figures, under 总面积 and the first two building-land columns
    expect(t.declaredTotal).toMatchObject({ '减量化情况/总面积': 185, '减量化情况/建设用地面积/工业': 150, '减量化情况/建设用地面积/宅基地': 35, '减量化情况/建设用地面积/其他': null });
    expect(t.rows.find((r) => r.region === '安亭镇')!.values).toMatchObject({ '减量化情况/建设用地面积/工业': 20, '减量化情况/建设用地面积/宅基地': null });
    expect(t.rows[0].printed['计划完成时间（完成复垦时间）']).toBe('2014年12月底');
    // 工业 25+25+20+20+20+12+10+10+8 = 150 and 宅基地 14+6+5+3+4+3 = 35: everything adds up
    expect(checkAll(rs).filter((f) => f.rule === 'table-sum-mismatch' && f.severity === 'error')).toEqual([]);
    expect(rs[0].findings.filter((f) => f.rule === 'table-unread')).toEqual([]);
  });

  it('国办发 1996 内地西藏班 plan: 总计 first, rows closed by a blank line, a year group over three columns, figures with a note', async () => {
    const rs = await records(real('gold-04_guobanfa-neidi-xizangban-1996.txt'), 'gold-04.txt');
    const [t] = tablesOf(rs);
    expect(t.unit).toBe('人');
    expect(t.columns).toEqual(['1995年招生人数', '扩招', '分年度招生任务/1996年', '分年度招生任务/1997年', '分年度招生任务/1998年']);
    expect(t.rows).toHaveLength(19);
    expect(t.declaredTotal).toEqual({ '1995年招生人数': 1445, 扩招: 555, '分年度招生任务/1996年': 1600, '分年度招生任务/1997年': 1800, '分年度招生任务/1998年': 2000 });
    const guangdong = t.rows.find((r) => r.region === '广东')!;
    expect(guangdong.printed['1995年招生人数']).toBe('120（扩招）');
    expect(guangdong.values['1995年招生人数']).toBe(120);
    // 1995 column by hand: 100+105+90+45+45+90+100+90+45+80+120+45+90+80+80+45+70+80+45 = 1445
    expect(checkAll(rs).filter((f) => f.rule === 'table-sum-mismatch' && f.severity === 'error')).toEqual([]);
  });
});

describe('metamorphic: whitespace and wrapped names do not change the rows', () => {
  // 附件2 of the national notice, small enough to vary many times
  const annex2 = seed.slice(seed.lastIndexOf('\n附件 2\n'));
  const body = seed.slice(0, seed.lastIndexOf('\n附件 2\n'));
  const base = (async () => signature(tablesOf(await recordsOfText(relay(seed, false)))))();

  it('spaces around cells, with or without blank lines between cells, a name split over two lines', async () => {
    const expected = await base;
    const rowCount = annex2.split('\n').filter((l) => /^\d+\t/.test(l)).length;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom('', ' ', '\u3000', '  '), { minLength: 64, maxLength: 64 }),
        fc.boolean(),
        fc.integer({ min: 0, max: rowCount - 1 }),
        async (pads, blank, split) => {
          let k = 0;
          let row = -1;
          const relaid = annex2
            .split('\n')
            .flatMap((l) => {
              if (!l.includes('\t')) return [l];
              const cells = l.split('\t').map((c) => c.trim());
              if (/^\d+$/.test(cells[0])) row++;
              // each cell as its printed lines: the name wraps, its first character on one line, the rest on the next
              const units = cells.map((c, j) => {
                const pad = pads[k++ % pads.length];
                return j === 1 && row === split && c.length >= 2 ? [pad + c.slice(0, 1), c.slice(1) + pad] : [pad + c + pad];
              });
              return units.flatMap((u) => (blank ? [...u, ''] : u));
            })
            .join('\n');
          const tables = tablesOf(await recordsOfText(relay(body, false) + relaid));
          expect(signature(tables)).toEqual(expected);
        },
      ),
      { numRuns: 12 },
    );
  });
});

describe('the cell stream reader never throws', () => {
  it('any lines (names, figures, dashes, 合计, blanks) give a grid or a reason', async () => {
    const { streamToGrid } = await import('../src/extract/table-stream.js');
    const cell = fc.oneof(fc.constantFrom('', '', '序号', '地市', '合计', '小计', '—', '/', '1', '2', '3', '甲市', '乙市', '备注', '2014', '年12月底'), fc.float({ min: 0, max: 1000, noNaN: true }).map((x) => x.toFixed(2)));
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 80 }), (texts) => {
        const grid = streamToGrid(texts.map((text, ref) => ({ text, ref })));
        if (grid.ok) for (const row of grid.rows) expect(row).toHaveLength(grid.width);
        else expect(grid.reason).toMatch(/\S/);
      }),
      { numRuns: 300 },
    );
  });
});

describe('a table with groups and 小计 in every layout a copy produces (hand-read)', () => {
  const doc = readFileSync(join(root, 'docs', 'rules', 'table-sum-mismatch.md'), 'utf8');
  /** The rule page's passing example: its notice head, up to the 单位 line. */
  const passing = [...doc.matchAll(/```notice pass\n([\s\S]*?)```/g)].map((m) => m[1]).find((t) => t.includes('一、城区'))!;
  const head = passing.slice(0, passing.indexOf('单位：公里') + '单位：公里'.length) + '\n\n';
  const grid = [
    ['序号', '街道', '长度'],
    ['一、城区'],
    ['1', '东城街道', '40.0'],
    ['2', '西城街道', '35.5'],
    ['小计', '', '75.5'],
    ['二、郊区'],
    ['3', '南城街道', '24.5'],
    ['4', '北城街道', '10.0'],
    ['小计', '', '34.5'],
    ['合计', '', '110.0'],
  ];
  const widths = [4, 8, 6];
  const layouts: [string, string, () => string][] = [
    ['tabs', 'g.txt', () => head + grid.map((r) => r.join('\t')).join('\n') + '\n'],
    ['spaces (a PDF or web copy)', 'g.txt', () => head + grid.map((r) => r.map((c, j) => c + ' '.repeat(Math.max(2, widths[j] - c.length))).join('').trimEnd()).join('\n') + '\n'],
    ['Markdown pipes', 'g.md', () => head + grid.flatMap((r, i) => [`| ${[...r, '', ''].slice(0, 3).join(' | ')} |`, ...(i === 0 ? ['| --- | --- | --- |'] : [])]).join('\n') + '\n'],
    ['one cell per line', 'g.txt', () => head + grid.flat().join('\n') + '\n'],
    ['one cell per line, blank lines between cells', 'g.txt', () => head + grid.flat().join('\n\n') + '\n'],
    ['a tab before each cell', 'g.txt', () => head + grid.flat().map((c) => `\t${c}`).join('\n') + '\n'],
    [
      'HTML, group rows spanning the columns',
      'g.html',
      () =>
        `<html><body>${head.split('\n').map((l) => `<p>${l}</p>`).join('')}<table>${grid
          .map((r) => `<tr>${r.length === 1 ? `<td colspan="3">${r[0]}</td>` : r.map((c) => `<td>${c}</td>`).join('')}</tr>`)
          .join('')}</table></body></html>`,
    ],
  ];
  for (const [name, path, render] of layouts) {
    it(`${name}: four rows in two groups, two 小计, 合计 110.0 公里`, async () => {
      const [t] = tablesOf(await records(new TextEncoder().encode(render()), path));
      expect(t.unit).toBe('公里');
      expect(t.columns).toEqual(['长度']);
      expect(t.rows.map((r) => [r.seq, r.region, r.group, r.values['长度']])).toEqual([
        [1, '东城街道', '一、城区', 40],
        [2, '西城街道', '一、城区', 35.5],
        [3, '南城街道', '二、郊区', 24.5],
        [4, '北城街道', '二、郊区', 10],
      ]);
      expect(t.subtotals?.map((s) => [s.group, s.from, s.to, s.values['长度']])).toEqual([
        ['一、城区', 0, 2, 75.5],
        ['二、郊区', 2, 4, 34.5],
      ]);
      expect(t.declaredTotal).toEqual({ 长度: 110 });
    });
  }

  it('DOCX: group labels as vertically merged cells over their rows and their 小计', async () => {
    const cell = (text: string, merge?: 'restart' | 'continue') =>
      new TableCell({ verticalMerge: merge === 'restart' ? VerticalMergeType.RESTART : merge === 'continue' ? VerticalMergeType.CONTINUE : undefined, children: [new Paragraph(text)] });
    const group = (name: string, rows: string[][]) =>
      rows.map((r, i) => new DocxRow({ children: [cell(i === 0 ? name : '', i === 0 ? 'restart' : 'continue'), ...r.map((c) => cell(c))] }));
    const rows = [
      new DocxRow({ children: [cell('片区'), cell('街道'), cell('长度')] }),
      ...group('城区', [['东城街道', '40.0'], ['西城街道', '35.5'], ['小计', '75.5']]),
      ...group('郊区', [['南城街道', '24.5'], ['北城街道', '10.0'], ['小计', '34.5']]),
      new DocxRow({ children: [cell('合计'), cell(''), cell('110.0')] }),
    ];
    const children = [...head.split('\n').map((l) => new Paragraph(l)), new DocxTable({ rows })];
    const bytes = await Packer.toBuffer(new Document({ sections: [{ children }] }));
    const [t] = tablesOf(await records(new Uint8Array(bytes), 'groups.docx'));
    expect(t.rows.map((r) => [r.region, r.group, r.values['长度']])).toEqual([
      ['东城街道', '城区', 40],
      ['西城街道', '城区', 35.5],
      ['南城街道', '郊区', 24.5],
      ['北城街道', '郊区', 10],
    ]);
    expect(t.subtotals?.map((s) => [s.group, s.from, s.to, s.values['长度']])).toEqual([
      ['城区', 0, 2, 75.5],
      ['郊区', 2, 4, 34.5],
    ]);
    expect(t.declaredTotal).toEqual({ 长度: 110 });
  });

  it('PDF text layer (the failing example printed by scripts/seeds-to-pdf.mjs): 北城 11.0 makes 郊区 35.5 against its 小计 34.5', async () => {
    const rs = await records(new Uint8Array(readFileSync(join(root, 'test', 'fixtures', 'pdf', 'tables-subtotals.pdf'))), 'tables-subtotals.pdf');
    const [t] = tablesOf(rs);
    expect(t.rows.map((r) => [r.region, r.group, r.values['长度']])).toEqual([
      ['东城街道', '一、城区', 40],
      ['西城街道', '一、城区', 35.5],
      ['南城街道', '二、郊区', 24.5],
      ['北城街道', '二、郊区', 11],
    ]);
    const errors = checkAll(rs).filter((f) => f.rule === 'table-sum-mismatch' && f.severity === 'error');
    expect(errors.map((f) => [f.data.group, f.data.sum, f.data.declared])).toEqual([['二、郊区', 35.5, 34.5]]);
  });

  it('a header printed again after a page break (with the page number) is not a row: tabs and spaces', async () => {
    const body = (sep: (r: string[]) => string) =>
      head + [grid[0], ['1', '东城街道', '40.0'], ['2', '西城街道', '35.5']].map(sep).join('\n') + '\n- 2 -\n' + [grid[0], ['3', '南城街道', '24.5'], ['合计', '', '100.0']].map(sep).join('\n') + '\n';
    for (const sep of [(r: string[]) => r.join('\t'), (r: string[]) => r.map((c, j) => c + ' '.repeat(Math.max(2, widths[j] - c.length))).join('').trimEnd()]) {
      const [t] = tablesOf(await recordsOfText(body(sep)));
      expect(t.rows.map((r) => [r.seq, r.region, r.group, r.values['长度']])).toEqual([
        [1, '东城街道', undefined, 40],
        [2, '西城街道', undefined, 35.5],
        [3, '南城街道', undefined, 24.5],
      ]);
      expect(t.declaredTotal).toEqual({ 长度: 100 });
    }
  });

  it('space-aligned columns with a text column after the figures (备注: 新建, —, 改造提升)', async () => {
    const text = head + ['序号  街道      长度   备注', '1     东城街道  40.0   新建', '2     西城街道  35.5   —', '3     南城街道  24.5   改造提升', '合计            100.0'].join('\n') + '\n';
    const rs = await recordsOfText(text);
    const [t] = tablesOf(rs);
    expect(t.columns).toEqual(['长度', '备注']);
    expect(t.rows.map((r) => [r.seq, r.region, r.values['长度'], r.printed['备注']])).toEqual([
      [1, '东城街道', 40, '新建'],
      [2, '西城街道', 35.5, '—'],
      [3, '南城街道', 24.5, '改造提升'],
    ]);
    // by hand: 40.0 + 35.5 + 24.5 = 100.0
    expect(t.declaredTotal).toEqual({ 长度: 100, 备注: null });
    expect(checkAll(rs).filter((f) => f.rule === 'table-sum-mismatch')).toEqual([]);
  });

  it('two tables in one annex, each with its own title and 单位: tabs, one cell per line with and without blank lines', async () => {
    const tables = [
      ['表1 2024年绿道建设任务表', '单位：公里', [['序号', '街道', '长度'], ['1', '东城街道', '40.0'], ['2', '西城街道', '60.0'], ['合计', '', '100.0']]],
      ['表2 2024年口袋公园建设任务表', '单位：公顷', [['序号', '街道', '面积'], ['1', '东城街道', '1.5'], ['2', '西城街道', '2.5'], ['合计', '', '4.0']]],
    ] as const;
    const annex = head.slice(0, head.indexOf('2024年绿道建设任务表'));
    const render = (cells: (r: readonly string[]) => string) => annex + tables.map(([title, unit, rows]) => `${title}\n\n${unit}\n\n${rows.map(cells).join('\n')}\n`).join('\n');
    for (const cells of [(r: readonly string[]) => r.join('\t'), (r: readonly string[]) => r.join('\n'), (r: readonly string[]) => r.join('\n\n') + '\n']) {
      const ts = tablesOf(await recordsOfText(render(cells)));
      expect(ts.map((t) => [t.title, t.unit, t.columns, t.rows.map((r) => [r.region, ...Object.values(r.values)]), t.declaredTotal])).toEqual([
        ['表12024年绿道建设任务表', '公里', ['长度'], [['东城街道', 40], ['西城街道', 60]], { 长度: 100 }],
        ['表22024年口袋公园建设任务表', '公顷', ['面积'], [['东城街道', 1.5], ['西城街道', 2.5]], { 面积: 4 }],
      ]);
    }
  });
});
