import yargs, { type Argv } from 'yargs';
import { hideBin } from 'yargs/helpers';
import * as check from './check.js';
import * as compare from './compare.js';
import * as diff from './diff.js';
import * as extract from './extract.js';
import * as report from './report-verb.js';
import * as schema from './schema.js';
import { endQuietlyWhenPipeCloses, isClosedPipe } from './pipe.js';

/** `notices <verb>`: one yargs command module per verb. */
export async function main(argv = hideBin(process.argv)): Promise<void> {
  endQuietlyWhenPipeCloses();
  try {
    await cli(argv);
  } catch (e) {
    // a write that lost its race with the reader closing the pipe (an awaited write rejects)
    if (isClosedPipe(e)) process.exit(0);
    throw e;
  }
}

/** yargs 18 has `usageConfiguration`; the published types (17) do not declare it yet. */
type WithUsageConfiguration = Argv & { usageConfiguration(config: { 'hide-types': boolean }): Argv };

async function cli(argv: string[]): Promise<void> {
  // type labels ([array] [required] [default: []]) are the parser's business: each description says what an option takes
  await (yargs(argv) as WithUsageConfiguration)
    .usageConfiguration({ 'hide-types': true })
    .scriptName('notices')
    .command(extract)
    .command(diff)
    .command(check)
    .command(compare)
    .command(report)
    .command(schema)
    .command(await import('./serve.js'))
    .demandCommand(1, 'Name a command: extract, check, diff, compare, report or schema.')
    .strict()
    .recommendCommands()
    .help()
    .alias('help', 'h')
    .fail((msg, err) => {
      // yargs reports a bad option value (a failed coerce) as a YError: usage, not an internal error
      if (err && err.name !== 'YError') throw err;
      if (err) msg = err.message;
      process.stderr.write(`notices: ${plainUsage(msg)}\nRun \`notices --help\` for usage.\n`);
      process.exit(2);
    })
    .parseAsync();
}

/** yargs' parser words said as a user would: what is missing, not how many "non-option arguments". */
const USAGE_WORDS: [RegExp, string][] = [[/^Not enough non-option arguments: got 0, need at least \d+$/, 'name the file(s) or folder(s) to read']];

export const plainUsage = (msg: string): string => USAGE_WORDS.find(([re]) => re.test(msg))?.[1] ?? msg;
