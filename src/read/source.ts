import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { decode, looksLikeMarkdown, sniffBinary, type BinaryKind, type DecodeRepair, type Format } from './detect.js';
import { looksLikeHtml } from './html-sniff.js';
import { formatBytes } from './limits.js';
import { DEFAULT_READ_OPTIONS, type ReadOptions } from './options.js';
import type { OcrInfo } from './pages.js';
import { fail, type Result } from '../util/result.js';
import { describeFsError } from '../util/fs-errors.js';
import { binaryRefusal } from './file-kind.js';
import { hasMarkdownSyntax, loadMarkdownParser } from '../normalize/markdown-parser.js';

/**
 * A file as read: its text, and for PDF the offsets where each page starts. For HTML, `text` is
 * the page's text and `fileText` the decoded page itself, with `fileOffsets[i]` the offset in
 * `fileText` of `text[i]` (`fileOffsets[text.length]` = `fileText.length`): spans are located
 * in `fileText`, so line/column are positions in the .html file.
 */
export interface Source {
  path: string;
  sha256: string;
  format: Format;
  text: string;
  pageStarts?: number[];
  fileText?: string;
  fileOffsets?: Int32Array;
  /** what the page states about the document outside its text (HTML <meta>), under front-matter keys */
  pageMetadata?: Record<string, string>;
  /** what decoding had to repair (offsets into `text`) */
  repairs?: DecodeRepair[];
  /** set when some pages were read by OCR: which, how confidently, and where each line stands */
  ocr?: OcrInfo;
}

export async function readSource(path: string, options: ReadOptions = DEFAULT_READ_OPTIONS): Promise<Result<{ source: Source }>> {
  let bytes: Uint8Array;
  try {
    // a stat never waits on the file's content (a FIFO's writer): read at once
    const info = statSync(path);
    if (info.isDirectory()) return fail(path, 'is a directory');
    // refused before reading: the size on disk decides, not what would fit in memory
    if (info.size > options.maxBytes) return tooLarge(path, info.size, options);
    // A regular file is read at once: ~15 µs CPU for a notice, against ~100 µs through fs/promises
    // (stat, open, fstat, read and close each a round trip through the thread pool), and a batch
    // reads each file in a worker of its own. Anything else (a FIFO, a device) goes through the
    // thread pool as before: a read that never ends then holds a pool thread, not the worker's own.
    bytes = new Uint8Array(info.isFile() ? readFileSync(path) : await readFile(path));
  } catch (e) {
    return fail(path, describeFsError(e));
  }
  return sourceFromBytes(path, bytes, options);
}

const tooLarge = (path: string, size: number, options: ReadOptions) => fail(path, `${formatBytes(size)}, larger than --max-bytes ${options.maxBytes} (${formatBytes(options.maxBytes)})`);

export async function sourceFromBytes(path: string, bytes: Uint8Array, options: ReadOptions = DEFAULT_READ_OPTIONS): Promise<Result<{ source: Source }>> {
  const read = await readBytes(path, bytes, options);
  // the normaliser parses Markdown synchronously: load remark now, and only for text that has syntax
  if (read.ok && hasMarkdownSyntax(read.source.text)) await loadMarkdownParser();
  return read;
}

async function readBytes(path: string, bytes: Uint8Array, options: ReadOptions): Promise<Result<{ source: Source }>> {
  if (bytes.length > options.maxBytes) return tooLarge(path, bytes.length, options);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (bytes.length === 0) return fail(path, 'empty file');
  const kind = sniffBinary(bytes);
  const read = kind === 'binary' ? { ok: false as const, reason: binaryRefusal(path, bytes) } : await (kind ? BINARY_READERS[kind] : readText)(bytes, path, options);
  if (!read.ok) return fail(path, read.reason);
  const { ok: _, ocr, ...content } = read;
  const source: Source = { path, sha256, ...content, ...(ocr ? { ocr } : {}) };
  return { ok: true, source };
}

type Content = Omit<Source, 'path' | 'sha256' | 'ocr'> & { ocr?: OcrInfo | null };
type Reader = (bytes: Uint8Array, path: string, options: ReadOptions) => Promise<({ ok: true } & Content) | { ok: false; reason: string }>;

