import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { SEEDS, seedPath } from './helpers/context.js';
import { collapseCjkSpaces, mayConvert, PIECE_BREAKS, simplifiedLine, simplifyGlyphs } from '../src/normalize/cjk.js';
import { hasMarkdownSyntax, loadMarkdownParser, parseAndStrip, stripMarkdown } from '../src/normalize/markdown.js';
import { applyEdits, identity, SourceLocator } from '../src/normalize/offsets.js';
import { fullWidthCjkPunctuation, halfWidthAlnum } from '../src/normalize/punctuation.js';
import { decode, sniffBinary } from '../src/read/detect.js';

const sourceChar = (t: { value: string; map: Int32Array }, src: string, ch: string) => src[t.map[t.value.indexOf(ch)]];


beforeAll(loadMarkdownParser); // readers load remark on demand; these tests call the normaliser directly

describe('CJK spacing', () => {
  it('removes spaces between CJK characters and between CJK and digits', () => {
    const t = collapseCjkSpaces(identity('人 力 资 源 社 会 保 障 部\n关于做好 2022 年脱贫人口\n不低于 3000 万人'));
    expect(t.value).toBe('人力资源社会保障部\n关于做好2022年脱贫人口\n不低于3000万人');
  });
  it('keeps spaces between ASCII words and keeps tabs (table cells)', () => {
    expect(collapseCjkSpaces(identity('SARIF 2.1.0 schema')).value).toBe('SARIF 2.1.0 schema');
    expect(collapseCjkSpaces(identity('1\t河 北\t83.41')).value).toBe('1\t河北\t83.41');
  });
  it('keeps the map back to the source', () => {
    const src = '人 力 资 源';
    const t = collapseCjkSpaces(identity(src));
    expect([...t.value].map((_, i) => src[t.map[i]]).join('')).toBe('人力资源');
  });
});

describe('punctuation', () => {
  it('turns full-width digits into ASCII and ASCII brackets around Chinese into full-width ones', () => {
    expect(halfWidthAlnum(identity('扣２分，１００％')).value).toBe('扣2分，100%');
    expect(fullWidthCjkPunctuation(identity('(一) 保持规模稳定 (020)83193872')).value).toBe('（一） 保持规模稳定 (020)83193872');
    expect(fullWidthCjkPunctuation(identity('附件1:')).value).toBe('附件1：');
  });
  it('reads a full stop, comma or semicolon typed in ASCII after a Chinese character as the Chinese mark', () => {
    const fw = (s: string) => fullWidthCjkPunctuation(identity(s)).value;
    expect(fw('请遵照执行.各地要;认真落实!是否可行?')).toBe('请遵照执行。各地要；认真落实！是否可行？');
    expect(fw('从2009年起,“三支一扶”')).toBe('从2009年起，“三支一扶”');
    expect(fw('联系人:梁文嘉,(020)83193872')).toBe('联系人：梁文嘉，(020)83193872');
    // between digits they are a ratio, a decimal, a time and a thousands separator; after a digit, an item's number
    expect(fw('按照4:3:3的比例，3.5亿元，10:30，3,000人')).toBe('按照4:3:3的比例，3.5亿元，10:30，3,000人');
    expect(fw('1.深圳湾口岸')).toBe('1.深圳湾口岸');
  });
  it('drops carriage returns (CRLF files)', () => {
    expect(halfWidthAlnum(identity('一、\r\n二、')).value).toBe('一、\n二、');
  });
});

