import type { Argv, ArgumentsCamelCase } from 'yargs';
import type { DiffRecord } from '../../schemas/diff.js';
import type { NoticeRecord } from '../../schemas/notice.js';
import { batchOptions, extractBatch, withBatchOptions } from './extract.js';

interface Args {
  paths: string[];
  format: 'json' | 'csv' | 'html';
  quiet: boolean;
  jobs?: number;
  timeout: number;
}

export const command = 'compare <paths..>';
export const describe = 'One row per notice: province, targets, subsidies, key regions, similarity to the national notice';

export const builder = (y: Argv) =>
  withBatchOptions(y)
    .positional('paths', { type: 'string', array: true, demandOption: true, describe: 'files or folders; include the national notice for similarity' })
    .option('format', { choices: ['json', 'csv', 'html'] as const, default: 'json' as const })
    .option('quiet', { type: 'boolean', default: false });

export async function handler(argv: ArgumentsCamelCase<Args>): Promise<void> {
  const records: NoticeRecord[] = [];
  const failed = await extractBatch(argv.paths, argv.quiet, async (r) => void records.push(r), batchOptions(argv));
  const [{ formatCsv, formatHtml }, { compareRows }, { diffRecords }] = await Promise.all([import('../compare/format.js'), import('../compare/rows.js'), import('../diff/index.js')]);
  const national = records.find((r) => r.level === 'national');
  const diffs = new Map<NoticeRecord, DiffRecord>();
  if (national) for (const r of records) if (r !== national && r.level !== 'national') diffs.set(r, diffRecords(national, r));
  const rows = compareRows(records, diffs);
  if (argv.format === 'csv') process.stdout.write(formatCsv(rows));
  else if (argv.format === 'html') process.stdout.write(formatHtml(rows));
  else process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
  if (failed) process.exitCode = 1;
}
