import type { Argv, ArgumentsCamelCase } from 'yargs';
import type { LocatedFinding } from '../../schemas/finding.js';
import type { NoticeRecord } from '../../schemas/notice.js';
import { batchRead, extractBatch, withBatchOptions } from './extract.js';
import { maxBytesOption } from './options.js';

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
    .positional('paths', { type: 'string', array: true, demandOption: true, describe: 'files or folders; include the national notice for allocation checks' })
    .option('format', { choices: ['text', 'json', 'sarif'] as const, default: 'text' as const })
    .option('max-warnings', { type: 'number', default: -1, describe: 'exit 1 when there are more warnings than this (-1: no limit)' })
    .option('quiet', { type: 'boolean', default: false })
    .option('max-bytes', maxBytesOption);

export async function handler(argv: ArgumentsCamelCase<Args>): Promise<void> {
  const { checkCorpus, corpusView, locate } = await import('../check/run.js');
  // JSON streams each document's findings as it is read; text and SARIF need them all first
  const stream = argv.format === 'json' ? (await import('../emit/json-array.js')).jsonArrayWriter(process.stdout) : null;
  const findings: LocatedFinding[] = [];
  const views: NoticeRecord[] = [];
  const count = { error: 0, warning: 0 };
  const found = async (f: LocatedFinding) => {
    if (f.severity === 'error' || f.severity === 'warning') count[f.severity]++;
    if (stream) await stream.write(f);
    else findings.push(f);
  };
  const failed = await extractBatch(
    argv.paths,
    argv.quiet,
    async (r) => {
      for (const f of r.findings) await found(locate(r, f));
      views.push(corpusView(r)); // the corpus rules need only this much of each document
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
    process.stdout.write(formatText(findings, !!process.stdout.isTTY));
  }
  if (count.error || failed || (argv['max-warnings'] >= 0 && count.warning > argv['max-warnings'])) process.exitCode = 1;
}
