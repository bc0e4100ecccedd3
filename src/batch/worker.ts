import { processFile, type FileResult } from '../../pipelines/document.js';
import type { ReadOptions } from '../read/options.js';

/** One file's lifecycle in a worker thread of the batch pool (src/batch/run.ts). */
export default function extractFile(task: { path: string; options?: ReadOptions }): Promise<FileResult> {
  return processFile(task.path, undefined, task.options);
}
