import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contextsOf } from '../../src/extract/document.js';
import type { DocumentContext } from '../../src/extract/context.js';
import { normalize } from '../../src/normalize/index.js';
import { sourceFromBytes } from '../../src/read/source.js';
import { segment } from '../../src/segment/index.js';
import { processSource } from '../../pipelines/document.js';
import type { NoticeRecord } from '../../schemas/notice.js';

export const root = join(new URL('../..', import.meta.url).pathname);
export const seedPath = (name: string) => join(root, 'seeds', name);
export const SEEDS = {
  guangdong: '000_7dc2baf39b3a8626.txt', // Guangdong forwarding notice + the national notice
  jilin: '001_73b8f0cfdb9dd94c.txt',
  shandong: '002_bdd7c925ac202672.txt',
  heilongjiang: '004_d97d9c69bb401369.txt',
} as const;

export async function contextsFromString(text: string, path = 'inline.txt'): Promise<DocumentContext[]> {
  const read = await sourceFromBytes(path, new TextEncoder().encode(text));
  if (!read.ok) throw new Error(read.reason);
  const n = normalize(read.source);
  return contextsOf(read.source, n, segment(n));
}

export async function seedContexts(name: string): Promise<DocumentContext[]> {
  const path = seedPath(name);
  const read = await sourceFromBytes(path, readFileSync(path));
  if (!read.ok) throw new Error(read.reason);
  const n = normalize(read.source);
  return contextsOf(read.source, n, segment(n));
}

export async function seedRecords(name: string): Promise<NoticeRecord[]> {
  const path = seedPath(name);
  const read = await sourceFromBytes(path, readFileSync(path));
  if (!read.ok) throw new Error(read.reason);
  const r = processSource(read.source);
  if (!r.ok) throw new Error(r.reason);
  return r.records;
}

/** The source text at a span: what a reader sees at that line and column. */
export function textAt(sourceText: string, span: { line: number; column: number }, length = 1): string {
  const line = sourceText.split('\n')[span.line - 1] ?? '';
  return line.slice(span.column - 1, span.column - 1 + length);
}

export const sourceOf = (name: string) => readFileSync(seedPath(name), 'utf8');
