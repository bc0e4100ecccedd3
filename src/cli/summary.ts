import { fstatSync } from 'node:fs';
import { describeSkipped } from './paths.js';

/** What a batch came to: the CLI's one summary line is made from it. */
export interface BatchTally {
  /** files read (failures included) */
  files: number;
  /** documents extracted from them */
  documents: number;
  /** inputs that could not be read (each already reported on its own line) */
  failed: number;
  /** files a folder walk passed over (not a notice format) */
  skipped: string[];
}

export const emptyTally = (): BatchTally => ({ files: 0, documents: 0, failed: 0, skipped: [] });

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * `notices: read 4 files (5 documents); wrote 5 records to out/; 1 file failed; skipped 2 files of
 * unknown type: .exe, .json` — one line: what the verb read, wrote and skipped.
 */
export function summaryLine(tally: BatchTally | null, wrote: string): string {
  // a verb that reads no input (schema) says only what it wrote
  if (!tally) return `notices: wrote ${wrote}`;
  const parts = [`read ${plural(tally.files, 'file')} (${plural(tally.documents, 'document')})`, `wrote ${wrote}`];
  if (tally.failed) parts.push(`${plural(tally.failed, 'input')} could not be read`);
  const skipped = describeSkipped(tally.skipped);
  if (skipped) parts.push(skipped);
  return `notices: ${parts.join('; ')}`;
}

/**
 * Whether to print the summary: not with --quiet, and not when stdout flows into another program
 * (`notices check … | jq`): there the output is the next program's input, and a line on stderr
 * would land in the middle of what that program prints. To a terminal, a file or `--out`: yes.
 */
export function wantsSummary(quiet: boolean, wroteToStdout: boolean): boolean {
  if (quiet) return false;
  return !(wroteToStdout && stdoutIsPipe());
}

function stdoutIsPipe(): boolean {
  try {
    const info = fstatSync(1);
    return info.isFIFO() || info.isSocket();
  } catch {
    return false;
  }
}

export function printSummary(quiet: boolean, wroteToStdout: boolean, tally: BatchTally | null, wrote: string): void {
  if (wantsSummary(quiet, wroteToStdout)) process.stderr.write(summaryLine(tally, wrote) + '\n');
}
