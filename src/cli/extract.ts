import type { Argv, ArgumentsCamelCase } from 'yargs';
import { join } from 'node:path';
import type { NoticeRecord } from '../../schemas/notice.js';
import type { JsonlSink } from '../emit/jsonl.js';
import type { FileResult } from '../../pipelines/document.js';
import { DEFAULT_TIMEOUT_MS, defaultJobs, runBatch, type BatchOptions, type Outcome } from '../batch/run.js';
import type { RecordForm } from '../emit/record-text.js';
import type { CheckedDocument } from '../check/corpus-view.js';
import { limitsFor } from '../read/limits.js';
import { DEFAULT_READ_OPTIONS, readOptionsFor, type ReadOptions, type ValidateMode } from '../read/options.js';
import { maxBytesOption, pathsPositional, positiveNumber, quietOption, validateOption, wholeNumber } from './options.js';
import { describeSkipped, expandPaths } from './paths.js';
import { progress, reportFailure } from './report.js';
import { emptyTally, printSummary, type BatchTally } from './summary.js';

interface Args {
  paths: string[];
  out?: string;
  format: 'json' | 'jsonl' | 'sqlite';
  quiet: boolean;
  jobs?: number;
  timeout: number;
  'max-bytes': number;
  ocr: boolean;
  'ocr-max-pages': number;
  analyse: boolean;
  validate?: ValidateMode;
}

/** `--jobs` and `--timeout`, shared by every verb that reads a batch of files. */
export const withBatchOptions = (y: Argv) =>
  y
    .option('jobs', { type: 'string', coerce: wholeNumber('jobs', 1), describe: `worker threads for batches of 8 files or more, a whole number ≥ 1 (default: the machine's cores, ${defaultJobs()} here)` })
    .option('timeout', {
      type: 'string',
      default: DEFAULT_TIMEOUT_MS / 1000,
      coerce: positiveNumber('timeout'),
      describe: `time budget per file in seconds, > 0 (default ${DEFAULT_TIMEOUT_MS / 1000}); in a worker, a file over it gets an error line and the batch goes on`,
    })
    .option('validate', validateOption);

/** Batch options from parsed arguments. */
export const batchOptions = (argv: { jobs?: number; timeout?: number }): BatchOptions => ({
  jobs: argv.jobs,
  timeoutMs: argv.timeout !== undefined ? argv.timeout * 1000 : undefined,
});

/** What a batch needs to read its files: the pool's options and the reading options (--max-bytes; OCR as by default). */
export interface BatchRead {
  batch?: BatchOptions;
  options?: ReadOptions;
}
export const batchRead = (argv: { jobs?: number; timeout?: number; 'max-bytes'?: number; validate?: ValidateMode }): BatchRead => ({
  batch: batchOptions(argv),
  options: { ...readOptionsFor(argv['max-bytes']), ...(argv.validate ? { validate: argv.validate } : {}) },
});

export const command = 'extract <paths..>';
export const describe = 'Extract one NoticeRecord per document found in the given files or folders';

export const builder = (y: Argv) =>
  withBatchOptions(y)
    .positional('paths', pathsPositional('files or folders (.txt .md .pdf .html .docx .doc .wps .ofd .png .jpg .tif)'))
    .option('out', { type: 'string', describe: 'write per-document JSON and notices.jsonl (or notices.sqlite) into this folder (default: stdout)' })
    .option('format', { choices: ['json', 'jsonl', 'sqlite'] as const, default: 'json' as const, describe: 'json (default: one array), jsonl (one record a line) or sqlite (the store, needs --out)' })
    .option('quiet', quietOption)
    .option('max-bytes', maxBytesOption)
    .option('ocr', { type: 'boolean', default: DEFAULT_READ_OPTIONS.ocr, describe: 'read scanned pages and images by OCR (default on; --no-ocr: report them as unreadable)' })
    .option('ocr-max-pages', {
      type: 'string',
      default: DEFAULT_READ_OPTIONS.ocrMaxPages,
      coerce: wholeNumber('ocr-max-pages', 0),
      describe: `OCR at most N pages per file, a whole number ≥ 0 (default ${DEFAULT_READ_OPTIONS.ocrMaxPages}); the rest are listed in source.ocrSkippedPages`,
    })
    .option('analyse', {
      type: 'boolean',
      default: true,
      describe: 'with --format sqlite: also store the cross-document findings and the diffs against the national notice among the inputs, as `npm start` does (default on; --no-analyse: records only)',
    })
    .example('$0 extract seeds/ --out out/', 'per-document JSON plus out/notices.jsonl')
    .example('$0 extract notice.txt --format jsonl', 'JSON Lines on stdout');

/** Extracts a batch: bad files are reported and skipped; the rest are emitted. The tally says how many of each. */
export async function extractBatch(paths: string[], quiet: boolean, onRecord: (r: NoticeRecord) => Promise<void>, read: BatchRead = {}): Promise<BatchTally> {
  const options = read.options ?? DEFAULT_READ_OPTIONS;
  return runFiles<{ records: NoticeRecord[] }>(paths, quiet, read, { options }, (file) => inProcess(file, options), async ({ records }) => {
    for (const r of records) await onRecord(r);
    return records.length;
  });
}

/**
 * Extracts a batch whose records are only written out: each record arrives as the text `form`
 * makes of it, serialised where it was extracted (in a worker of the pool, or here).
 */
