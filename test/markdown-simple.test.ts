import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasMarkdownSyntax, loadMarkdownParser, parseAndStrip, stripMarkdown } from '../src/normalize/markdown.js';
import { quoteBlockEdits, simpleBlockEdits } from '../src/normalize/markdown-simple.js';
import { identity } from '../src/normalize/offsets.js';

beforeAll(() => loadMarkdownParser());

const simple = (t: string) => simpleBlockEdits(t, 0, t.length);
/** What remark's parse of the whole text gives, and what the block-wise path (with the simple reader) gives. */
const both = (t: string) => [parseAndStrip(identity(t)).text, stripMarkdown(identity(t)).text] as const;

describe('Markdown blocks read without remark', () => {
  it('deletes a bullet, heading hashes, a rule and ** pairs, and nothing else', () => {
    // hand-derived offsets: the `-` at 0; `##` at 0–2; the dashes after the blank line at 3–6
    expect(simple('- 附件：1.甲表\n2.乙表')).toEqual([{ start: 0, end: 1, insert: '' }]);
    expect(simple('## 一、目标')).toEqual([{ start: 0, end: 2, insert: '' }]);
    expect(simple('甲\n\n---')).toEqual([{ start: 3, end: 6, insert: '' }]);
    // `**一、加强组织领导。**各地`: 2 + 9 characters, the closing pair at 11–13 (closes after 。 before a CJK letter)
    expect(simple('**一、加强组织领导。**各地要')).toEqual([
      { start: 0, end: 2, insert: '' },
      { start: 11, end: 13, insert: '' },
    ]);
    // a pair over two lines of one paragraph (a title wrapped with hard breaks)
    expect(simple('**转发通知  \n关于做好工作的通知**')).toEqual([
      { start: 0, end: 2, insert: '' },
      { start: 18, end: 20, insert: '' },
    ]);
  });

  it('leaves to remark what depends on context or is another construct', () => {
    expect(simple('---\nk: v\n---')).toBeNull(); // front matter
    expect(simple('> 引文')).toBeNull();
    expect(simple('  - 缩进')).toBeNull();
    expect(simple('**甲** *乙*')).toBeNull(); // emphasis with one star
    expect(simple('**甲.**a')).toBeNull(); // after ASCII punctuation, before a letter: remark does not close it
    expect(simple('**甲\n1. 乙**')).toBeNull(); // a list may interrupt the paragraph
    expect(simple('# 标题 #')).toBeNull(); // closing hashes
    expect(simple('甲\n--')).toBeNull(); // a two-dash setext underline
    expect(simple('见 [链接](http://x.cn)')).toBeNull();
    expect(simple('纯文本')).toBeNull(); // nothing to delete: not this reader's case
    expect(simple('\ufeff甲\n## 乙')).toBeNull(); // micromark drops a leading byte-order mark, and its positions shift
  });

  it('gives what remark gives on the shapes of the seeds', () => {
    for (const t of ['- 附件：1.2022年度各市（地）脱贫人口务工目标任务表\n2.黑龙江省就业帮扶政策举措落实情况表', '**省财政厅**', '### 三、加强组织保障', '序号\t省(市)\t目标任务\n1\t北京\t38.5\n\n---', '**转发人力资源社会保障部 发展改革委 财政部  \n农业农村部 国家乡村振兴局关于做好2022年  \n脱贫人口稳岗就业工作的通知**']) {
      expect(simple(t)).not.toBeNull();
      const [remark, ours] = both(t);
      expect(ours.value).toBe(remark.value);
      expect(Array.from(ours.map)).toEqual(Array.from(remark.map));
    }
  });

  // the characters that decide whether a `**` opens or closes: CJK and ASCII letters and punctuation,
  // full-width forms, Unicode spaces, marks and variation selectors
  const neighbour = fc.oneof(
    { arbitrary: fc.constantFrom(...'甲乙一。：、（）《》【】〔〕aZ1 '.split('')), weight: 3 },
    { arbitrary: fc.constantFrom(...'“”.():,!?;"\'\u3000\t\u00a0—…·％＊‘’「」\ufeffé\u0301\ufe0f\u2003$%/@．，；！？～￥\u200bㄅア한'.split(''), '😀'), weight: 1 },
  );
  const lineStart = fc.constantFrom('', '', '', '- ', '# ', '## ', '1. ', '2. ', '1) ', '---', '---\n', '');
  const lineBreak = fc.constantFrom('\n', '\n', '  \n', '\r\n', '\n\n');
  const piece = fc.tuple(neighbour, fc.constantFrom('', '**', '**'), neighbour, fc.option(fc.tuple(lineBreak, lineStart), { freq: 3 }));
  const block = fc.tuple(lineStart, fc.array(piece, { minLength: 1, maxLength: 8 })).map(([start, pieces]) => start + pieces.map(([a, d, b, br]) => a + d + b + (br ? br.join('') : '')).join(''));

  it('equals remark on generated blocks wherever it answers', () => {
    let answered = 0;
    fc.assert(
      fc.property(block, (t) => {
        if (!simple(t)) return;
        answered++;
        const [remark, ours] = both(t);
        expect(ours.value).toBe(remark.value);
        expect(Array.from(ours.map)).toEqual(Array.from(remark.map));
      }),
      { numRuns: 8000, seed: 21 },
    );
    // the generator must reach the reader often enough for the comparison to mean something
    expect(answered).toBeGreaterThan(200);
  });
});

