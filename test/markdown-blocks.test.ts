import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMarkdownParser, markdownBlocks, parseAndStrip, stripMarkdown } from '../src/normalize/markdown.js';
import { identity, type Text } from '../src/normalize/offsets.js';
import { growth, MAX_RATIO } from './helpers/growth.js';

beforeAll(() => loadMarkdownParser());

/** Same value, same map, same front matter: what the rest of the pipeline sees. */
const same = (a: { text: Text; frontMatter: unknown }, b: { text: Text; frontMatter: unknown }) => {
  expect(b.text.value).toBe(a.text.value);
  expect(Array.from(b.text.map)).toEqual(Array.from(a.text.map));
  expect(b.frontMatter).toEqual(a.frontMatter);
};

describe('Markdown: only the blocks with syntax are parsed', () => {
  it('splits at blank lines; indented continuations, a later `---` and front matter stay with the block before', () => {
    // hand-derived: a block runs from the first character of its first line to the end of its last
    // (a=0, `- b` from 3, `  c` ends at 11 and joins it, d=13)
    const t = 'a\n\n- b\n\n  c\n\nd\n';
    expect(markdownBlocks(t)).toEqual([
      [0, 1],
      [3, 11],
      [13, 14],
    ]);
    const m = '---\nk: v\n\nj: w\n---\n\n正文\n\n---\n尾\n';
    expect(markdownBlocks(m)).toEqual([
      [0, 18], // front matter, closed at 18
      [20, 29], // 正文 (20) with the `---` block after it (24–29)
    ]);
  });
  it('gives up splitting where blocks depend on each other: fences, HTML, definitions', () => {
    expect(markdownBlocks('```\na\n\nb\n```\n')).toBeNull();
    expect(markdownBlocks('<div>\n\nx\n</div>\n')).toBeNull();
    expect(markdownBlocks('[a][r]\n\n[r]: http://x\n')).toBeNull();
  });
  it('leaves a block without syntax alone and strips one with syntax', () => {
    // `**一、目标**` loses its four asterisks, the plain block keeps every character
    const out = stripMarkdown(identity('**一、目标**\n\n二、措施：2025年完成。\n'));
    expect(out.text.value).toBe('一、目标\n\n二、措施：2025年完成。\n');
    expect(out.text.map[0]).toBe(2);
  });
  it('an empty ordered item loses its marker, as in the whole-text parse', () => {
    expect(stripMarkdown(identity('- 甲\n\n1.   \n')).text.value).toBe(' 甲\n\n   \n');
  });

  const fixtures = join(__dirname, 'fixtures');
  const files = [...readdirSync(join(__dirname, '..', 'seeds')).map((f) => join(__dirname, '..', 'seeds', f))];
  for (const d of readdirSync(fixtures, { withFileTypes: true })) {
    if (d.isDirectory()) for (const f of readdirSync(join(fixtures, d.name))) if (/\.(txt|md)$/.test(f)) files.push(join(fixtures, d.name, f));
  }
  const variants: Array<[string, (t: string) => string]> = [
    ['as is', (t) => t],
    ['CRLF', (t) => t.replace(/\n/g, '\r\n')],
    ['bold sections', (t) => t.replace(/^([一二三四五六七八九十]+、[^\n]*)$/gm, '**$1**')],
    ['blank lines doubled', (t) => t.replace(/\n/g, '\n\n')],
    ['front matter with a blank line', (t) => `---\na: b\n\nc: d\n---\n${t}`],
    ['bullets', (t) => t.replace(/^(.)/gm, '- $1')],
    ['indented 2', (t) => t.replace(/^(.)/gm, '  $1')],
    ['indented 4', (t) => t.replace(/^(.)/gm, '    $1')],
    ['numbered', (t) => t.replace(/^(.)/gm, '1. $1')],
    ['rules', (t) => t.replace(/\n\n/g, '\n\n---\n')],
    ['quotes', (t) => t.replace(/^(.)/gm, '> $1')],
  ];
  it.each(files.map((f) => [f.split('/').slice(-2).join('/'), f]))('%s: block-wise equals the whole-text parse in every variant', (_name, file) => {
    const text = readFileSync(file as string, 'utf8');
    for (const [, v] of variants) same(parseAndStrip(identity(v(text))), stripMarkdown(identity(v(text))));
  });

  it('block-wise equals the whole-text parse on generated Markdown', () => {
    const line = fc.constantFrom(
      '',
      '',
      '  ',
      '一、总体要求',
      '**一、总体要求**',
      '**（一）目标。**到2025年，新增就业*1100万*人。',
      '# 标题',
      '## 二、措施',
      '标题\n===',
      '---',
      '***',
      '- 甲',
      '* 乙',
      '  - 丙',
      '    缩进代码',
      '\t制表',
      '1. 附件一',
      '2) 附件二',
      '1.   ',
      '1. \t表',
      '> 引文',
      '>',
      '| 序号 | 地区 |',
      '|---|---|',
      '| 1 | 河北 |',
      '见 [链接](http://x.cn) 与 `代码`',
      '~~删除~~ 与 \\* 转义',
      '2022-2025年',
      'a_b_c & d',
      '关于做好2023年工作的通知',
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.boolean(), (lines, matter) => {
        const t = (matter ? '---\nk: v\n---\n' : '') + lines.join('\n');
        same(parseAndStrip(identity(t)), stripMarkdown(identity(t)));
      }),
      { numRuns: 400, seed: 21 },
    );
  });

  // remark alone is superlinear on this shape (4,000 blocks: 25 s against 3 s for 2,000); parsed block by block it is linear
  it('grows linearly with the number of blocks (alternating syntax and plain blocks)', () => {
    const doc = (n: number) => Array.from({ length: n }, (_, i) => (i % 2 ? '- 甲项' : '二、措施：2025年完成。')).join('\n\n');
    expect(growth(doc, 1000, (t) => stripMarkdown(identity(t)))).toBeLessThan(MAX_RATIO);
  });
});
