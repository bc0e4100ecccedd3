import type { Argv, ArgumentsCamelCase } from 'yargs';
import { join } from 'node:path';
import type { NoticeRecord } from '../../schemas/notice.js';
import type { JsonlSink } from '../emit/jsonl.js';
import type { FileResult } from '../../pipelines/document.js';
import { DEFAULT_TIMEOUT_MS, defaultJobs, runBatch, type BatchOptions } from '../batch/run.js';
import { limitsFor } from '../read/limits.js';
import { DEFAULT_READ_OPTIONS, readOptionsFor, type ReadOptions } from '../read/options.js';
import { maxBytesOption, pathsPositional, positiveNumber, quietOption, wholeNumber } from './options.js';
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
    });

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
export const batchRead = (argv: { jobs?: number; timeout?: number; 'max-bytes'?: number }): BatchRead => ({ batch: batchOptions(argv), options: readOptionsFor(argv['max-bytes']) });

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
  const { files, failures, skipped } = await expandPaths(paths);
  failures.forEach(reportFailure);
  const tally: BatchTally = { ...emptyTally(), files: files.length, failed: failures.length, skipped };
  const bar = progress(files.length, quiet);
  // the pipeline (and every library it needs) loads only where a file is read: not for `--help`, and
  // not in this thread when the files go to the worker pool (each worker loads its own)
  const inProcess = async (file: string): Promise<FileResult> => (await import('../../pipelines/document.js')).processFile(file, undefined, options);
  for await (const result of runBatch<{ records: NoticeRecord[] }>(files, inProcess, { ...read.batch, task: { options } })) {
    bar.tick(result.path);
    if (!result.ok) {
      bar.end();
      reportFailure(result);
      tally.failed++;
      continue;
    }
    tally.documents += result.records.length;
    for (const r of result.records) await onRecord(r);
  }
  bar.end();
  return tally;
}

/** The line the summary names the files skipped by, for callers that print it on its own. */
export const skippedLine = (tally: BatchTally): string | null => describeSkipped(tally.skipped);

export async function handler(argv: ArgumentsCamelCase<Args>): Promise<void> {
  const records: NoticeRecord[] = [];
  const { jsonlFile, jsonlStdout } = await import('../emit/jsonl.js');
  let sink: JsonlSink | null = null;
  if (argv.format === 'jsonl') sink = argv.out ? await jsonlFile(join(argv.out, 'notices.jsonl')) : jsonlStdout();
  if (argv.format === 'sqlite' && !argv.out) {
    process.stderr.write('notices: --format sqlite needs --out DIR\n');
    process.exitCode = 2;
    return;
  }
  if (argv.format === 'sqlite' && !(await sqliteUsable())) return;
  // JSON on stdout is streamed element by element too (the same bytes as one JSON.stringify)
  const array = argv.format === 'json' && !argv.out ? (await import('../emit/json-array.js')).jsonArrayWriter(process.stdout) : null;
  const tally = await extractBatch(
    argv.paths,
    argv.quiet,
    async (r) => {
      if (sink) await sink.write(r);
      else if (array) await array.write(r);
      else records.push(r);
    },
    { ...batchRead(argv), options: { ...limitsFor(argv['max-bytes']), ocr: argv.ocr, ocrMaxPages: argv['ocr-max-pages'] } },
  );
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
