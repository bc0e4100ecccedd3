import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { processFile } from '../pipelines/document.js';
import { extractFile } from '../src/api/index.js';
import { expandPaths } from '../src/cli/paths.js';
import type { NoticeRecord } from '../schemas/notice.js';
import { ocrClauseBrackets, ocrDigitLookalikes, ocrGluedCells, ocrLookalikeWords } from '../src/normalize/ocr-confusions.js';
import { identity } from '../src/normalize/offsets.js';
import { sniffBinary } from '../src/read/detect.js';
import { deltas } from '../src/read/ofd.js';
import { joinPages, withoutFolios } from '../src/read/pages.js';
import { pageText, type Glyph } from '../src/read/reading-order.js';
import { sourceFromBytes } from '../src/read/source.js';
import { openZip } from '../src/read/zip.js';
import { root, SEEDS, seedRecords } from './helpers/context.js';

const fixture = (name: string) => join(root, 'test', 'fixtures', 'formats', name);
const NO_OCR = { ocr: false, ocrMaxPages: 20 };

async function records(path: string, options = { ocr: true, ocrMaxPages: 20 }): Promise<NoticeRecord[]> {
  const r = await processFile(path, undefined, options);
  if (!r.ok) throw new Error(`${r.path}: ${r.reason}`);
  return r.records;
}

describe('finding files', () => {
  it('folders are walked for .doc, .wps, .ofd and images too', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'notices-formats-'));
    for (const name of ['a.doc', 'b.WPS', 'c.ofd', 'd.jpg', 'e.jpeg', 'f.tif', 'g.tiff', 'h.png', 'i.gif', 'j.xls']) writeFileSync(join(folder, name), 'x');
    const { files } = await expandPaths([folder]);
    expect(files.map((f) => f.slice(folder.length + 1))).toEqual(['a.doc', 'b.WPS', 'c.ofd', 'd.jpg', 'e.jpeg', 'f.tif', 'g.tiff', 'h.png']);
  });
});

