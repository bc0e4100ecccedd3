import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { processFile } from '../pipelines/document.js';
import type { NoticeRecord } from '../schemas/notice.js';
import { sourceFromBytes, type Source } from '../src/read/source.js';
import { root, SEEDS, seedRecords, sourceOf, textAt } from './helpers/context.js';
import { facts, spans, withoutProvenance } from './helpers/records.js';

const dir = mkdtempSync(join(tmpdir(), 'notices-docx-'));
const docxOf = (seed: string) => join(dir, seed.replace(/\.txt$/, '.docx'));

/** A table row; empty cells after a filled one merge into it (合计 | | 19.67 → 合计 spanning two columns). */
function row(cells: string[]): TableRow {
  const merged: { text: string; span: number }[] = [];
  for (const c of cells) {
    const last = merged[merged.length - 1];
    if (c === '' && last && last.text !== '') last.span++;
    else merged.push({ text: c, span: 1 });
  }
  const out = merged.length > 1 ? merged : cells.map((text) => ({ text, span: 1 }));
  return new TableRow({
    children: out.map((c) => new TableCell({ columnSpan: c.span > 1 ? c.span : undefined, children: [new Paragraph({ children: [new TextRun(c.text)] })] })),
  });
}

/** A line as Word stores it: in several runs (Word splits runs at every edit or format change). */
function runs(line: string): TextRun[] {
  const cut = Math.floor(line.length / 2);
  return cut > 0 ? [new TextRun({ text: line.slice(0, cut), bold: /^[一二三四五六七八九十]+、/.test(line) }), new TextRun(line.slice(cut))] : [new TextRun(line)];
}

/**
 * A real Word document (the `docx` package writes every OOXML part Word writes) made from a text
 * seed: one paragraph per line — blank lines are empty paragraphs —, tab-separated rows a table.
 */
async function writeDocx(seed: string): Promise<void> {
  const lines = sourceOf(seed).split('\n');
  const children: (Paragraph | Table)[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].includes('\t')) {
      const rows: TableRow[] = [];
      for (; i < lines.length && lines[i].includes('\t'); i++) rows.push(row(lines[i].split('\t')));
      i--;
      children.push(new Table({ rows }));
      continue;
    }
    const line = lines[i].replace(/^- /, ''); // a Markdown bullet in the seed
    if (line.trim() === '') children.push(new Paragraph({}));
    else children.push(new Paragraph({ children: runs(line), alignment: /通知$|^\d{4}年\d+月\d+日$/.test(line) ? AlignmentType.CENTER : undefined }));
  }
  const doc = new Document({ creator: 'policy-notices tests', sections: [{ children }] });
  writeFileSync(docxOf(seed), await Packer.toBuffer(doc));
}

async function read(path: string, bytes: Uint8Array) {
  const r = await sourceFromBytes(path, bytes);
  return r.ok ? r.source : r.reason;
}

async function extract(path: string): Promise<NoticeRecord[]> {
  const r = await processFile(path);
  if (!r.ok) throw new Error(`${r.path}: ${r.reason}`);
  return r.records;
}


beforeAll(async () => {
  await writeDocx(SEEDS.heilongjiang);
  await writeDocx(SEEDS.jilin);
});

