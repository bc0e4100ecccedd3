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

async function readBytes(path: string, bytes: Uint8Array) {
  const read = await sourceFromBytes(path, bytes);
  if (!read.ok) throw new Error(read.reason);
  return read.source;
}

async function contextsOfBytes(path: string, bytes: Uint8Array): Promise<DocumentContext[]> {
  const source = await readBytes(path, bytes);
  const n = normalize(source);
  return contextsOf(source, n, segment(n));
}

export const contextsFromString = (text: string, path = 'inline.txt') => contextsOfBytes(path, new TextEncoder().encode(text));

export const seedContexts = (name: string) => contextsOfBytes(seedPath(name), readFileSync(seedPath(name)));

export async function seedRecords(name: string): Promise<NoticeRecord[]> {
  const r = processSource(await readBytes(seedPath(name), readFileSync(seedPath(name))));
  if (!r.ok) throw new Error(r.reason);
  return r.records;
}

/** The source text at a span: what a reader sees at that line and column. */
export function textAt(sourceText: string, span: { line: number; column: number }, length = 1): string {
  const line = sourceText.split('\n')[span.line - 1] ?? '';
  return line.slice(span.column - 1, span.column - 1 + length);
}

export const sourceOf = (name: string) => readFileSync(seedPath(name), 'utf8');

/** Records of a committed fixture file (test/fixtures/…), through the whole per-file pipeline. */
export async function fixtureRecords(relative: string): Promise<NoticeRecord[]> {
  const path = join(root, 'test', 'fixtures', relative);
  const r = processSource(await readBytes(path, readFileSync(path)));
  if (!r.ok) throw new Error(r.reason);
  return r.records;
}

/** Records of a text given inline, read as a file's bytes would be (encoding, format sniffed). */
export async function recordsOfText(text: string): Promise<NoticeRecord[]> {
  const read = await sourceFromBytes('inline.txt', new TextEncoder().encode(text));
  if (!read.ok) throw new Error(read.reason);
  const r = processSource(read.source);
  if (!r.ok) throw new Error(r.reason);
  return r.records;
}

/** The scored header of a record: title, 发文字号, issuers, signed date, level, region. */
export const headerOf = (r: NoticeRecord) => [r.title, r.fileNumber?.normalized ?? null, r.issuers.map((i) => i.name), r.signedDate, r.level, r.region?.name ?? null];
