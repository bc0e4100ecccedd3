import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import * as check from './check.js';
import * as compare from './compare.js';
import * as diff from './diff.js';
import * as extract from './extract.js';
import * as report from './report-verb.js';
import * as schema from './schema.js';

/** `notices <verb>`: one yargs command module per verb. */
export async function main(argv = hideBin(process.argv)): Promise<void> {
  await yargs(argv)
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
    .help()
    .fail((msg, err) => {
      // yargs reports a bad option value (a failed coerce) as a YError: usage, not an internal error
      if (err && err.name !== 'YError') throw err;
      if (err) msg = err.message;
      process.stderr.write(`notices: ${msg}\nRun \`notices --help\` for usage.\n`);
      process.exit(2);
    })
    .parseAsync();
}
