import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { decode, looksLikeMarkdown, sniffBinary, type DecodeRepair, type Format } from './detect.js';
import { readDocx } from './docx.js';
import { looksLikeHtml, readHtml } from './html.js';
import { DEFAULT_LIMITS, formatBytes, type ReadLimits } from './limits.js';
import { readPdf } from './pdf.js';
import { fail, type Result } from '../util/result.js';
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
  /** what decoding had to repair (offsets into `text`) */
  repairs?: DecodeRepair[];
}

export async function readSource(path: string, limits: ReadLimits = DEFAULT_LIMITS): Promise<Result<{ source: Source }>> {
  let bytes: Uint8Array;
  try {
    const info = await stat(path);
    if (info.isDirectory()) return fail(path, 'is a directory');
    // refused before reading: the size on disk decides, not what would fit in memory
    if (info.size > limits.maxBytes) return tooLarge(path, info.size, limits);
    bytes = new Uint8Array(await readFile(path));
  } catch (e) {
    return fail(path, `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return sourceFromBytes(path, bytes, limits);
}

const tooLarge = (path: string, size: number, limits: ReadLimits) => fail(path, `${formatBytes(size)}, larger than --max-bytes ${limits.maxBytes} (${formatBytes(limits.maxBytes)})`);

export async function sourceFromBytes(path: string, bytes: Uint8Array, limits: ReadLimits = DEFAULT_LIMITS): Promise<Result<{ source: Source }>> {
  const read = await readBytes(path, bytes, limits);
  // the normaliser parses Markdown synchronously: load remark now, and only for text that has syntax
  if (read.ok && hasMarkdownSyntax(read.source.text)) await loadMarkdownParser();
  return read;
}

async function readBytes(path: string, bytes: Uint8Array, limits: ReadLimits): Promise<Result<{ source: Source }>> {
  if (bytes.length > limits.maxBytes) return tooLarge(path, bytes.length, limits);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (bytes.length === 0) return fail(path, 'empty file');
  const kind = sniffBinary(bytes);
  if (kind === 'pdf') {
    const pdf = await readPdf(bytes);
    if (!pdf.ok) return fail(path, pdf.reason);
    return { ok: true, source: { path, sha256, format: 'pdf', text: pdf.text, pageStarts: pdf.pageStarts } };
  }
  if (kind === 'zip') {
    const docx = await readDocx(bytes, limits);
    if (!docx.ok) return fail(path, docx.reason);
    return { ok: true, source: { path, sha256, format: 'docx', text: docx.text } };
  }
  if (kind === 'binary') return fail(path, 'binary file, not text');
  if (looksLikeHtml(bytes, path)) {
    const html = readHtml(bytes);
    if (!html.ok) return fail(path, html.reason);
    return { ok: true, source: { path, sha256, format: 'html', text: html.text, fileText: html.fileText, fileOffsets: html.fileOffsets } };
  }
  const decoded = decode(bytes);
  if (!decoded) return fail(path, 'not valid UTF-8 or GB18030 text');
  if (decoded.text.trim() === '') return fail(path, 'empty file (only whitespace)');
  const format: Format = looksLikeMarkdown(decoded.text, path) ? 'markdown' : 'text';
  return { ok: true, source: { path, sha256, format, text: decoded.text, ...(decoded.repairs.length ? { repairs: decoded.repairs } : {}) } };
}
