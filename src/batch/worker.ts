import { processFile, type FileResult } from '../../pipelines/document.js';

/** One file's lifecycle in a worker thread of the batch pool (src/batch/run.ts). */
export default function extractFile(path: string): Promise<FileResult> {
  return processFile(path);
}