describe('magic bytes', () => {
  it('names OLE (Word 97, WPS), PNG, JPEG and TIFF', () => {
    expect(sniffBinary(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).toBe('ole');
    expect(sniffBinary(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('image');
    expect(sniffBinary(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image');
    expect(sniffBinary(Uint8Array.from([0x49, 0x49, 0x2a, 0x00]))).toBe('image');
    expect(sniffBinary(Uint8Array.from([0x4d, 0x4d, 0x00, 0x2a]))).toBe('image');
    expect(sniffBinary(Uint8Array.from([0x50, 0x4b, 0x03, 0x04]))).toBe('zip');
  });
});

describe('reading order of placed characters', () => {
  const g = (text: string, x: number, y: number, size = 4, width = size): Glyph => ({ text, x, y, width, size });

  it('groups by baseline, top to bottom, left to right, whatever order the file stores them in', () => {
    const glyphs = [g('日', 32, 50), g('文', 4, 10), g('公', 0, 10), g('二', 22, 50.5), g('件', 8, 10)];
    expect(pageText(glyphs)).toBe('公文件\n二\t日');
  });

  it('a gap of half a character is a space, of more than a character a column (TAB)', () => {
    // 2 wide (half-width) then a gap of 2.5 → space; then 6 → TAB
    const glyphs = [g('A', 0, 10, 4, 2), g('B', 4.5, 10, 4, 2), g('甲', 12.5, 10)];
    expect(pageText(glyphs)).toBe('A B\t甲');
  });
});

describe('page furniture', () => {
  it('drops a page number printed first or last on a page, not a number in the text', () => {
    expect(withoutFolios(['— 5 —', '正文', '-12-'])).toEqual(['正文']);
    expect(withoutFolios(['第 3 页 共 8 页', '正文', '2'])).toEqual(['正文', '2']);
    expect(withoutFolios(['正文', '— 5 —', '正文'])).toEqual(['正文', '— 5 —', '正文']);
  });

  it('joins pages with their start offsets, and OCR lines with page, confidence and box', () => {
    const box = { x: 1, y: 2, width: 3, height: 4 };
    const joined = joinPages([
      { kind: 'text', text: '甲\n乙' },
      { kind: 'ocr', lines: [{ text: '丙丁', confidence: 0.9, box }, { text: '戊', confidence: 0.6, box }] },
      { kind: 'skipped' },
    ]);
    expect(joined.text).toBe('甲\n乙\n丙丁\n戊\n\n');
    expect(joined.pageStarts).toEqual([0, 4, 9]);
    expect(joined.ocr?.lines.map((l) => [l.offset, l.page])).toEqual([[4, 2], [7, 2]]);
    expect(joined.ocr?.pages).toEqual([2]);
    expect(joined.ocr?.skippedPages).toEqual([3]);
    expect(joined.ocr?.confidence).toBe(0.8); // (0.9 × 2 + 0.6 × 1) / 3 characters
  });
});

describe('OCR look-alikes of digits', () => {
  const fix = (s: string) => ocrDigitLookalikes(identity(s)).value;
  it('a letter between digits or ending a digit run beside CJK is the digit', () => {
    expect(fix('吉人社联〔2O22〕8l号')).toBe('吉人社联〔2022〕81号');
    expect(fix('不低于1l.29万人，补贴5O0元')).toBe('不低于11.29万人，补贴500元');
    expect(fix('第I0条')).toBe('第10条');
  });
  it('Latin words and codes are left alone', () => {
    for (const s of ['BJTU单位', 'SM', 'ISO9001', 'COVID-19', 'Xxxxxxxxxxxxx', 'SO2排放']) expect(fix(s)).toBe(s);
  });
  it('a table row whose name and figure were read as one box gets its cell break back', () => {
    const rows = (s: string) => ocrGluedCells(identity(s)).value;
    expect(rows('5 大庆0.86\n13 大兴安岭0.10 0.2\n1 哈尔滨 2.55\n不低于11.29万人')).toBe('5 大庆 0.86\n13 大兴安岭 0.10 0.2\n1 哈尔滨 2.55\n不低于11.29万人');
  });
  it('a clause number whose opening bracket the detector left out gets it back', () => {
    const clauses = (s: string) => ocrClauseBrackets(identity(s)).value;
    expect(clauses('五）促进就业。\n（六）开展行动。\n十一）营造氛围。\n一、总体要求\n三）')).toBe('（五）促进就业。\n（六）开展行动。\n（十一）营造氛围。\n一、总体要求\n（三）');
  });
  it('look-alike characters are corrected only where the misread is no word', () => {
    const words = (s: string) => ocrLookalikeWords(identity(s)).value;
    expect(words('务工自标任务表；以工代贩项自建设；每李度；防正返贫')).toBe('务工目标任务表；以工代赈项目建设；每季度；防止返贫');
    expect(words('自行标注；李度同志；项自然')).toBe('自行标注；李度同志；项自然');
  });
});

/** A hand-made OFD package: OFD.xml → Document.xml → pages, as GB/T 33190 lays them out. */
async function ofdPackage(pages: string[], extra: Record<string, string | Uint8Array> = {}, template?: string): Promise<Uint8Array> {
  const ns = 'xmlns:ofd="http://www.ofdspec.org/2016"';
  const zip = new JSZip();
  zip.file('OFD.xml', `<?xml version="1.0" encoding="UTF-8"?><ofd:OFD ${ns} DocType="OFD" Version="1.0"><ofd:DocBody><ofd:DocInfo><ofd:DocID>x</ofd:DocID></ofd:DocInfo><ofd:DocRoot>/Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`);
  const templatePage = template ? `<ofd:TemplatePage ID="90" BaseLoc="Tpls/Tpl_0/Content.xml"/>` : '';
  zip.file(
    'Doc_0/Document.xml',
    `<ofd:Document ${ns}><ofd:CommonData><ofd:MaxUnitID>99</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea><ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes>${templatePage}</ofd:CommonData><ofd:Pages>${pages.map((_, i) => `<ofd:Page ID="${i + 1}" BaseLoc="Pages/Page_${i}/Content.xml"/>`).join('')}</ofd:Pages></ofd:Document>`,
  );
  zip.file('Doc_0/DocumentRes.xml', `<ofd:Res ${ns} BaseLoc="Res"><ofd:MultiMedias><ofd:MultiMedia ID="80" Type="Image"><ofd:MediaFile>scan.png</ofd:MediaFile></ofd:MultiMedia></ofd:MultiMedias></ofd:Res>`);
  pages.forEach((content, i) => zip.file(`Doc_0/Pages/Page_${i}/Content.xml`, `<ofd:Page ${ns}>${template ? '<ofd:Template TemplateID="90"/>' : ''}<ofd:Content><ofd:Layer ID="50">${content}</ofd:Layer></ofd:Content></ofd:Page>`));
  if (template) zip.file('Doc_0/Tpls/Tpl_0/Content.xml', `<ofd:Page ${ns}><ofd:Content><ofd:Layer ID="91">${template}</ofd:Layer></ofd:Content></ofd:Page>`);
  for (const [name, data] of Object.entries(extra)) zip.file(name, data);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const text = (id: number, boundary: string, code: string, attrs = '') => `<ofd:TextObject ID="${id}" Boundary="${boundary}" Font="1" Size="5"${attrs}>${code}</ofd:TextObject>`;

describe('OFD', () => {
  it('expands DeltaX with its g N v shorthand', () => {
    expect(deltas('g 3 5.2 1 g 2 0.5')).toEqual([5.2, 5.2, 5.2, 1, 0.5, 0.5]);
  });

  it('reads TextCodes placed by Boundary, X/Y and CTM, a template page too, page after page', async () => {
    const bytes = await ofdPackage(
      [
        // stored bottom line first; the second object is scaled ×2 by its CTM but sits on the same baseline
        text(1, '20 100 50 6', '<ofd:TextCode X="0" Y="5" DeltaX="5 5">各单位：</ofd:TextCode>') +
          text(2, '20 40 60 12', '<ofd:TextCode X="0" Y="2.5" DeltaX="g 3 5">关于放假的通知</ofd:TextCode>', ' CTM="2 0 0 2 0 0"'),
        text(3, '20 40 40 6', '<ofd:TextCode X="0" Y="5" DeltaX="5">正文</ofd:TextCode>'),
      ],
      {},
      text(4, '20 20 60 6', '<ofd:TextCode X="0" Y="5" DeltaX="g 7 5">国防部发〔2012〕21号</ofd:TextCode>'),
    );
    const read = await sourceFromBytes('a.ofd', bytes);
    if (!read.ok) throw new Error(read.reason);
    expect(read.source.format).toBe('ofd');
    // the template's file number line is on every page; the CTM-scaled title stays one line
    expect(read.source.text).toBe('国防部发〔2012〕21号\n关于放假的通知\n各单位：\n国防部发〔2012〕21号\n正文\n');
    expect(read.source.pageStarts).toEqual([0, 27]);
  });

  it('refuses text drawn with glyph codes of a font without Unicode mapping', async () => {
    const bytes = await ofdPackage([text(1, '20 20 60 6', '<ofd:TextCode X="0" Y="5">\ue001\ue002\ue003\ue004</ofd:TextCode>')]);
    const read = await sourceFromBytes('glyphs.ofd', bytes);
    expect(read.ok ? '' : read.reason).toMatch(/glyph codes .* no Unicode mapping/);
  });

  it('a page of images only is a scan: OCR is needed, and says so when it is off', async () => {
    const bytes = await ofdPackage(['<ofd:ImageObject ID="9" Boundary="0 0 210 297" ResourceID="80"/>'], { 'Doc_0/Res/scan.png': new Uint8Array([0x89, 0x50]) });
    const read = await sourceFromBytes('scan.ofd', bytes, NO_OCR);
    expect(read.ok ? '' : read.reason).toBe('OFD pages hold only images (a scan?) and OCR is off (--no-ocr)');
  });

  it('an entry that inflates past its cap is refused before it is all in memory', async () => {
    const bytes = await ofdPackage([], { 'big.xml': 'x'.repeat(200_000) });
    expect(await openZip(bytes, { maxUnzippedBytes: 100_000, maxZipEntries: 100 })).toMatchObject({ ok: false, kind: 'limit', reason: expect.stringMatching(/reached in big\.xml/) });
    const read = await openZip(bytes, { maxUnzippedBytes: 300_000, maxZipEntries: 100 });
    expect(read.ok && read.archive.bytes('big.xml')?.length).toBe(200_000);
  });

  it('seed 001 laid out as OFD (scripts/seed-to-ofd.mjs) gives the record of the text', async () => {
    const [ofd] = await records(fixture('001.ofd'));
    const [txt] = await seedRecords(SEEDS.jilin);
    // read off the page by eye
    expect(ofd.fileNumber?.normalized).toBe('吉人社联〔2022〕81号');
    expect(ofd.title).toBe('关于做好2022年脱贫人口稳岗就业工作的通知');
    expect(ofd.issuers.map((i) => i.name)).toEqual(['吉林省人力资源和社会保障厅', '吉林省发展和改革委员会', '吉林省财政厅', '吉林省农业农村厅', '吉林省乡村振兴局']);
    expect(ofd.targets.map((t) => [t.value, t.unit])).toContainEqual([11.29, '万人']);
    // and the same as the text version, field by field
    const facts = (r: NoticeRecord) => [r.fileNumber?.normalized, r.title, r.issuers.map((i) => i.name), r.signedDate, r.sections.map((s) => s.clauses.length), r.targets.map((t) => t.value), r.subsidies.map((s) => s.amount)];
    expect(facts(ofd)).toEqual(facts(txt));
    expect(ofd.source.format).toBe('ofd');
    expect(ofd.titleSpan?.page).toBe(1);
    expect(ofd.issuers.at(-1)?.span?.page).toBe(6);
  });
});

describe('Word 97 and WPS (OLE compound files)', () => {
  it('.doc: header, title and date as printed', async () => {
    const [r] = await records(fixture('govcheck-test.doc'));
    expect(r.source.format).toBe('doc');
    expect(r.fileNumber?.normalized).toBe('国防部发〔2023〕33号');
    expect(r.title).toBe('国防部关于教育部放假的通知');
    expect(r.signedDate).toBe('2012-12-12');
  });

  it('.wps: WPS writes a Word-compatible stream', async () => {
    const [r] = await records(fixture('govcheck-test.wps'));
    expect(r.source.format).toBe('doc');
    expect(r.fileNumber?.normalized).toBe('国防部发〔2012〕21号');
    expect(r.title).toBe('国防部关于放假的通知');
    expect(r.printedDate).toBe('2012-12-12');
  });

  it('a damaged compound file is a failure, not a crash', async () => {
    const bytes = new Uint8Array(readFileSync(fixture('govcheck-test.doc')).subarray(0, 2048));
    const read = await sourceFromBytes('cut.doc', bytes);
    expect(read.ok ? '' : read.reason).toMatch(/not a readable Word 97 or WPS document/);
  });
});

// OCR takes seconds a page, many more on a busy machine while other test files run beside it
describe('OCR (PP-OCRv4 through onnxruntime-node, offline)', { timeout: 300_000 }, () => {
  it('with --no-ocr (ocr: false in the API), scans and images are reported, not read', async () => {
    const pdf = await processFile(fixture('001-scan.pdf'), undefined, NO_OCR);
    expect(pdf.ok ? '' : pdf.reason).toBe('PDF has no text layer (scanned image?) and OCR is off (--no-ocr)');
    const png = await extractFile(fixture('govcheck-test.png'), { ocr: false });
    expect(png.ok ? '' : png.reason).toBe('image file, and OCR is off (--no-ocr)');
  });

  it('notices extract --no-ocr reports an image on stderr and exits 1', () => {
    const r = spawnSync(process.execPath, [join(root, 'bin', 'notices.js'), 'extract', fixture('govcheck-test.png'), '--no-ocr'], { encoding: 'utf8', cwd: root });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('govcheck-test.png: image file, and OCR is off (--no-ocr)');
  });

  it('an image-only PDF page of seed 001: its header, with page, box and confidence; pages past the limit left out', async () => {
    const [r] = await records(fixture('001-scan.pdf'), { ocr: true, ocrMaxPages: 1 });
    expect(r.source).toMatchObject({ format: 'pdf', ocr: true, ocrPages: [1], ocrSkippedPages: [2, 3, 4] });
    expect(r.source.ocrConfidence).toBeGreaterThan(0.8);
    expect(r.fileNumber?.normalized).toBe('吉人社联〔2022〕81号');
    expect(r.title).toBe('关于做好2022年脱贫人口稳岗就业工作的通知');
    expect(r.targets.map((t) => [t.value, t.unit])).toContainEqual([11.29, '万人']);
    const span = r.fileNumber!.span!;
    expect(span.page).toBe(1);
    // the file number is printed in the upper third of an A4 page rendered at 150 dpi (1240 × 1754 px)
    expect(span.box!.y).toBeGreaterThan(0);
    expect(span.box!.y).toBeLessThan(1754 / 3);
    expect(span.box!.width).toBeGreaterThan(100);
    expect(span.confidence).toBeGreaterThan(0.5);
  });

  it('a scanned page saved as PNG goes straight to OCR', async () => {
    const [r] = await records(fixture('govcheck-test.png'));
    expect(r.source).toMatchObject({ format: 'image', ocr: true, ocrPages: [1] });
    expect(r.secrecy).toBe('绝密★启用前');
    expect(r.title).toBe('关于生成特定格式测试文件的通知（涉密）');
  });
});