describe('traditional glyphs', () => {
  it('a line the converter is skipped for is one it would leave unchanged (seeds, fixtures, traditional text)', async () => {
    const OpenCC = await import('opencc-js');
    const full = OpenCC.Converter({ from: 'hk', to: 'cn' });
    const lines = [
      ...Object.values(SEEDS).flatMap((name) => readFileSync(seedPath(name), 'utf8').split('\n')),
      '關於做好2022年脫貧人口穩崗就業工作的通知',
      '台灣 臺灣 乾隆 著作 裏面 爲什麼 於是 後來 麪條 鬆動',
    ];
    let skipped = 0;
    for (const line of lines) {
      if (mayConvert(line)) continue;
      skipped++;
      expect(full(line)).toBe(line);
    }
    expect(skipped).toBeGreaterThan(100);
    expect(mayConvert('關於')).toBe(true);
  });
  it('keys the skip on characters an entry changes, not on the first character of a phrase entry', () => {
    // phrase entries such as 人參 → 人参 start with common simplified characters that no entry
    // changes: a line of them is never sent to the converter
    expect(mayConvert('人力资源社会保障部关于做好工作的通知')).toBe(false);
    // 參 (in 人參) and 噁 (二噁英 → 二𫫇英, a change of UTF-16 length) are what those entries change
    expect(mayConvert('人參')).toBe(true);
    expect(mayConvert('二噁英')).toBe(true);
    expect(mayConvert('二')).toBe(false);
  });
  it('skips characters the chain turns back into themselves (脱 → 脫 → 脱), and the skip is safe', async () => {
    const OpenCC = await import('opencc-js');
    const full = OpenCC.Converter({ from: 'hk', to: 'cn' });
    // 脱贫 is in half the lines of a poverty-relief notice; the hk stage writes 脫, the cn stage 脱 again
    expect(mayConvert('巩固拓展脱贫攻坚成果')).toBe(false);
    expect(full('巩固拓展脱贫攻坚成果')).toBe('巩固拓展脱贫攻坚成果');
    // 脫 itself, and 脱 next to a character some entry changes (脫坏 → 脱坯), still go through
    expect(mayConvert('脫贫')).toBe(true);
    expect(mayConvert('脱坏')).toBe(true);
    expect(full('脱坏')).toBe('脱坯');
    // an ideographic description sequence is copied whole by the converter: always sent
    expect(mayConvert('⿰脱')).toBe(true);
  });
  it('simplifies stray traditional characters without moving offsets', () => {
    const t = simplifyGlyphs(identity('支持的優勢特色产业'));
    expect(t.value).toBe('支持的优势特色产业');
    expect(t.map[4]).toBe(4);
  });
  it('no key of the converter\'s dictionaries holds a piece break (so no phrase match crosses one)', async () => {
    const OpenCC = await import('opencc-js/t2cn');
    const chain = (OpenCC.Locale.configs as Record<string, unknown>).hk2s;
    const keyChars = new Set<string>();
    // a dictionary is "key value|key value…", a [key, value] pair, or a group of those
    const walk = (d: unknown): void => {
      if (typeof d === 'string') for (const entry of d.split('|')) for (const ch of entry.split(' ')[0]) keyChars.add(ch);
      else if (Array.isArray(d) && d.length === 2 && typeof d[0] === 'string' && typeof d[1] === 'string' && !d[0].includes(' ')) for (const ch of d[0]) keyChars.add(ch);
      else if (Array.isArray(d)) d.forEach(walk);
      else if (d && typeof d === 'object') Object.values(d).forEach(walk);
    };
    walk(chain);
    expect(keyChars.size).toBeGreaterThan(1000);
    expect([...PIECE_BREAKS].filter((c) => keyChars.has(c))).toEqual([]);
  });
  it('converts only the pieces of a line between breaks that need it, to what converting the line whole gives', async () => {
    const OpenCC = await import('opencc-js');
    const full = OpenCC.Converter({ from: 'hk', to: 'cn' });
    // by hand: 發展 → 发展, 優勢 → 优势, the simplified piece between them untouched
    expect(simplifiedLine('發展，支持产业；優勢')).toBe('发展，支持产业；优势');
    const lines = [
      ...Object.values(SEEDS).flatMap((name) => readFileSync(seedPath(name), 'utf8').split('\n')),
      '關於做好2022年脫貧人口穩崗就業工作的通知，支持的優勢特色产业。台灣、臺灣：乾隆著作！裏面爲什麼？於是後來麪條鬆動',
      '，優勢，，發展。',
      // an ideographic description sequence takes what follows its operator, a break too: whole line
      '⿰，中國的優勢',
    ];
    for (const line of lines) expect(simplifiedLine(line)).toBe(full(line));
  });
});

