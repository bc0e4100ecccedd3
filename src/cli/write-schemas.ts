import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonSchemas } from '../../schemas/index.js';

/** Regenerates schemas/*.schema.json from the zod schemas (`npm run schemas`). */
const dir = join(new URL('../../..', import.meta.url).pathname, 'schemas');
for (const [name, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(join(dir, `${name}.schema.json`), JSON.stringify(schema, null, 2) + '\n');
  process.stdout.write(`schemas/${name}.schema.json\n`);
}
