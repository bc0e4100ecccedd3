import { processFile } from '../../pipelines/document.js';
import type { ReadOptions } from '../read/options.js';
import { asTexts, type RecordForm, type TextOutcome } from '../emit/record-text.js';
import { checkedDocuments } from '../check/corpus-view.js';

/**
 * One file's lifecycle in a worker thread of the batch pool (src/batch/run.ts). With a `form`, the
 * records go back as the text the batch writes (a few strings per file: the main thread writes
 * them as they are); with 'check', as what `notices check` keeps of each document (its located
 * findings and corpus view, as JSON: a fraction of the record). Without, the outcome goes back as
 * one JSON string: a string crosses threads as one copy, where an object graph (a record's hundreds
 * of small objects) is cloned field by field.
 */
export default async function extractFile(task: { path: string; options?: ReadOptions; form?: RecordForm | 'check' }): Promise<string | TextOutcome> {
  const result = await processFile(task.path, undefined, task.options);
  if (task.form === 'check') return JSON.stringify(checkedDocuments(result));
  return task.form ? asTexts(result, task.form) : JSON.stringify(result);
}
