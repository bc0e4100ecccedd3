import { processFile, type FileResult } from '../../pipelines/document.js';
import type { ReadLimits } from '../read/limits.js';

/** One file's lifecycle in a worker thread of the batch pool (src/batch/run.ts). */
export default function extractFile(task: { path: string; limits?: ReadLimits }): Promise<FileResult> {
  return processFile(task.path, undefined, task.limits);
}
