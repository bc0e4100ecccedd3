import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonSchemas } from '../../schemas/index.js';
import { NoticeRecord } from '../../schemas/notice.js';
import { keyOrderModule, orderOf } from '../check/key-order.js';

/** Regenerates schemas/*.schema.json and src/check/notice-key-order.ts from the zod schemas (`npm run schemas`). */
const root = new URL('../../..', import.meta.url).pathname;
const dir = join(root, 'schemas');
for (const [name, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(join(dir, `${name}.schema.json`), JSON.stringify(schema, null, 2) + '\n');
  process.stdout.write(`schemas/${name}.schema.json\n`);
}
writeFileSync(join(root, 'src', 'check', 'notice-key-order.ts'), keyOrderModule('NOTICE_KEY_ORDER', orderOf(NoticeRecord), 'schemas/notice.ts'));
process.stdout.write('src/check/notice-key-order.ts\n');
