import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchemas, SCHEMA_REVISION, SCHEMA_VERSION } from '../schemas/index.js';
import { root } from './helpers/context.js';

/**
 * Every property a reader meets in a JSON Schema says what it holds: the paths of those that do
 * not (`notice.targets[].metric`), walking objects, array items, records and anyOf branches.
 */
function undescribedFields(schema: unknown, at: string): string[] {
  if (!schema || typeof schema !== 'object') return [];
  const node = schema as Record<string, unknown>;
  const out: string[] = [];
  for (const [key, value] of Object.entries((node.properties ?? {}) as Record<string, Record<string, unknown>>)) {
    if (typeof value?.description !== 'string' || value.description.trim() === '') out.push(`${at}.${key}`);
    out.push(...undescribedFields(value, `${at}.${key}`));
  }
  for (const key of ['items', 'additionalProperties']) out.push(...undescribedFields(node[key], `${at}[]`));
  for (const key of ['anyOf', 'oneOf', 'allOf']) for (const branch of (node[key] ?? []) as unknown[]) out.push(...undescribedFields(branch, at));
  return out;
}

describe('published JSON Schemas', () => {
  const generated = jsonSchemas();
  for (const [name, schema] of Object.entries(generated)) {
    it(`schemas/${name}.schema.json is up to date (run \`npm run schemas\`)`, () => {
      const onDisk = JSON.parse(readFileSync(join(root, 'schemas', `${name}.schema.json`), 'utf8'));
      expect(onDisk).toEqual(schema);
    });
  }

  // Every field a reader meets in the JSON Schema says what it holds: a field added without
  // `.describe(...)` fails here, naming its path (e.g. notice.targets[].metric).
  it('every field of every published schema has a description', () => {
    const undescribed = Object.entries(generated).flatMap(([name, schema]) => undescribedFields(schema, name));
    expect(undescribed).toEqual([]);
  });

  it('the description check names a bare field, nested ones included', async () => {
    // the check must be able to fail: one bare field at the top and one inside an array of objects
    const { z } = await import('zod');
    const schema = z.toJSONSchema(
      z.object({ described: z.string().describe('x'), bare: z.number(), list: z.array(z.object({ inner: z.string() })).describe('y') }),
    );
    expect(undescribedFields(schema, 'doc')).toEqual(['doc.bare', 'doc.list[].inner']);
  });

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
