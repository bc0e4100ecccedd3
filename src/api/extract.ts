import { processFile } from '../../pipelines/document.js';
import { DEFAULT_READ_OPTIONS, readOptionsFor, type ReadOptions, type ValidateMode } from '../read/options.js';
import type { NoticeRecord } from '../../schemas/notice.js';
import { expandPaths } from '../cli/paths.js';
import { fail, type Failure } from '../util/result.js';
import { inOrder, type BatchItem } from './in-order.js';
import { runBatch } from '../batch/run.js';

/** The records of one file: a file may hold several documents (a notice and the one it forwards). */
export interface Extracted {
  ok: true;
  path: string;
  /** validated against the `NoticeRecord` schema, in document order */
  records: NoticeRecord[];
}

/**
 * One file's outcome: its records, or a {@link Failure} — empty, binary, unreadable, not a
 * notice, a truncated PDF: the values the CLI reports as `notices: <path>: <reason>`.
 */
export type ExtractResult = Extracted | Failure;

/** A file already in memory: `path` names it in the records (`source.path`) and, with the content, picks the reader. */
export interface FileInput {
  path: string;
  bytes: Uint8Array;
}

/** Options of {@link extractFile}. */
export interface ExtractOptions {
  /** Cancels the call: when already aborted, the promise rejects with the signal's reason instead of reading. */
  signal?: AbortSignal;
  /**
   * Read scanned PDF pages and images (`.png`, `.jpg`, `.tif`) by OCR; when false they fail as
   * unreadable instead.
   * @defaultValue `true`
   */
  ocr?: boolean;
  /**
   * OCR at most this many pages per file; the rest are listed in `source.ocrSkippedPages`.
   * @defaultValue `20`
   */
  ocrMaxPages?: number;
  /**
   * Refuse a file larger than this many bytes (and a DOCX/OFD that unpacks to more), with a
   * failure naming the limit (the CLI's `--max-bytes`).
   * @defaultValue `50000000`
   */
  maxBytes?: number;
  /**
   * Which records are checked against the `NoticeRecord` schema: every one, a sample of files
   * (1 in 16, chosen by content hash), or none. Records are the same either way; one that fails
   * carries a `record-invalid` error finding. Unset: the `NOTICES_VALIDATE` environment variable, else `'sample'`.
   */
  validate?: ValidateMode;
}

/** The reader's options from an API call's: size limits, OCR on and its page limit, defaults where not given. */
function readOptions(options: ExtractOptions): ReadOptions {
  return {
    ...readOptionsFor(options.maxBytes),
    ocr: options.ocr ?? DEFAULT_READ_OPTIONS.ocr,
    ocrMaxPages: options.ocrMaxPages ?? DEFAULT_READ_OPTIONS.ocrMaxPages,
    ...(options.validate ? { validate: options.validate } : {}),
  };
}

/** Options of {@link extractText}. */
export interface ExtractTextOptions extends ExtractOptions {
  /**
   * The name recorded as each record's `source.path`. The reader is chosen as for a file: from
   * the content (a page opening with `<html>` or a doctype is HTML) and then from this name's
   * extension (`.md` Markdown, `.html` a web page fragment, anything else plain text).
   * @defaultValue `'<text>'`
   */
  path?: string;
}

/** Options of {@link extractFiles}. */
export interface ExtractFilesOptions extends ExtractOptions {
  /**
   * Checked between files: once aborted, the iterator rejects with the signal's reason and starts
   * no further file. (Breaking out of the `for await` loop stops the batch too.)
   */
  signal?: AbortSignal;
  /**
   * Worker threads: with more than one, a batch of 8 files or more is read by a worker pool, each
   * file isolated (a crash or a time-out becomes that file's failure). Results stay in input order.
   * @defaultValue `1` (in this thread)
   */
  jobs?: number;
  /**
   * With `jobs` > 1: the time budget per file in milliseconds; a file over it becomes a failure.
   * @defaultValue `60000`
   */
  timeoutMs?: number;
}

/**
 * Extracts every notice in one file — `.txt`, `.md`, `.pdf`, `.html`, `.docx`, `.doc`, `.wps`,
 * `.ofd` or an image (by OCR), text in UTF-8 or GB18030 — or in bytes you already hold. Resolves to the records, or to a failure value; it
 * does not reject for bad input.
 *
 * @param input a file path, or `{ path, bytes }` for content already in memory
 */
export async function extractFile(input: string | FileInput, options: ExtractOptions = {}): Promise<ExtractResult> {
  options.signal?.throwIfAborted();
  const { path, bytes } = typeof input === 'string' ? { path: input, bytes: undefined } : input;
  try {
    return await processFile(path, bytes, readOptions(options));
  } catch (e) {
    return fail(path, `internal error while extracting: ${(e as Error)?.message ?? e}`);
  }
}

/**
 * Extracts the notices in a string (the text of a notice, Markdown, or a page's HTML).
 *
 * @param text the content, as it would be in a file
 */
export function extractText(text: string, options: ExtractTextOptions = {}): Promise<ExtractResult> {
  const { path = '<text>', ...rest } = options;
  return extractFile({ path, bytes: new TextEncoder().encode(text) }, rest);
}

/**
 * Extracts a batch: files, and folders walked for notice files (sorted by name, hidden entries
 * skipped). Yields one result per file, in input order, failures included — a path that does not
 * exist or a folder without notice files is a failure in its place.
 *
 * @param paths a file or folder, or several
 *
 * @example
 * for await (const result of extractFiles(['notices/'])) {
 *   if (result.ok) save(result.records);
 *   else console.error(`${result.path}: ${result.reason}`);
 * }
 */
export async function* extractFiles(paths: string | Iterable<string>, options: ExtractFilesOptions = {}): AsyncGenerator<ExtractResult> {
  const items = await batchItems(typeof paths === 'string' ? [paths] : [...paths]);
  const read = readOptions(options);
  if ((options.jobs ?? 1) <= 1) {
    yield* inOrder(items, (file) => processFile(file, undefined, read), { window: 1, signal: options.signal });
    return;
  }
  // the worker pool of the CLI's batches: files in input order, failures of the paths in their place
  const files = items.filter((i): i is string => typeof i === 'string');
  const pooled = runBatch<{ records: NoticeRecord[] }>(files, (file) => processFile(file, undefined, read), { jobs: options.jobs, timeoutMs: options.timeoutMs, task: { options: read } });
  try {
    for (const item of items) {
      options.signal?.throwIfAborted();
      if (typeof item !== 'string') yield item;
      else yield (await pooled.next()).value as ExtractResult;
    }
  } finally {
    await pooled.return(undefined); // a caller that stops early closes the pool
  }
}

/** Each input path in turn: its files, or the failure it gave, so failures keep their place. */
async function batchItems(paths: string[]): Promise<BatchItem[]> {
  const items: BatchItem[] = [];
  for (const path of paths) {
    const { files, failures } = await expandPaths([path]);
    items.push(...failures, ...files);
  }
  return items;
}
