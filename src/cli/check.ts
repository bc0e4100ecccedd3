import type { Argv, ArgumentsCamelCase } from 'yargs';
import type { LocatedFinding } from '../../schemas/finding.js';
import type { NoticeRecord } from '../../schemas/notice.js';
import { batchRead, checkBatch, withBatchOptions } from './extract.js';
import { maxBytesOption, pathsPositional, quietOption, wholeNumber } from './options.js';
import { printSummary } from './summary.js';

interface Args {
  paths: string[];
  format: 'text' | 'json' | 'sarif';
  'max-warnings': number;
  quiet: boolean;
  jobs?: number;
  timeout: number;
  'max-bytes': number;
}

export const command = 'check <paths..>';
export const describe = 'Check tables and figures within and across the given notices';

export const builder = (y: Argv) =>
  withBatchOptions(y)
    .positional('paths', pathsPositional('files or folders; include the national notice for allocation checks'))
    .option('format', {
      choices: ['text', 'json', 'sarif'] as const,
      default: 'text' as const,
      describe: 'text (default: findings by document, sorted by line, and a summary), json (an array of findings) or sarif (SARIF 2.1.0)',
    })
    .option('max-warnings', { type: 'string', default: -1, coerce: wholeNumber('max-warnings', -1), describe: 'exit 1 when there are more warnings than this (default -1: no limit)' })
    .option('quiet', quietOption)
    .option('max-bytes', maxBytesOption);

export async function handler(argv: ArgumentsCamelCase<Args>): Promise<void> {
  const { checkCorpus } = await import('../check/run.js');
  // JSON streams each document's findings as it is read; text and SARIF need them all first
  const stream = argv.format === 'json' ? (await import('../emit/json-array.js')).jsonArrayWriter(process.stdout) : null;
  const findings: LocatedFinding[] = [];
  const views: NoticeRecord[] = [];
  const count = { error: 0, warning: 0, info: 0 };
  const found = async (f: LocatedFinding) => {
    count[f.severity]++;
    if (stream) await stream.write(f);
    else findings.push(f);
  };
  const tally = await checkBatch(
    argv.paths,
    argv.quiet,
    async (d) => {
      for (const f of d.findings) await found(f);
      views.push(d.view); // the corpus rules need only this much of each document
    },
    batchRead(argv),
  );
  for (const f of checkCorpus(views)) await found(f);
  if (stream) await stream.close();
  else if (argv.format === 'sarif') {
    const { formatSarif } = await import('../check/format/sarif.js');
    process.stdout.write(JSON.stringify(formatSarif(findings), null, 2) + '\n');
  } else {
    const { formatText } = await import('../check/format/text.js');
    process.stdout.write(formatText(findings, { colour: !!process.stdout.isTTY, unreadable: tally.failed }));
  }
  printSummary(argv.quiet, true, tally, `${count.error + count.warning + count.info} findings (${count.error} errors, ${count.warning} warnings) to stdout`);
  if (count.error || tally.failed || (argv['max-warnings'] >= 0 && count.warning > argv['max-warnings'])) process.exitCode = 1;
}
