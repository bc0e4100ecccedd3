import { processFile } from '../../pipelines/document.js';
import type { ReadOptions } from '../read/options.js';

/**
 * One file's lifecycle in a worker thread of the batch pool (src/batch/run.ts). The outcome goes
 * back as one JSON string: a string crosses threads as one copy, where an object graph (a record's
 * hundreds of small objects) is cloned field by field, and the outcome is plain JSON data already.
 */
export default async function extractFile(task: { path: string; options?: ReadOptions }): Promise<string> {
  return JSON.stringify(await processFile(task.path, undefined, task.options));
}
