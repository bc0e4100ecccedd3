
export const command = 'schema';
export const describe = 'Print the JSON Schemas of the records (notice, finding, diff)';
export const builder = {};
export async function handler(): Promise<void> {
  const { jsonSchemas } = await import('../../schemas/index.js');
  process.stdout.write(JSON.stringify(jsonSchemas(), null, 2) + '\n');
}
