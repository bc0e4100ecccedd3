import { forwardedBy, pairingOf, parentOf, withCover, type ParentChoice } from '../diff/national.js';
import type { Pairing } from '../../schemas/diff.js';
import type { Argv, ArgumentsCamelCase } from 'yargs';
import { existsSync } from 'node:fs';
import { readOptionsFor, type ReadOptions } from '../read/options.js';
import type { NoticeRecord } from '../../schemas/notice.js';
import { fail, type Failure, type Result } from '../util/result.js';
import { maxBytesOption, quietOption } from './options.js';
import { printSummary } from './summary.js';
import { reportFailure } from './report.js';
import { sameDocument } from '../util/same-document.js';

interface Args {
  target: string;
  against: string;
  format: 'json' | 'text' | 'html';
  'max-bytes': number;
  quiet: boolean;
}

export const command = 'diff <target>';
export const describe = 'Compare a notice with the one it adapts (national, provincial or city): clause and item alignment, redline, figures';

export const builder = (y: Argv) =>
  y
    .positional('target', { type: 'string', demandOption: true, describe: 'the notice to compare (path, or path#N for document N of the file)' })
    .option('against', { type: 'string', demandOption: true, describe: 'the base notice (path or path#N); in a file of several, the national one or the one the target cites' })
    .option('format', { choices: ['json', 'text', 'html'] as const, default: 'json' as const, describe: 'json (default: the DiffRecord), text (a terminal redline) or html (a side-by-side page)' })
    .option('quiet', quietOption)
    .option('max-bytes', maxBytesOption)
    .example('$0 diff seeds/001_73b8f0cfdb9dd94c.txt --against seeds/000_7dc2baf39b3a8626.txt', 'DiffRecord as JSON')
    .example('$0 diff jilin.txt --against national.txt --format html > diff.html', 'side-by-side page');

/** `file.txt#1` → file.txt, document 1. A path that exists as written is never split. */
export function parseDocumentPath(spec: string): { path: string; index: number | null } {
  const m = /^(.*)#(\d+)$/.exec(spec);
  if (!m || existsSync(spec)) return { path: spec, index: null };
  return { path: m[1], index: Number(m[2]) };
}

async function load(spec: string, limits: ReadOptions): Promise<Result<{ path: string; index: number | null; records: NoticeRecord[] }>> {
  const { path, index } = parseDocumentPath(spec);
  const { processFile } = await import('../../pipelines/document.js');
  const r = await processFile(path, undefined, limits);
  if (!r.ok) return r;
  if (index !== null && !r.records.some((d) => d.source.documentIndex === index)) {
    return fail(spec, `no document ${index} in this file (it holds ${r.records.length})`);
  }
  return { ok: true, path, index, records: r.records };
}

const sameDoc = (a: NoticeRecord, b: NoticeRecord) => sameDocument(a.source, b.source);

/**
 * The target: the chosen document, else the first that is not national (a provincial notice that
 * forwards the national one comes first) — or, for a 转发/印发 cover notice, the document it forwards.
 */
export function pickTarget(records: NoticeRecord[], index: number | null): NoticeRecord {
  if (index !== null) return records.find((r) => r.source.documentIndex === index)!;
  return forwardedBy(records.find((r) => r.level !== 'national') ?? records[0], records);
}

/**
 * The base among a file's documents, and why: the chosen one; else the target's parent there
 * (parentOf: cited 发文字号 or title, similar title, reused clauses) — the document it forwards when
 * that is a cover notice; else the national one; else the first that is not the target itself (the
 * target, when the file holds nothing else: a notice against itself).
 */
export function pickBase(records: NoticeRecord[], index: number | null, target: NoticeRecord): { base: NoticeRecord; pairing: Pairing } | null {
  if (index !== null) {
    const base = records.find((r) => r.source.documentIndex === index);
    // the user's choice, described by how the two relate (cited, similar) when they do
    return base ? { base, pairing: pairingOf(parentOf(target, [base])) } : null;
  }
  const others = records.filter((r) => !sameDoc(r, target));
  const choice: ParentChoice | null = parentOf(target, others);
  if (choice) return { base: forwardedBy(choice.parent, records), pairing: pairingOf(choice) };
  // the user named the base file: its national notice even when nothing ties the two together
  const base = others.find((r) => r.level === 'national') ?? (others[0] ? forwardedBy(others[0], records) : undefined) ?? records[0];
  return base ? { base, pairing: pairingOf(null) } : null;
}

export async function handler(argv: ArgumentsCamelCase<Args>): Promise<void> {
  const failures: Failure[] = [];
  const t = await load(argv.target, readOptionsFor(argv['max-bytes']));
  if (!t.ok) failures.push(t);
  const b = await load(argv.against, readOptionsFor(argv['max-bytes']));
  if (!b.ok) failures.push(b);
  if (!t.ok || !b.ok) {
    failures.forEach(reportFailure);
    process.exitCode = 1;
    return;
  }
  const target = pickTarget(t.records, t.index);
  // a forwarded plan looks for its parent with its cover's citations
  const picked = pickBase(b.records, b.index, withCover(target, t.records));
  if (!picked) {
    reportFailure(fail(argv.against, 'holds no other notice to compare with'));
    process.exitCode = 1;
    return;
  }
  const { diff } = await import('../api/analyse.js');
  const { base, pairing } = picked;
  const record = diff(base, target, pairing);
  if (argv.format === 'json') process.stdout.write(JSON.stringify(record, null, 2) + '\n');
  else if (argv.format === 'text') {
    const { formatText } = await import('../diff/format/text.js');
    process.stdout.write(formatText(record, { color: Boolean(process.stdout.isTTY) }));
  } else {
    const { formatHtml } = await import('../diff/format/html.js');
    process.stdout.write(formatHtml(record, { base, target }));
  }
  const tally = { files: 2, documents: t.records.length + b.records.length, failed: 0, skipped: [] };
  const { unchanged, modified, added, removed } = record.counts;
  printSummary(argv.quiet, true, tally, `the diff to stdout (${unchanged} unchanged, ${modified} modified, ${added} added, ${removed} removed)`);
}
