import type { Argv, ArgumentsCamelCase } from 'yargs';
import type { NoticeRecord } from '../../schemas/notice.js';
import { batchOptions, extractBatch, withBatchOptions } from './extract.js';

interface Args {
  paths: string[];
  format: 'text' | 'json' | 'sarif';
  'max-warnings': number;
  quiet: boolean;
  jobs?: number;
  timeout: number;
}

export const command = 'check <paths..>';
export const describe = 'Check tables and figures within and across the given notices';

export const builder = (y: Argv) =>
  withBatchOptions(y)
    .positional('paths', { type: 'string', array: true, demandOption: true, describe: 'files or folders; include the national notice for allocation checks' })
    .option('format', { choices: ['text', 'json', 'sarif'] as const, default: 'text' as const })
    .option('max-warnings', { type: 'number', default: -1, describe: 'exit 1 when there are more warnings than this (-1: no limit)' })
    .option('quiet', { type: 'boolean', default: false });

export async function handler(argv: ArgumentsCamelCase<Args>): Promise<void> {
  const records: NoticeRecord[] = [];
  const failed = await extractBatch(argv.paths, argv.quiet, async (r) => void records.push(r), batchOptions(argv));
  const { checkAll } = await import('../check/run.js');
  const findings = checkAll(records);
  if (argv.format === 'json') process.stdout.write(JSON.stringify(findings, null, 2) + '\n');
  else if (argv.format === 'sarif') {
    const { formatSarif } = await import('../check/format/sarif.js');
    process.stdout.write(JSON.stringify(formatSarif(findings), null, 2) + '\n');
  } else {
    const { formatText } = await import('../check/format/text.js');
    process.stdout.write(formatText(findings, !!process.stdout.isTTY));
  }
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  if (errors || failed || (argv['max-warnings'] >= 0 && warnings > argv['max-warnings'])) process.exitCode = 1;
}
