import type { Argv } from 'yargs';
import { quietOption } from './options.js';
import { printSummary } from './summary.js';

export const command = 'schema';
export const describe = 'Print the JSON Schemas of the records (notice, finding, diff)';
export const builder = (y: Argv) => y.option('quiet', { ...quietOption, describe: 'no summary line on stderr' });
export async function handler(argv: { quiet: boolean }): Promise<void> {
  const { jsonSchemas } = await import('../../schemas/index.js');
  const { SCHEMA_REVISION, SCHEMA_VERSION } = await import('../../schemas/common.js');
  const schemas = jsonSchemas();
  process.stdout.write(JSON.stringify(schemas, null, 2) + '\n');
  // like every verb, one line on stderr: it reads no input, so the line says what it wrote
  const names = Object.keys(schemas);
  printSummary(argv.quiet, true, null, `${names.length} JSON Schemas (${names.join(', ')}; schema version ${SCHEMA_VERSION}, revision ${SCHEMA_REVISION}) to stdout`);
}