export async function extractTexts(paths: string[], quiet: boolean, form: RecordForm, onText: (text: string) => Promise<void>, read: BatchRead = {}): Promise<BatchTally> {
  const options = read.options ?? DEFAULT_READ_OPTIONS;
  const { asTexts } = await import('../emit/record-text.js');
  return runFiles<{ texts: string[] }>(paths, quiet, read, { options, form }, async (file) => asTexts(await inProcess(file, options), form), async ({ texts }) => {
    for (const t of texts) await onText(t);
    return texts.length;
  });
}

/**
 * Reads a batch for `notices check`: each document's own findings, located, and its corpus view
 * (src/check/corpus-view.ts), made where the file was read, so the main thread neither parses whole
 * records nor cuts them down.
 */
export async function checkBatch(paths: string[], quiet: boolean, onDocument: (d: CheckedDocument) => Promise<void>, read: BatchRead = {}): Promise<BatchTally> {
  const options = read.options ?? DEFAULT_READ_OPTIONS;
  const { checkedDocuments } = await import('../check/corpus-view.js');
  return runFiles<{ documents: CheckedDocument[] }>(paths, quiet, read, { options, form: 'check' }, async (file) => checkedDocuments(await inProcess(file, options)), async ({ documents }) => {
    for (const d of documents) await onDocument(d);
    return documents.length;
  });
}

// the pipeline (and every library it needs) loads only where a file is read: not for `--help`, and
// not in this thread when the files go to the worker pool (each worker loads its own)
const inProcess = async (file: string, options: ReadOptions): Promise<FileResult> => (await import('../../pipelines/document.js')).processFile(file, undefined, options);

/**
 * The batch loop shared by both: expands the paths, runs every file (`task` is what a worker gets
 * besides the path, `runHere` what runs a file in this thread), reports failures in input order and
 * hands each success to `take`, which says how many documents it held.
 */
async function runFiles<T>(
  paths: string[],
  quiet: boolean,
  read: BatchRead,
  task: Record<string, unknown>,
  runHere: (file: string) => Promise<Outcome<T>>,
  take: (result: { ok: true; path: string } & T) => Promise<number>,
): Promise<BatchTally> {
  const { files, failures, skipped } = await expandPaths(paths);
  failures.forEach(reportFailure);
  const tally: BatchTally = { ...emptyTally(), files: files.length, failed: failures.length, skipped };
  const bar = progress(files.length, quiet);
  for await (const result of runBatch<T>(files, runHere, { ...read.batch, task })) {
    bar.tick(result.path);
    if (!result.ok) {
      bar.end();
      reportFailure(result);
      tally.failed++;
      continue;
    }
    tally.documents += await take(result);
  }
  bar.end();
  return tally;
}

/** The line the summary names the files skipped by, for callers that print it on its own. */
export const skippedLine = (tally: BatchTally): string | null => describeSkipped(tally.skipped);

export async function handler(argv: ArgumentsCamelCase<Args>): Promise<void> {
  const records: NoticeRecord[] = [];
  const { jsonlFile, jsonlStdout } = await import('../emit/jsonl.js');
  const sink: JsonlSink | null = argv.format === 'jsonl' ? (argv.out ? await jsonlFile(join(argv.out, 'notices.jsonl')) : jsonlStdout()) : null;
  if (argv.format === 'sqlite' && !argv.out) {
    process.stderr.write('notices: --format sqlite needs --out DIR\n');
    process.exitCode = 2;
    return;
  }
  if (argv.format === 'sqlite' && !(await sqliteUsable())) return;
  // JSON on stdout is streamed element by element too (the same bytes as one JSON.stringify)
  const array = argv.format === 'json' && !argv.out ? (await import('../emit/json-array.js')).jsonArrayWriter(process.stdout) : null;
  const read: BatchRead = { ...batchRead(argv), options: { ...limitsFor(argv['max-bytes']), ocr: argv.ocr, ocrMaxPages: argv['ocr-max-pages'], validate: argv.validate } };
  // records that are only written out arrive as text; the JSON files of --out and the store need them as values
  const tally = sink
    ? await extractTexts(argv.paths, argv.quiet, 'jsonl', (line) => sink.writeLine(line), read)
    : array
      ? await extractTexts(argv.paths, argv.quiet, 'json-array', (element) => array.writeElement(element), read)
      : await extractBatch(argv.paths, argv.quiet, async (r) => void records.push(r), read);
  await sink?.close();
  await array?.close();
  if (argv.format === 'json') {
    if (argv.out) {
      const { writeRecords } = await import('../emit/json.js');
      await writeRecords(argv.out, records);
      const all = await jsonlFile(join(argv.out, 'notices.jsonl'));
      for (const r of records) await all.write(r);
      await all.close();
    }
  }
  const n = records.length || tally.documents;
  let wrote = `${n} record${n === 1 ? '' : 's'} to ${argv.out ? join(argv.out, argv.format === 'jsonl' ? 'notices.jsonl' : '') : 'stdout'}`;
  if (argv.format === 'sqlite') {
    const file = join(argv.out!, 'notices.sqlite');
    const { storeBatch } = await import('../emit/store-batch.js');
    const stored = await storeBatch(file, records, argv.analyse);
    wrote = `${stored.documents} documents, ${stored.findings} cross-document findings and ${stored.diffs} diffs to ${file}`;
  }
  printSummary(argv.quiet, !argv.out, tally, wrote);
  if (tally.failed) process.exitCode = 1;
}

/** Says what to install before extracting anything, when SQLite output is asked for and better-sqlite3 is not usable. */
async function sqliteUsable(): Promise<boolean> {
  const { sqliteDriver } = await import('../emit/sqlite-driver.js');
  try {
    sqliteDriver();
    return true;
  } catch (e) {
    process.stderr.write(`notices: ${(e as Error).message}\n`);
    process.exitCode = 2;
    return false;
  }
}
