import type { Argv, ArgumentsCamelCase } from 'yargs';
import type { NoticeRecord } from '../../schemas/notice.js';
import { batchRead, extractBatch, withBatchOptions } from './extract.js';
import { maxBytesOption } from './options.js';

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
    .positional('paths', { type: 'string', array: true, demandOption: true, describe: 'files or folders; include the national notice for similarity' })
    .option('format', { choices: ['json', 'csv', 'html'] as const, default: 'json' as const })
    .option('quiet', { type: 'boolean', default: false })
    .option('max-bytes', maxBytesOption);

export async function handler(argv: ArgumentsCamelCase<Args>): Promise<void> {
  const records: NoticeRecord[] = [];
  const failed = await extractBatch(argv.paths, argv.quiet, async (r) => void records.push(r), batchRead(argv));
  // loaded here, not at start-up (`--help` stays instant)
  const [{ compare }, { formatCsv, formatHtml }] = await Promise.all([import('../api/analyse.js'), import('../compare/format.js')]);
  const rows = compare(records);
  if (argv.format === 'csv') process.stdout.write(formatCsv(rows));
  else if (argv.format === 'html') process.stdout.write(formatHtml(rows));
  else process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
  if (failed) process.exitCode = 1;
}
