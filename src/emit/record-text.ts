import type { Result } from '../util/result.js';
import { jsonArrayElement } from './json-array.js';
import { jsonlLine } from './jsonl.js';

/**
 * The text forms a batch writes records in as they come: a JSON Lines line, or an element of the
 * JSON array printed on stdout. A worker of the pool serialises its records in the form the batch
 * writes, so the main thread only writes strings in input order (no JSON.parse of the worker's
 * answer, no second JSON.stringify); files read in the main thread go through the same function.
 */
export type RecordForm = 'jsonl' | 'json-array';

/** A file's records as text, one string per document, in document order. */
export type TextOutcome = Result<{ path: string; texts: string[] }>;

const SERIALISERS: Record<RecordForm, (record: unknown) => string> = { jsonl: jsonlLine, 'json-array': jsonArrayElement };

export function asTexts(result: Result<{ path: string; records: readonly unknown[] }>, form: RecordForm): TextOutcome {
  if (!result.ok) return result;
  return { ok: true, path: result.path, texts: result.records.map(SERIALISERS[form]) };
}
