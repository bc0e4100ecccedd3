import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { decode, looksLikeMarkdown, sniffBinary, type Format } from './detect.js';
import { readDocx } from './docx.js';
import { loadHtmlParser, looksLikeHtml, readHtml } from './html.js';
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
}

export async function readSource(path: string): Promise<Result<{ source: Source }>> {
  let bytes: Uint8Array;
  try {
    const info = await stat(path);
    if (info.isDirectory()) return fail(path, 'is a directory');
    bytes = new Uint8Array(await readFile(path));
  } catch (e) {
    return fail(path, `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return sourceFromBytes(path, bytes);
}

export async function sourceFromBytes(path: string, bytes: Uint8Array): Promise<Result<{ source: Source }>> {
  const read = await readBytes(path, bytes);
  // the normaliser parses Markdown synchronously: load remark now, and only for text that has syntax
  if (read.ok && hasMarkdownSyntax(read.source.text)) await loadMarkdownParser();
  return read;
}

async function readBytes(path: string, bytes: Uint8Array): Promise<Result<{ source: Source }>> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (bytes.length === 0) return fail(path, 'empty file');
  const kind = sniffBinary(bytes);
  if (kind === 'pdf') {
    const pdf = await readPdf(bytes);
    if (!pdf.ok) return fail(path, pdf.reason);
    return { ok: true, source: { path, sha256, format: 'pdf', text: pdf.text, pageStarts: pdf.pageStarts } };
  }
  if (kind === 'zip') {
    const docx = await readDocx(bytes);
    if (!docx.ok) return fail(path, docx.reason);
    return { ok: true, source: { path, sha256, format: 'docx', text: docx.text } };
  }
  if (kind === 'binary') return fail(path, 'binary file, not text');
  if (looksLikeHtml(bytes, path)) {
    await loadHtmlParser();
    const html = readHtml(bytes);
    if (!html.ok) return fail(path, html.reason);
    return { ok: true, source: { path, sha256, format: 'html', text: html.text, fileText: html.fileText, fileOffsets: html.fileOffsets } };
  }
  const decoded = decode(bytes);
  if (!decoded) return fail(path, 'not valid UTF-8 or GB18030 text');
  if (decoded.text.trim() === '') return fail(path, 'empty file (only whitespace)');
  const format: Format = looksLikeMarkdown(decoded.text, path) ? 'markdown' : 'text';
  return { ok: true, source: { path, sha256, format, text: decoded.text } };
}