describe('DOCX input (Word documents made from seeds 001 and 004)', () => {
  it('the text has one line per paragraph and one tab-joined line per table row', async () => {
    const source = (await read(docxOf(SEEDS.heilongjiang), readFileSync(docxOf(SEEDS.heilongjiang)))) as Source;
    expect(source.format).toBe('docx');
    expect(source.fileText).toBeUndefined();
    // the seed's text back, line for line (the seed's one Markdown bullet aside)
    expect(source.text.trimEnd().split('\n')).toEqual(sourceOf(SEEDS.heilongjiang).replace(/^- /m, '').trimEnd().split('\n'));
    expect(source.text).toContain('\n合计\t\t19.67\n');
  });

  for (const [name, seed] of [
    ['Heilongjiang (004)', SEEDS.heilongjiang],
    ['Jilin (001)', SEEDS.jilin],
  ] as const) {
    it(`${name}: the same record as the text seed`, async () => {
      const fromDocx = await extract(docxOf(seed));
      const fromText = await seedRecords(seed);
      expect(fromDocx.map((r) => r.source.format)).toEqual(fromDocx.map(() => 'docx'));
      expect(fromDocx.map(facts)).toEqual(fromText.map(facts));
      expect(withoutProvenance(fromDocx)).toEqual(withoutProvenance(fromText));
    });
  }

  it('Heilongjiang: file number, issuers, 18 clauses, the 19.67 target, subsidies and the 13-row annex table', async () => {
    const [r] = await extract(docxOf(SEEDS.heilongjiang));
    expect(r.fileNumber?.normalized).toBe('黑人社发〔2022〕18号');
    expect(r.issuers.map((i) => i.name)).toContain('黑龙江省乡村振兴局');
    expect(r.sections.flatMap((s) => s.clauses)).toHaveLength(18);
    expect(r.targets.map((t) => t.value)).toContain(19.67);
    expect(r.subsidies.map((s) => s.amount)).toEqual(expect.arrayContaining([200, 500, 1000]));
    const annex = r.tables.find((t) => t.label === '附件1')!;
    expect(annex.rows).toHaveLength(13);
    expect(annex.declaredTotal).toEqual({ 目标任务: 19.67 });
  });

  it('spans give the paragraph as the line (empty paragraphs count), in the extracted text', async () => {
    for (const seed of [SEEDS.heilongjiang, SEEDS.jilin]) {
      const source = (await read(docxOf(seed), readFileSync(docxOf(seed)))) as Source;
      const [fromDocx] = await extract(docxOf(seed));
      const [fromText] = await seedRecords(seed);
      const a = spans(fromDocx);
      const b = spans(fromText);
      expect([...a.keys()]).toEqual([...b.keys()]);
      expect([...a].filter(([path, span]) => span.line !== b.get(path)!.line)).toEqual([]);
      expect([...a].filter(([path, span]) => textAt(source.text, span) !== textAt(sourceOf(seed), b.get(path)!))).toEqual([]);
    }
    // the file number's line is the number of its <w:p> in word/document.xml (no table comes before it)
    const [r] = await extract(docxOf(SEEDS.heilongjiang));
    const xml = await (await JSZip.loadAsync(readFileSync(docxOf(SEEDS.heilongjiang)))).file('word/document.xml')!.async('string');
    const paragraph = xml.slice(0, xml.indexOf('黑人社发')).match(/<w:p[\s>/]/g)!.length;
    expect(paragraph).toBe(9);
    expect(r.fileNumber?.span).toEqual({ line: paragraph, column: 1 });
  });
});

describe('bad DOCX input is a Failure, never a throw', () => {
  const word = '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
  const zip = async (files: Record<string, string>) => {
    const z = new JSZip();
    for (const [name, content] of Object.entries(files)) z.file(name, content);
    return z.generateAsync({ type: 'uint8array' });
  };

  it('a truncated .docx is a corrupt DOCX', async () => {
    const good = readFileSync(docxOf(SEEDS.jilin));
    expect(await read('cut.docx', good.subarray(0, Math.floor(good.length / 2)))).toMatch(/^corrupt DOCX \(.+\)$/);
    const path = join(dir, 'cut.docx');
    writeFileSync(path, good.subarray(0, 4000));
    const r = await processFile(path);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/^corrupt DOCX/);
  });

  it('a Word package whose document.xml is not XML is a corrupt DOCX', async () => {
    expect(await read('bad.docx', await zip({ '[Content_Types].xml': word, 'word/document.xml': '<w:document><<<' }))).toMatch(/^corrupt DOCX \(/);
  });

  it('a ZIP that is not a Word document says so', async () => {
    expect(await read('photos.zip', await zip({ 'a.txt': '通知' }))).toBe('not a Word document (a ZIP archive without word/document.xml)');
    expect(await read('book.docx', await zip({ 'xl/workbook.xml': '<workbook/>' }))).toBe('not a Word document (a ZIP archive: an Excel workbook)');
  });

  it('a Word document without text says so', async () => {
    const empty = '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p/></w:body></w:document>';
    expect(await read('empty.docx', await zip({ '[Content_Types].xml': word, 'word/document.xml': empty }))).toBe('Word document has no text');
  });

  it('notices extract reports a corrupt .docx on one line and still extracts the good one', () => {
    const batch = mkdtempSync(join(tmpdir(), 'notices-docx-batch-'));
    writeFileSync(join(batch, 'broken.docx'), Buffer.from('PK\x03\x04 not really a zip'));
    writeFileSync(join(batch, 'jilin.docx'), readFileSync(docxOf(SEEDS.jilin)));
    const r = spawnSync(process.execPath, [join(root, 'bin', 'notices.js'), 'extract', batch], { encoding: 'utf8', cwd: root });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toMatch(/^notices: .*broken\.docx: corrupt DOCX \(.+\)$/);
    const records = JSON.parse(r.stdout);
    expect(records.map((x: NoticeRecord) => [x.source.format, x.fileNumber?.normalized])).toEqual([['docx', '吉人社联〔2022〕81号']]);
  });
});

