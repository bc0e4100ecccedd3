import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { readPdf } from '../src/read/pdf.js';
import { DEFAULT_READ_OPTIONS } from '../src/read/options.js';
import { root } from './helpers/context.js';

// The PDF bench reads the seed PDFs merged into one file (bench/pdf-corpus.mjs) and compares the time per page
// with pdftotext's: that is only the same work if a merged file reads as its parts, page for page. These
// tests hold the reader to that: a page's text does not depend on the pages around it, and the page joins
// (one LF after each page, folios dropped per page, pageStarts) compose.
const pdf = (name: string) => new Uint8Array(readFileSync(join(root, 'test', 'fixtures', 'pdf', name)));
const JILIN = pdf('001_73b8f0cfdb9dd94c.pdf'); // 4 pages (pdfinfo)
const TEMPLATE = pdf('004_d97d9c69bb401369.pdf'); // 4 pages
const options = { ...DEFAULT_READ_OPTIONS, ocr: false };

async function merge(...parts: Uint8Array[]): Promise<Uint8Array> {
  const out = await PDFDocument.create();
  for (const part of parts) {
    const src = await PDFDocument.load(part);
    for (const page of await out.copyPages(src, src.getPageIndices())) out.addPage(page);
  }
  return out.save();
}

async function read(bytes: Uint8Array) {
  const r = await readPdf(bytes, options);
  if (!r.ok) throw new Error(r.reason);
  return r;
}

describe('a merged PDF reads as its parts, page for page', () => {
  it('two different files: texts concatenate, the second file’s page starts shift by the first’s length', async () => {
    const a = await read(JILIN.slice());
    const b = await read(TEMPLATE.slice());
    const ab = await read(await merge(JILIN, TEMPLATE));
    expect(a.pageStarts).toHaveLength(4);
    expect(b.pageStarts).toHaveLength(4);
    expect(ab.pageStarts).toEqual([...a.pageStarts, ...b.pageStarts.map((s) => s + a.text.length)]);
    expect(ab.text).toBe(a.text + b.text);
    // the joins themselves: every page ends in exactly the LF joinPages adds, so a page start follows one
    for (const start of ab.pageStarts.slice(1)) expect(ab.text[start - 1]).toBe('\n');
    // the first page of the second file opens with its own first line (the title block of seed 004)
    expect(ab.text.slice(ab.pageStarts[4]).split('\n')[0]).toBe(b.text.split('\n')[0]);
  });

  it('the same file twice reads as its text twice (fonts loaded per copy change nothing)', async () => {
    const a = await read(JILIN.slice());
    const aa = await read(await merge(JILIN, JILIN));
    expect(aa.text).toBe(a.text + a.text);
    expect(aa.pageStarts).toHaveLength(8);
  });
});
