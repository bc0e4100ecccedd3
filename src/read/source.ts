import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { decode, looksLikeMarkdown, sniffBinary, type Format } from './detect.js';
import { readPdf } from './pdf.js';
import { fail, type Result } from '../util/result.js';

/** A file as read: its text, and for PDF the offsets where each page starts. */
export interface Source {
  path: string;
  sha256: string;
  format: Format;
  text: string;
  pageStarts?: number[];
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
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (bytes.length === 0) return fail(path, 'empty file');
  const kind = sniffBinary(bytes);
  if (kind === 'pdf') {
    const pdf = await readPdf(bytes);
    if (!pdf.ok) return fail(path, pdf.reason);
    return { ok: true, source: { path, sha256, format: 'pdf', text: pdf.text, pageStarts: pdf.pageStarts } };
  }
  if (kind === 'zip') return fail(path, 'binary file (ZIP/DOCX input is not supported yet)');
  if (kind === 'binary') return fail(path, 'binary file, not text');
  const decoded = decode(bytes);
  if (!decoded) return fail(path, 'not valid UTF-8 or GB18030 text');
  if (decoded.text.trim() === '') return fail(path, 'empty file (only whitespace)');
  const format: Format = looksLikeMarkdown(decoded.text, path) ? 'markdown' : 'text';
  return { ok: true, source: { path, sha256, format, text: decoded.text } };
}
