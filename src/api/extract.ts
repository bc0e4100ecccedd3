import { processFile } from '../../pipelines/document.js';
import type { NoticeRecord } from '../../schemas/notice.js';
import { expandPaths } from '../cli/paths.js';
import { fail, type Failure } from '../util/result.js';
import { inOrder, type BatchItem } from './in-order.js';

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
  // A worker pool (`jobs`) belongs here: see `inOrder` (src/api/in-order.ts), whose `window` and
  // runner are the two things a pool changes; results stay in input order.
}

/**
 * Extracts every notice in one file — `.txt`, `.md`, `.pdf`, `.html` or `.docx`, UTF-8 or
 * GB18030 — or in bytes you already hold. Resolves to the records, or to a failure value; it
 * does not reject for bad input.
 *
 * @param input a file path, or `{ path, bytes }` for content already in memory
 */
export async function extractFile(input: string | FileInput, options: ExtractOptions = {}): Promise<ExtractResult> {
  options.signal?.throwIfAborted();
  const { path, bytes } = typeof input === 'string' ? { path: input, bytes: undefined } : input;
  try {
    return await processFile(path, bytes);
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
  yield* inOrder(items, (file) => processFile(file), { window: 1, signal: options.signal });
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
