import { jsonSchemas } from '../../schemas/index.js';

export const command = 'schema';
export const describe = 'Print the JSON Schemas of the records (notice, finding, diff)';
export const builder = {};
export function handler(): void {
  process.stdout.write(JSON.stringify(jsonSchemas(), null, 2) + '\n');
}
