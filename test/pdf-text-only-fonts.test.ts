import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { root } from './helpers/context.js';

// `textOnlyFonts` is our patch of pdf.js (patches/pdfjs-dist+5.4.296.patch, applied by `npm install`): a composite
// TrueType font read for its text is neither decompressed nor repaired into a font program (only its head and
// hhea tables are read, for the metrics). What must hold: the text content is the same with and without it
// (every item: string, position, advance, size, font; and the font styles), the fonts it covers really skip
// the program (none reaches the page), and the fonts its test leaves out (vertical, named as a standard font)
// keep the whole repair.
const fixtures = ['pdf', 'formats'].flatMap((dir) =>
  readdirSync(join(root, 'test', 'fixtures', dir))
    .filter((f) => f.endsWith('.pdf'))
    .map((f) => join(root, 'test', 'fixtures', dir, f)),
);
const GUANGDONG = join(root, 'test', 'fixtures', 'pdf', '000_7dc2baf39b3a8626.pdf'); // one font: CID TrueType, Identity-H

async function open(bytes: Uint8Array, textOnlyFonts: boolean) {
  // fontExtraProperties keeps each font's program on the page side, where the test can see it
  return pdfjs.getDocument({ data: bytes.slice(), textOnlyFonts, fontExtraProperties: true, verbosity: 0 } as Parameters<typeof pdfjs.getDocument>[0]).promise;
}

/** Every page's text content, as pdf-parse reads it; font ids without the document's number (g_d12_f1 → g_f1). */
async function textContent(bytes: Uint8Array, textOnlyFonts: boolean): Promise<unknown> {
  const doc = await open(bytes, textOnlyFonts);
  const pages = [];
  for (let i = 1; i <= doc.numPages; i++) pages.push(await (await doc.getPage(i)).getTextContent());
  await doc.destroy();
  return JSON.parse(JSON.stringify(pages).replace(/"g_d\d+_/g, '"g_'));
}

/** The font programs of page 1 as the page side receives them when the page is drawn after its text was read. */
async function fontPrograms(bytes: Uint8Array, textOnlyFonts: boolean): Promise<(number | undefined)[]> {
  const doc = await open(bytes, textOnlyFonts);
  const page = await doc.getPage(1);
  const fonts = Object.keys((await page.getTextContent()).styles);
  await page.getOperatorList();
  const sizes = fonts.map((id) => (page.commonObjs.get(id) as { data?: Uint8Array }).data?.length);
  await doc.destroy();
  return sizes;
}

/** The fixture with its font's dictionaries edited: a font the patch must leave to the full repair. */
async function edited(path: string, edit: (type0: PDFDict, descriptor: PDFDict) => void): Promise<Uint8Array> {
  const doc = await PDFDocument.load(readFileSync(path));
  const dicts = doc.context.enumerateIndirectObjects().map(([, o]) => o).filter((o): o is PDFDict => o instanceof PDFDict);
  const type0 = dicts.find((d) => d.get(PDFName.of('Subtype')) === PDFName.of('Type0'));
  const descriptor = dicts.find((d) => d.get(PDFName.of('Type')) === PDFName.of('FontDescriptor'));
  if (!type0 || !descriptor) throw new Error(`${path}: no Type0 font`);
  edit(type0, descriptor);
  return doc.save();
}

describe('textOnlyFonts (the pdf.js patch)', () => {
  it.each(fixtures)('gives the same text content on %s', async (path) => {
    const bytes = new Uint8Array(readFileSync(path));
    expect(await textContent(bytes, true)).toEqual(await textContent(bytes, false));
  });

  it('is applied: a composite TrueType font read for text carries no font program', async () => {
    const bytes = new Uint8Array(readFileSync(GUANGDONG));
    const full = await fontPrograms(bytes, false);
    expect(full).toHaveLength(1);
    expect(full[0]).toBeGreaterThan(1000); // the repaired OpenType file
    expect(await fontPrograms(bytes, true)).toEqual([undefined]);
  });

  it('leaves a vertical font (Identity-V) to the full repair, and its text unchanged', async () => {
    const bytes = await edited(GUANGDONG, (type0) => type0.set(PDFName.of('Encoding'), PDFName.of('Identity-V')));
    expect((await fontPrograms(bytes, true))[0]).toBeGreaterThan(1000);
    expect(await textContent(bytes, true)).toEqual(await textContent(bytes, false));
  });

  it('leaves a font named as a standard font (Arial → Helvetica) to the full repair, and its text unchanged', async () => {
    const bytes = await edited(GUANGDONG, (_, descriptor) => descriptor.set(PDFName.of('FontName'), PDFName.of('Arial')));
    expect((await fontPrograms(bytes, true))[0]).toBeGreaterThan(1000);
    expect(await textContent(bytes, true)).toEqual(await textContent(bytes, false));
  });
});
