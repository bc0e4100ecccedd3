import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processFile } from '../pipelines/document.js';
import type { NoticeRecord } from '../schemas/notice.js';
import { expandPaths } from '../src/cli/paths.js';
import { declaredCharset, htmlToText } from '../src/read/html.js';
import { sourceFromBytes } from '../src/read/source.js';
import { root, SEEDS, seedPath, seedRecords, sourceOf, textAt } from './helpers/context.js';
import { facts, spans, withoutProvenance } from './helpers/records.js';

const dir = mkdtempSync(join(tmpdir(), 'notices-html-'));

let nbsp = false;
const escape = (s: string) => {
  const e = s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return nbsp ? e.replace(/ /g, '&nbsp;') : e;
};

/** One table row: empty cells after a filled one fold into its colspan (合计 | | 19.67 → 合计 colspan=2), as Word and web editors print merged cells. */
function row(cells: string[]): string {
  const folded: { text: string; span: number }[] = [];
  for (const c of cells) {
    const last = folded[folded.length - 1];
    if (c === '' && last && last.text !== '') last.span++;
    else folded.push({ text: c, span: 1 });
  }
  const out = folded.length > 1 ? folded : cells.map((text) => ({ text, span: 1 }));
  return '<tr>' + out.map((c) => `<td${c.span > 1 ? ` colspan="${c.span}"` : ''}>${escape(c.text)}</td>`).join('') + '</tr>';
}

/**
 * A government web page made from a text seed: each line a <p>, tab-separated rows a <table>,
 * Markdown bullets a <ul>, wrapped in the chrome such pages have (head, script, breadcrumb, footer).
 */
