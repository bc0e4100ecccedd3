import type { Argv, ArgumentsCamelCase } from 'yargs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { NoticeRecord } from '../../schemas/notice.js';
import { extractBatch } from './extract.js';
import { pathsPositional, quietOption } from './options.js';
import { printSummary } from './summary.js';

interface Args {
  paths: string[];
  out?: string;
  quiet: boolean;
}

export const command = 'report <paths..>';
export const describe = "The researchers' report: one self-contained HTML page with the overview, charts, clause adoption matrix and per-notice findings and diffs";

export const builder = (y: Argv) =>
  y
    .positional('paths', pathsPositional('files or folders: national notices and the notices that implement them'))
    .option('out', { type: 'string', describe: 'write the page to this file (default: stdout)' })
    .option('quiet', quietOption)
    .example('$0 report seeds --out out/report.html', 'the report of the seeds');

export async function handler(argv: ArgumentsCamelCase<Args>): Promise<void> {
  const records: NoticeRecord[] = [];
  const tally = await extractBatch(argv.paths, argv.quiet, async (r) => void records.push(r));
  // the report's modules (charts, model) load here, not at start-up
  const { renderReport } = await import('../report/index.js');
  const html = await renderReport({ records });
  if (argv.out) {
    await mkdir(dirname(argv.out), { recursive: true });
    await writeFile(argv.out, html);
  } else process.stdout.write(html);
  printSummary(argv.quiet, !argv.out, tally, `the report (${Math.round(Buffer.byteLength(html) / 1024)} KB) to ${argv.out ?? 'stdout'}`);
  if (tally.failed) process.exitCode = 1;
}
