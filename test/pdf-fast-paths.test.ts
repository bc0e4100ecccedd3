import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants, deflateRawSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFRawStream, StandardFonts } from 'pdf-lib';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterEach, describe, expect, it } from 'vitest';
import { root } from './helpers/context.js';

// Speed paths of our pdf.js patch (patches/pdfjs-dist+5.4.296.patch, patches/README.md) that must read exactly
// what pdf.js's own code reads: Flate streams inflated by Node's zlib (with pdf.js's JavaScript inflater as the
// fallback for streams zlib rejects), and the content-stream lexer reading numbers, hex strings, white space and
// commands from the stream's array. The zlib path can be switched off (pdf.js then finds no zlib), so the text
// content is compared both ways; the lexer's forms are checked against values worked out by hand.
const fixtures = ['pdf', 'formats'].flatMap((dir) =>
  readdirSync(join(root, 'test', 'fixtures', dir))
    .filter((f) => f.endsWith('.pdf'))
    .map((f) => join(root, 'test', 'fixtures', dir, f)),
);

const getBuiltinModule = process.getBuiltinModule;
/** pdf.js's worker looks zlib up through process.getBuiltinModule each time a stream is inflated. */
function withoutZlib(off: boolean): void {
  (process as { getBuiltinModule?: unknown }).getBuiltinModule = off ? undefined : getBuiltinModule;
}
afterEach(() => withoutZlib(false));

interface Item {
  str: string;
  transform: number[];
  hasEOL: boolean;
}
/** Every page's text content (items and styles); font ids without the document's number. */
async function textContent(bytes: Uint8Array, zlib: boolean): Promise<unknown> {
  withoutZlib(!zlib);
  try {
    const doc = await pdfjs.getDocument({ data: bytes.slice(), textOnlyFonts: true, verbosity: 0 } as Parameters<typeof pdfjs.getDocument>[0]).promise;
    const pages = [];
    for (let i = 1; i <= doc.numPages; i++) pages.push(await (await doc.getPage(i)).getTextContent());
    await doc.destroy();
    return JSON.parse(JSON.stringify(pages).replace(/"g_d\d+_/g, '"g_'));
  } finally {
    withoutZlib(false);
  }
}
const items = (content: unknown): Item[] => (content as { items: Item[] }[]).flatMap((p) => p.items).filter((i) => i.str !== '');

/** A one-page PDF with Helvetica as /F1 and the given content stream, Flate-compressed as `deflate` makes it. */
async function pdfWith(content: string, deflate: (raw: Buffer) => Buffer = (raw) => deflateRawSync(raw)): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([600, 800]);
  page.node.setFontDictionary(PDFName.of('F1'), font.ref);
  // zlib header (deflate, default compression) + raw deflate data; pdf.js checks the header, not the Adler-32
  const data = Buffer.concat([Buffer.from([0x78, 0x9c]), deflate(Buffer.from(content, 'latin1'))]);
  const stream = PDFRawStream.of(doc.context.obj({ Filter: 'FlateDecode', Length: data.length }), data);
  page.node.set(PDFName.of('Contents'), doc.context.register(stream));
  return doc.save();
}

describe('Flate streams inflated by zlib (the pdf.js patch)', () => {
  it.each(fixtures)('give the same text content as the JavaScript inflater on %s', async (path) => {
    const bytes = new Uint8Array(readFileSync(path));
    expect(await textContent(bytes, true)).toEqual(await textContent(bytes, false));
  });

  it('fall back to the JavaScript inflater on a truncated stream, which salvages its whole first block', async () => {
    const lines = (word: string, y: number) => `BT /F1 12 Tf 72 ${y} Td (${word}) Tj ET\n`;
    const first = lines('Kept', 700).repeat(40);
    const second = lines('Lost', 600).repeat(40);
    // two deflate blocks: the first ends at a full flush, the second is cut in its middle
    const bytes = await pdfWith(first + second, (raw) => {
      const head = deflateRawSync(raw.subarray(0, first.length), { finishFlush: constants.Z_FULL_FLUSH });
      const tail = deflateRawSync(raw.subarray(first.length));
      return Buffer.concat([head, tail.subarray(0, tail.length >> 1)]);
    });
    const withZlib = await textContent(bytes, true);
    expect(withZlib).toEqual(await textContent(bytes, false));
    const words = items(withZlib).map((i) => i.str);
    expect(words).toContain('Kept');
    expect(words).not.toContain('Lost');
  });
});

describe('the content-stream lexer (the pdf.js patch)', () => {
  it('reads numbers, hex strings, comments and commands as pdf.js does', async () => {
    // Tm's e and f: "+.5e2" has an exponent (pdf.js reads 0.5 × 10² = 50), "7.0e2" too (700); Td's "--.5" a
    // doubled minus (-0.5); <41 4> is "A" then an odd digit, read as 0x40 "@"; a comment runs to the end of its
    // line; "Tj" follows ")" with no space. Td moves back to the line's start (left of where "A@" ended), so
    // "Z" starts an item of its own; the TJ's -250 is a quarter of an em of space: "B C", one item.
    const content = [
      'BT',
      '/F1 10 Tf % a comment ending in\r',
      '1 0 0 1 +.5e2 7.0e2 Tm',
      '<41 4>Tj',
      '0.5 --.5 Td(Z)Tj',
      '1 0 0 1 300 200 Tm [(B) -250 (C)] TJ',
      'ET',
    ].join('\n');
    const found = items(await textContent(await pdfWith(content), true));
    expect(found.map((i) => i.str)).toEqual(['A@', 'Z', 'B C']);
    expect(found[0].transform).toEqual([10, 0, 0, 10, 50, 700]);
    expect(found[1].transform).toEqual([10, 0, 0, 10, 50.5, 699.5]);
    expect(found[2].transform).toEqual([10, 0, 0, 10, 300, 200]);
  });

  it('reads a command that is a prefix of a known one, or a known one with more letters, as its own token', async () => {
    // "Tjx" is not known: pdf.js stops at "Tj" (known) and reads "x" as a command of its own (skipped);
    // "T" alone and "Tz9" are unknown commands, skipped with a warning; the text around them still shows.
    const content = 'BT /F1 10 Tf 1 0 0 1 20 30 Tm (P)Tjx T (Q) Tj ET';
    const found = items(await textContent(await pdfWith(content), true));
    expect(found.map((i) => i.str).join('')).toBe('PQ');
    expect(found[0].transform).toEqual([10, 0, 0, 10, 20, 30]);
  });
});