describe('markdown', () => {
  it('removes emphasis and heading markers but keeps content offsets exact', () => {
    const src = '## 一、明确目标任务\n\n**一、加强组织领导。**各地要切实提高政治站位';
    const { text } = stripMarkdown(identity(src));
    expect(text.value).toContain('一、明确目标任务');
    expect(text.value).toContain('一、加强组织领导。各地要');
    expect(text.value).not.toContain('*');
    expect(sourceChar(text, src, '各')).toBe('各');
    expect(text.map[text.value.indexOf('各')]).toBe(src.indexOf('各'));
  });
  it('reads front matter as metadata', () => {
    const { frontMatter, text } = stripMarkdown(identity('---\n文号: 沪绿容〔2023〕323号\n---\n\n# 标题\n'));
    expect(frontMatter?.fields['文号']).toBe('沪绿容〔2023〕323号');
    expect(text.value).not.toContain('文号');
  });
  it('turns pipe tables into tab-separated rows', () => {
    const { text } = stripMarkdown(identity('| 序号 | 地区 | 目标 |\n|---|---|---|\n| 1 | 河北 | 83.41 |\n'));
    expect(text.value).toMatch(/1\s*\t\s*河北\s*\t\s*83\.41/);
  });
});

describe('reading', () => {
  it('decodes GB18030 when the bytes are not UTF-8', () => {
    const gbk = Uint8Array.from([0xb9, 0xd8, 0xd3, 0xda, 0xd7, 0xf6, 0xba, 0xc3]); // 关于做好
    expect(decode(gbk)?.text).toBe('关于做好');
    expect(decode(gbk)?.encoding).toBe('gb18030');
  });
  it('strips a UTF-8 BOM', () => {
    expect(decode(Uint8Array.from([0xef, 0xbb, 0xbf, 0x41]))?.text).toBe('A');
  });
  it('recognises PDFs and binaries by their bytes', () => {
    expect(sniffBinary(new TextEncoder().encode('%PDF-1.7'))).toBe('pdf');
    expect(sniffBinary(Uint8Array.from([0, 1, 2, 3]))).toBe('binary');
    expect(sniffBinary(new TextEncoder().encode('关于做好'))).toBeNull();
  });
});

describe('source map', () => {
  it('locates offsets as 1-based line and column', () => {
    const loc = new SourceLocator('ab\ncd\nef');
    expect(loc.span(0)).toEqual({ line: 1, column: 1 });
    expect(loc.span(4)).toEqual({ line: 2, column: 2 });
  });
  it('composes edits', () => {
    const t = applyEdits(identity('a  b'), [{ start: 1, end: 3, insert: '' }]);
    expect(t.value).toBe('ab');
    expect(t.map[1]).toBe(3);
  });
});

