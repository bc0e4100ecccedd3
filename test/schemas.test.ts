import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchemas, SCHEMA_VERSION } from '../schemas/index.js';
import { root } from './helpers/context.js';

describe('published JSON Schemas', () => {
  const generated = jsonSchemas();
  for (const [name, schema] of Object.entries(generated)) {
    it(`schemas/${name}.schema.json is up to date (run \`npm run schemas\`)`, () => {
      const onDisk = JSON.parse(readFileSync(join(root, 'schemas', `${name}.schema.json`), 'utf8'));
      expect(onDisk).toEqual(schema);
    });
  }
  it('a schema change comes with a schemaVersion bump', () => {
    // The snapshot pins the schemas to the version: changing a schema fails here until
    // SCHEMA_VERSION is bumped and the snapshot is updated (`npx vitest -u`).
    expect({ version: SCHEMA_VERSION, schemas: generated }).toMatchSnapshot();
  });
});