function pageOf(text: string, options: { charset?: string; nbsp?: boolean; wrap?: (body: string) => string } = {}): string {
  nbsp = options.nbsp === true;
  const lines = text.split('\n');
  let body = '';
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].includes('\t')) {
      body += '<table border="1" cellspacing="0">\n';
      for (; i < lines.length && lines[i].includes('\t'); i++) body += `  ${row(lines[i].split('\t'))}\n`;
      body += '</table>\n';
      i--;
      continue;
    }
    const line = lines[i];
    if (line.trim() === '') continue;
    const bullet = /^- (.*)$/.exec(line);
    body += bullet ? `<ul><li>${escape(bullet[1])}</li></ul>\n` : `<p style="text-indent: 2em">${escape(line)}</p>\n`;
  }
  const content = options.wrap ? options.wrap(body) : `<div class="article">\n${body}</div>`;
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="${options.charset ?? 'utf-8'}">
<title>关于做好2022年脱贫人口稳岗就业工作的通知</title>
<style>p { line-height: 2; } .nav > a { color: #333; }</style>
<script>var doc = "<p>一、不是正文</p>"; if (a < b && c > d) {}</script>
</head>
<body>
<nav class="crumb"><a href="/">首页</a> &gt; <a href="/zcwj/">政策文件</a></nav>
<noscript>请启用脚本</noscript>
${content}
<div class="footer">打印本页 关闭窗口</div>
</body>
</html>
`;
}

async function extract(path: string): Promise<NoticeRecord[]> {
  const r = await processFile(path);
  if (!r.ok) throw new Error(`${r.path}: ${r.reason}`);
  return r.records;
}

function write(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}



describe('HTML input (a web page made from seed 004)', () => {
  const seedText = sourceOf(SEEDS.heilongjiang);
  const htmlPath = write('heilongjiang.html', pageOf(seedText));
  const html = readFileSync(htmlPath, 'utf8');

  it('is read as HTML: tags, head, script and style are gone, table cells are tab-joined', async () => {
    const read = await sourceFromBytes(htmlPath, readFileSync(htmlPath));
    if (!read.ok) throw new Error(read.reason);
    const { source } = read;
    expect(source.format).toBe('html');
    expect(source.fileText).toBe(html);
    expect(source.text).not.toMatch(/<|不是正文|line-height|请启用脚本|关于做好2022年脱贫人口稳岗就业工作的通知\n首页/);
    expect(source.text.split('\n').slice(0, 3)).toEqual(['首页 > 政策文件', '黑龙江省人力资源和社会保障厅', '黑龙江省发展和改革委员会']);
    expect(source.text).toContain('\n序号\t市（地）\t目标任务\n1\t哈尔滨\t2.55\n');
    expect(source.text).toContain('\n合计\t\t19.67\n'); // colspan="2" keeps the columns
    expect(source.text.trimEnd().endsWith('打印本页 关闭窗口')).toBe(true);
  });

  it('gives the same record as the text seed: file number, title, issuers, clauses, targets, subsidies, annex table', async () => {
    const [fromHtml] = await extract(htmlPath);
    const [fromText] = await seedRecords(SEEDS.heilongjiang);
    expect(fromHtml.source.format).toBe('html');
    expect(fromHtml.fileNumber?.normalized).toBe('黑人社发〔2022〕18号');
    expect(fromHtml.title).toBe(fromText.title);
    expect(fromHtml.issuers.map((i) => i.name)).toEqual(fromText.issuers.map((i) => i.name));
    expect(fromHtml.sections.map((s) => s.clauses.length)).toEqual(fromText.sections.map((s) => s.clauses.length));
    expect(fromHtml.targets.map((t) => t.value)).toContain(19.67);
    expect(fromHtml.subsidies.map((s) => s.amount)).toEqual(fromText.subsidies.map((s) => s.amount));
    const annex = fromHtml.tables.find((t) => t.label === '附件1')!;
    expect(annex.rows).toHaveLength(13);
    expect(annex.declaredTotal).toEqual({ 目标任务: 19.67 });
    expect(facts(fromHtml)).toEqual(facts(fromText));
  });

  it('the whole record, provenance aside, is the text seed’s', async () => {
    expect(withoutProvenance(await extract(htmlPath))).toEqual(withoutProvenance(await seedRecords(SEEDS.heilongjiang)));
  });

  it('spans are line/column positions in the .html file', async () => {
    const [fromHtml] = await extract(htmlPath);
    const [fromText] = await seedRecords(SEEDS.heilongjiang);
    expect(textAt(html, fromHtml.fileNumber!.span!, fromHtml.fileNumber!.raw!.length)).toBe('黑人社发〔2022〕18号');
    const clause = fromHtml.sections[0].clauses[0];
    expect(textAt(html, clause.span, 5)).toBe('（一）稳定');
    const table = fromHtml.tables.find((t) => t.label === '附件1')!;
    expect(html.split('\n')[table.span.line - 1]).toBe('<p style="text-indent: 2em">2022 年度各市（地）脱贫人口务工目标任务表</p>');
    expect(textAt(html, table.span)).toBe('2');
    const hljRow = html.split('\n').findIndex((l) => l.includes('<td>哈尔滨</td>'));
    expect(hljRow).toBeGreaterThan(table.span.line - 1);
    // every span of the record lands on the same character as the text seed's span does
    const a = spans(fromHtml);
    const b = spans(fromText);
    expect(a.size).toBeGreaterThan(40);
    expect([...a.keys()]).toEqual([...b.keys()]);
    const wrong = [...a].filter(([path, span]) => textAt(html, span) !== textAt(seedText, b.get(path)!));
    expect(wrong).toEqual([]);
    // and never into markup
    for (const span of a.values()) expect(textAt(html, span)).not.toBe('<');
  });

  it('reads a page laid out with tables (menu cell beside the article cell)', async () => {
    const path = write(
      'layout.htm',
      pageOf(seedText, {
        wrap: (body) => `<table width="100%"><tr><td class="menu"><a>首页</a><br><a>政策文件</a></td><td class="main">\n${body}</td></tr></table>`,
      }),
    );
    const [r] = await extract(path);
    expect(facts(r)).toEqual(facts((await seedRecords(SEEDS.heilongjiang))[0]));
  });

  it('a policy page’s metadata table becomes label：value lines', () => {
    const { text } = htmlToText(
      '<table class="bd1"><tr><td><b>索 引 号：</b></td><td>000014349/2022-00025</td><td><b>主题分类：</b></td><td>劳动、人事</td></tr>' +
        '<tr><td><b>发文字号：</b></td><td>黑人社发〔2022〕18号</td><td><b>成文日期：</b></td><td>2022年04月29日</td></tr></table><p>正文</p>',
    );
    expect(text.split('\n')).toEqual(['索 引 号：000014349/2022-00025', '主题分类：劳动、人事', '发文字号：黑人社发〔2022〕18号', '成文日期：2022年04月29日', '正文']);
  });
});

describe('htmlToText', () => {
  it('decodes character references and maps each character back to its place in the HTML', () => {
    const html = '<p>a&amp;b&nbsp;c</p>\r\n<p>&#x4e00;&copy 𠀀d</p><div>x<br>y</div>';
    const { text, offsets } = htmlToText(html);
    expect(text).toBe('a&b\u00a0c\n一© 𠀀d\nx\ny');
    expect(offsets).toHaveLength(text.length + 1);
    expect(offsets[text.length]).toBe(html.length);
    expect(html.slice(offsets[1], offsets[1] + 5)).toBe('&amp;');
    expect(html.slice(offsets[3], offsets[3] + 6)).toBe('&nbsp;');
    expect(html[offsets[4]]).toBe('c');
    expect(html.slice(offsets[6], offsets[6] + 8)).toBe('&#x4e00;');
    expect(html.slice(offsets[7], offsets[7] + 5)).toBe('&copy');
    expect(html.slice(offsets[9], offsets[9] + 2)).toBe('𠀀');
    expect(html[offsets[11]]).toBe('d');
    expect(html[offsets[text.length - 1]]).toBe('y');
  });

  it('every character of a real page maps to itself or to the reference it came from', () => {
    const html = pageOf(sourceOf(SEEDS.jilin), { nbsp: true });
    expect(html).toContain('&nbsp;');
    const { text, offsets } = htmlToText(html);
    for (let i = 0; i < text.length; i++) {
      if (text[i] === '\n' || text[i] === '\t') continue;
      expect([text[i], '&'], `character ${i} (${text[i]})`).toContain(html[offsets[i]]);
    }
  });

  it('collapses whitespace, keeps &nbsp; and full-width spaces, drops hidden content', () => {
    const { text } = htmlToText('<div>\n  一、  明确\n  目标</div><div hidden>隐</div><span style="display:none">藏</span><p>甲&nbsp;&nbsp;乙\u3000丙</p><pre>x\n  y</pre>');
    expect(text).toBe('一、 明确 目标\n甲\u00a0\u00a0乙\u3000丙\nx\n  y');
  });

  it('rowspan and colspan keep cells under their column headers', () => {
    const { text } = htmlToText('<table><tr><th rowspan="2">序号</th><th colspan="2">目标任务</th></tr><tr><th>国定</th><th>省定</th></tr><tr><td>1</td><td><p>1.00</p></td><td> 0.96 </td></tr></table>');
    expect(text.split('\n')).toEqual(['序号\t目标任务\t', '\t国定\t省定', '1\t1.00\t0.96']);
  });
});

describe('GBK-encoded pages', () => {
  const seedText = sourceOf(SEEDS.heilongjiang);

  for (const [name, charset] of [
    ['meta charset="gbk"', 'gbk'],
    ['http-equiv content="text/html; charset=gb2312"', 'gb2312'],
  ] as const) {
    it(`decodes a page declaring ${name}`, async () => {
      let page = pageOf(seedText, { charset });
      if (charset === 'gb2312') page = page.replace('<meta charset="gb2312">', '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">');
      // Node has no GBK encoder; glibc's iconv (always on Debian) makes the bytes
      const r = spawnSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], { input: page });
      expect(r.status).toBe(0);
      const bytes = new Uint8Array(r.stdout);
      expect(declaredCharset(bytes)).toBe(charset);
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
      const path = write(`gbk-${charset}.html`, bytes);
      const [fromGbk] = await extract(path);
      expect(fromGbk.source.format).toBe('html');
      expect(facts(fromGbk)).toEqual(facts((await seedRecords(SEEDS.heilongjiang))[0]));
      // spans count characters of the decoded page
      expect(textAt(page, fromGbk.fileNumber!.span!, 4)).toBe('黑人社发');
    });
  }
});

describe('finding HTML files', () => {
  it('detects HTML by doctype, <html>, or an .html/.htm name with tags; Markdown stays Markdown', async () => {
    const read = async (name: string, text: string) => {
      const r = await sourceFromBytes(name, new TextEncoder().encode(text));
      return r.ok ? r.source.format : r.reason;
    };
    expect(await read('saved.txt', '<!-- saved from url=(0040)http://example -->\n<!DOCTYPE html><html><body><p>通知</p></body></html>')).toBe('html');
    expect(await read('page', '<html>\n<body><p>通知</p></body></html>')).toBe('html');
    expect(await read('fragment.htm', '<p>一、明确目标</p><p>（一）稳定规模</p>')).toBe('html');
    expect(await read('notes.md', '<html> is a tag\n\n# 标题\n')).toBe('markdown');
    expect(await read('plain.txt', '关于<html>的通知\n')).toBe('text');
    expect(await read('blank.html', '<!DOCTYPE html><html><head><title>空</title></head><body> </body></html>')).toMatch(/no text/);
  });

  it('folders are walked for .html, .htm and .docx too (and scans), not for other files', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'notices-walk-'));
    for (const name of ['a.html', 'b.HTM', 'c.docx', 'd.txt', 'e.png', 'f.xlsx', 'g.zip']) writeFileSync(join(folder, name), 'x');
    const { files } = await expandPaths([folder]);
    expect(files.map((f) => f.slice(folder.length + 1))).toEqual(['a.html', 'b.HTM', 'c.docx', 'd.txt', 'e.png']);
  });

  it('notices extract reads an .html file from the command line', () => {
    const path = write('cli.html', pageOf(sourceOf(SEEDS.jilin)));
    const r = spawnSync(process.execPath, [join(root, 'bin', 'notices.js'), 'extract', path], { encoding: 'utf8', cwd: root });
    expect(r.status).toBe(0);
    const [record] = JSON.parse(r.stdout);
    expect(record.source.format).toBe('html');
    expect(record.fileNumber.normalized).toBe('吉人社联〔2022〕81号');
  });
});