describe('PDF table rows printed one cell per line', async () => {
  const { cellPerLineRows, cellPerLineRowsRepaired, spacedTableRows } = await import('../src/normalize/table-rows.js');
  it('rejoins rows and puts a lost blank cell where the totals say', () => {
    const t = cellPerLineRows(identity('甲\n乙\n1\n济南\n1.00\n0.96\n2\n青岛\n0.29\n合计\n1.00\n1.25\n'));
    expect(t.value).toBe('\t\t甲\t乙\n1\t济南\t1.00\t0.96\n2\t青岛\t\t0.29\n\t合计\t\t1.00\t1.25\n');
  });
  it('leaves the block alone when the totals do not single out one placement (no guessing)', () => {
    const src = '甲\n乙\n1\n济南\n1.00\n1.00\n2\n青岛\n1.00\n合计\n2.00\n2.00\n';
    expect(cellPerLineRows(identity(src)).value).toBe(src);
  });
  it('reports which rows the totals placed, by source offset', () => {
    const src = '甲\n乙\n1\n济南\n1.00\n0.96\n2\n青岛\n0.29\n合计\n1.00\n1.25\n';
    const { repairs } = cellPerLineRowsRepaired(identity(src));
    // 青岛's row starts at its 序号 "2"; its blank is value column 0 (甲)
    expect(repairs).toEqual([{ kind: 'placed', start: src.indexOf('1\n济南'), rows: [{ start: src.indexOf('2\n青岛'), blanks: [0] }] }]);
  });
  it('reports a short row the totals cannot place as unplaced, and leaves the block as printed', () => {
    const src = '甲\n乙\n1\n济南\n1.00\n1.00\n2\n青岛\n1.00\n合计\n2.00\n2.00\n';
    const { text, repairs } = cellPerLineRowsRepaired(identity(src));
    expect(text.value).toBe(src);
    expect(repairs).toEqual([{ kind: 'unplaced', start: src.indexOf('1\n济南'), rows: [{ start: src.indexOf('2\n青岛'), blanks: [] }] }]);
  });
  it('a full table whose sums fit needs no repair', () => {
    expect(cellPerLineRowsRepaired(identity('甲\n1\n济南\n1.00\n2\n青岛\n0.29\n合计\n1.29\n')).repairs).toEqual([]);
  });
  it('space-separated rows get tabs; spaced-out names stay one cell', () => {
    expect(spacedTableRows(identity('序号 省（区、市） 目标任务\n1 河 北 83.41\n合计 3019.17\n')).value).toBe('序号\t省（区、市）\t目标任务\n1\t河 北\t83.41\n合计\t3019.17\n');
  });
});

describe('markdown: remark only when the text has Markdown syntax', () => {
  const withoutSyntax = Object.values(SEEDS).map((name) => readFileSync(seedPath(name), 'utf8').replace(/[*_#>`[\]!<&|~\\=+-]/g, ''));
  const plain = [
    ...withoutSyntax,
    '附件：\n1. 各市目标任务表\n2) 补助标准\n',
    '详见 www.gov.cn 或 https://www.mohrss.gov.cn/a.html，邮箱 jiuye@example.cn\n',
    '    缩进四格的一行\n\t制表符开头的一行\n',
  ];
  it.each(plain.map((t, i) => [i, t]))('text %i without the gate characters comes out of remark unchanged', (_i, t) => {
    const parsed = parseAndStrip(identity(t as string));
    expect(hasMarkdownSyntax(t as string)).toBe(false);
    expect(parsed.text.value).toBe(t);
    expect(parsed.frontMatter).toBeNull();
  });
  it('- + = inside a line are text (phone numbers, dates, 雨露计划+): no parse, and remark agrees', () => {
    // the seeds with their syntax removed, then - + = put back only inside lines
    const inside = [
      ...withoutSyntax.map((t) => t.replace(/(\d)(\d)/g, '$1-$2').replace(/计划/g, '计划+').replace(/：/g, '=')),
      '联系电话：0451-87130330，2022-05-01起施行\n“雨露计划+”就业促进行动，A=B\n',
    ];
    for (const t of inside) {
      expect(hasMarkdownSyntax(t)).toBe(false);
      expect(parseAndStrip(identity(t)).text.value).toBe(t);
    }
  });
  it('- + = where a block starts are syntax: bullets, breaks, underlines, a bullet inside an ordered item', () => {
    // each of these loses characters in remark (hand-checked: the marker or the rule line)
    for (const t of ['- 附件：目标任务表\n', '  + 第二项\n', '标题\n===\n', '正文\n\n---\n\n正文\n', '1. - 嵌套的项目\n']) {
      expect(hasMarkdownSyntax(t)).toBe(true);
      expect(parseAndStrip(identity(t)).text.value).not.toBe(t);
    }
    // an empty ordered item loses its marker in remark though no gate character is there
    expect(hasMarkdownSyntax('1.\n正文\n')).toBe(true);
  });
  it('text with syntax is parsed', () => {
    expect(hasMarkdownSyntax('**一、目标**')).toBe(true);
    expect(stripMarkdown(identity('**一、目标**')).text.value).toBe('一、目标');
  });
});