/**
 * One reader per container the magic bytes name; each loads its module (and its library) only when
 * called: a batch of text files never loads the PDF, OCR, Word, OFD or HTML readers.
 */
const BINARY_READERS: Record<Exclude<BinaryKind, 'binary'>, Reader> = {
  pdf: async (bytes, _path, options) => {
    const { readPdf } = await import('./pdf.js');
    const pdf = await readPdf(bytes, options);
    return pdf.ok ? { ok: true, format: 'pdf', text: pdf.text, pageStarts: pdf.pageStarts, ocr: pdf.ocr } : pdf;
  },
  zip: async (bytes, _path, options) => ((await isOfd(bytes)) ? readOfdSource(bytes, options) : readDocxSource(bytes, options)),
  ole: async (bytes) => {
    const { readDoc } = await import('./doc.js');
    const doc = await readDoc(bytes);
    return doc.ok ? { ok: true, format: 'doc', text: doc.text } : doc;
  },
  image: async (bytes, _path, options) => {
    const { readImage } = await import('./image.js');
    const image = await readImage(bytes, options);
    return image.ok ? { ok: true, format: 'image', text: image.text, pageStarts: image.pageStarts, ocr: image.ocr } : image;
  },
};

async function readDocxSource(bytes: Uint8Array, options: ReadOptions): ReturnType<Reader> {
  const { readDocx } = await import('./docx.js');
  const docx = await readDocx(bytes, options);
  return docx.ok ? { ok: true, format: 'docx', text: docx.text } : docx;
}

async function readOfdSource(bytes: Uint8Array, options: ReadOptions): ReturnType<Reader> {
  const [{ readOfd }, { ocrImagePages }, { joinPages }] = await Promise.all([import('./ofd.js'), import('./image.js'), import('./pages.js')]);
  const ofd = await readOfd(bytes, options);
  if (!ofd.ok) return ofd;
  const scanned = ofd.pages.every((p) => p.text.trim() === '');
  if (scanned && !options.ocr) return { ok: false, reason: 'OFD pages hold only images (a scan?) and OCR is off (--no-ocr)' };
  try {
    const joined = joinPages(await ocrImagePages(ofd.pages, options));
    if (joined.text.trim() === '') return { ok: false, reason: 'OFD pages hold only images and OCR found no text' };
    return { ok: true, format: 'ofd', text: joined.text, pageStarts: joined.pageStarts, ocr: joined.ocr };
  } catch (e) {
    return { ok: false, reason: `OCR of the OFD's page images failed (${(e as Error).message.split('\n')[0]})` };
  }
}

/** A ZIP is an OFD package when its root holds OFD.xml (only the directory is read here). */
async function isOfd(bytes: Uint8Array): Promise<boolean> {
  // an unreadable archive is not an OFD: the DOCX reader names the damage
  const [{ zipNames }, { isOfdPackage }] = await Promise.all([import('./zip.js'), import('./ofd.js')]);
  const names = await zipNames(bytes, 10_000);
  return names !== null && isOfdPackage(names);
}

async function readText(bytes: Uint8Array, path: string): ReturnType<Reader> {
  if (looksLikeHtml(bytes, path)) {
    const [{ readHtml }, { htmlMetaFields }] = await Promise.all([import('./html.js'), import('./html-meta.js')]);
    const html = readHtml(bytes);
    return html.ok ? { ok: true, format: 'html', text: html.text, fileText: html.fileText, fileOffsets: html.fileOffsets, pageMetadata: htmlMetaFields(html.fileText) } : html;
  }
  const decoded = decode(bytes);
  if (!decoded) return { ok: false, reason: 'not valid UTF-8 or GB18030 text' };
  if (decoded.text.trim() === '') return { ok: false, reason: 'empty file (only whitespace)' };
  const format: Format = looksLikeMarkdown(decoded.text, path) ? 'markdown' : 'text';
  return { ok: true, format, text: decoded.text, ...(decoded.repairs.length ? { repairs: decoded.repairs } : {}) };
}
