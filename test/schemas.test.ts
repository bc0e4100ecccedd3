import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchemas, SCHEMA_REVISION, SCHEMA_VERSION } from '../schemas/index.js';
import { root } from './helpers/context.js';

describe('published JSON Schemas', () => {
  const generated = jsonSchemas();
  for (const [name, schema] of Object.entries(generated)) {
    it(`schemas/${name}.schema.json is up to date (run \`npm run schemas\`)`, () => {
      const onDisk = JSON.parse(readFileSync(join(root, 'schemas', `${name}.schema.json`), 'utf8'));
      expect(onDisk).toEqual(schema);
    });
  }

  it('a schema change comes with a new revision (schemas/revisions.json)', () => {
    // To change a schema: bump SCHEMA_REVISION in schemas/common.ts and add its hash here;
    // a renamed or dropped field also bumps SCHEMA_VERSION (the contract version).
    const revisions = JSON.parse(readFileSync(join(root, 'schemas', 'revisions.json'), 'utf8')) as Record<string, { schemaVersion: string; sha256: string }>;
    const hash = createHash('sha256').update(JSON.stringify(generated)).digest('hex');
    expect(Math.max(...Object.keys(revisions).map(Number))).toBe(SCHEMA_REVISION);
    expect(revisions[SCHEMA_REVISION]).toEqual({ schemaVersion: SCHEMA_VERSION, sha256: hash });
    const hashes = Object.values(revisions).map((r) => r.sha256);
    expect(new Set(hashes).size).toBe(hashes.length);
  });
});
