import type { Argv, ArgumentsCamelCase } from 'yargs';
import type { NoticeRecord } from '../../schemas/notice.js';
import { batchRead, extractBatch, withBatchOptions } from './extract.js';
import { maxBytesOption, pathsPositional, quietOption } from './options.js';
import { printSummary } from './summary.js';

interface Args {
  paths: string[];
  format: 'json' | 'csv' | 'html';
  quiet: boolean;
  jobs?: number;
  timeout: number;
  'max-bytes': number;
}

export const command = 'compare <paths..>';
export const describe = 'One row per notice: province, targets against the national allocation, subsidies, key regions, similarity, clause counts, findings';

export const builder = (y: Argv) =>
  withBatchOptions(y)
    .positional('paths', pathsPositional('files or folders; include the national notice for similarity'))
    .option('format', { choices: ['json', 'csv', 'html'] as const, default: 'json' as const, describe: 'json (default: every field), csv (UTF-8 with BOM, for spreadsheets) or html (a sortable table)' })
    .option('quiet', quietOption)
    .option('max-bytes', maxBytesOption);

export async function handler(argv: ArgumentsCamelCase<Args>): Promise<void> {
  const records: NoticeRecord[] = [];
  const tally = await extractBatch(argv.paths, argv.quiet, async (r) => void records.push(r), batchRead(argv));
  // loaded here, not at start-up (`--help` stays instant)
  const [{ compare }, { formatCsv, formatHtml }] = await Promise.all([import('../api/analyse.js'), import('../compare/format.js')]);
  const rows = compare(records);
  if (argv.format === 'csv') process.stdout.write(formatCsv(rows));
  else if (argv.format === 'html') process.stdout.write(formatHtml(rows));
  else process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
  printSummary(argv.quiet, true, tally, `${rows.length} rows to stdout (${argv.format})`);
  if (tally.failed) process.exitCode = 1;
}