describe('front matter opening a text, read without remark', () => {
  const stripped = (t: string) => stripMarkdown(identity(t));

  it('deletes the fences and the lines between them and reads the fields where they stand', () => {
    // '---\n' is 0–3; 标题: 甲 at 4–8 (甲 at 8); 文号: … (14 characters) at 10–23 (its value at 14); the closing fence 25–27
    const t = '---\n标题: 甲\n文号: 沪府〔2023〕1号\n---\n\n正文';
    const { text, frontMatter } = stripped(t);
    expect(text.value).toBe('\n\n正文');
    expect(frontMatter).toEqual({ fields: { 标题: '甲', 文号: '沪府〔2023〕1号' }, offsets: { 标题: 8, 文号: 14 } });
    expect(text.map[0]).toBe(28); // the line break after the closing fence
  });

  const key = fc.constantFrom('标题', 'title', '发布日期', 'source_url', '文号', 'k');
  const yamlValue = fc.constantFrom('甲', '"沪府〔2023〕1号"', "'x'", 'https://www.shanghai.gov.cn/a_b/c.html', '2023-09-05', '', ' 乙 ', '- 项', '[链接](http://x.cn)');
  const yamlLine = fc.oneof(
    { arbitrary: fc.tuple(key, fc.constantFrom(': ', '：', ':'), yamlValue).map((p) => p.join('')), weight: 6 },
    { arbitrary: fc.constantFrom('', '  - 甲', '# 注释', '---', '----', '...', '> 引', '**甲**'), weight: 1 },
  );
  const fence = fc.constantFrom('---', '---', '--- ', '---\t');
  const rest = fc.constantFrom('', '\n正文', '\n\n正文', '\n- 附件', '\n\n## 一、目标\n\n**二、**措施', '\n甲\n---', '\n> 注：以[官方链接](https://x.cn/a)为准。', '\n\n---\n\n乙');
  const doc = fc.tuple(fence, fc.array(yamlLine, { maxLength: 6 }), fence, rest).map(([open, lines, close, tail]) => [open, ...lines, close].join('\n') + tail);

  it('equals remark on generated texts', () => {
    fc.assert(
      fc.property(doc, (t) => {
        const remark = parseAndStrip(identity(t));
        const ours = stripped(t);
        expect(ours.text.value).toBe(remark.text.value);
        expect(Array.from(ours.text.map)).toEqual(Array.from(remark.text.map));
        expect(ours.frontMatter).toEqual(remark.frontMatter);
      }),
      { numRuns: 3000, seed: 8 },
    );
  });
});

describe('a quoted note read without remark', () => {
  const quote = (t: string) => quoteBlockEdits(t, 0, t.length);

  it('deletes each > and the link syntax around the label', () => {
    // > at 0; 以 at 2, [ at 3, 官方链接 4–7, ]( at 8–9, the address (12 characters) 10–21, ) at 22
    expect(quote('> 以[官方链接](https://x.cn)为准。')).toEqual([
      { start: 0, end: 1, insert: '' },
      { start: 3, end: 4, insert: '' },
      { start: 8, end: 23, insert: '' },
    ]);
    // a second line's > (the line break at 4, its > at 5); an & that starts no character reference is text
    expect(quote('> 甲乙\n>丙&siteId=1')).toEqual([
      { start: 0, end: 1, insert: '' },
      { start: 5, end: 6, insert: '' },
    ]);
  });

  it('an empty ordered item nested in another is syntax (remark deletes its marker): the gate sends it to remark', () => {
    expect(hasMarkdownSyntax('1. 1. ')).toBe(true);
    expect(stripMarkdown(identity('标题\n\n1. 1. \n\n正文')).text.value).toBe(parseAndStrip(identity('标题\n\n1. 1. \n\n正文')).text.value);
    expect(hasMarkdownSyntax('1. 2. 甲')).toBe(false); // an item with content keeps its markers
  });

  it('leaves to remark what it cannot be sure of', () => {
    for (const t of ['> 甲\n乙', '>     代码', '> - 项', '> > 甲', '> 见![图](a.png)', '> [^1](x)', '> [www.x.cn](http://x.cn)', '> [甲](a b)', '> [甲](a(b))', '> 甲&amp;乙', '> **甲**', '> 甲\n> ===', '甲']) {
      expect(quote(t)).toBeNull();
    }
  });

  const piece = fc.constantFrom('本文', '仅供查阅；', '[官方链接](https://x.cn/a_b?c=1&d=2)', '[甲](x)', '[www.x](y)', '[^1](y)', '[甲](a b)', '[甲](<x>)', '[甲]', '](x)', '&siteId=1', '&amp;', '&#38;', '!', '**', '*', '_', '- ', '1. ', '> ', '#', '=', ' ', '\t', 'https://y.cn/p?q=1');
  const start = fc.constantFrom('> ', '>', '>  ', '>\t', '>     ', '');
  const line = fc.tuple(start, fc.array(piece, { maxLength: 5 })).map(([s, p]) => s + p.join(''));
  const note = fc.array(line, { minLength: 1, maxLength: 3 }).map((lines) => '标题\n\n' + lines.join('\n') + '\n\n正文');

  it('equals remark on generated notes wherever it answers', () => {
    let answered = 0;
    fc.assert(
      fc.property(note, (t) => {
        const from = t.indexOf('\n\n') + 2;
        if (quoteBlockEdits(t, from, t.lastIndexOf('\n\n'))) answered++;
        const [remark, ours] = both(t);
        expect(ours.value).toBe(remark.value);
        expect(Array.from(ours.map)).toEqual(Array.from(remark.map));
      }),
      { numRuns: 4000, seed: 13 },
    );
    // the generator must reach the reader often enough for the comparison to mean something
    expect(answered).toBeGreaterThan(100);
  });
});
