import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { processSource } from '../pipelines/document.js';
import { NoticeRecord } from '../schemas/notice.js';
import { inSchemaOrder, schemaFindings, shaperOf, shouldValidate, validateMode } from '../src/check/validate.js';
import { keyOrderModule, orderOf } from '../src/check/key-order.js';
import { root } from './helpers/context.js';
import { join } from 'node:path';
import { sourceFromBytes } from '../src/read/source.js';
import { SEEDS, seedPath } from './helpers/context.js';

const sourceOf = async (path: string) => {
  const read = await sourceFromBytes(path, readFileSync(path));
  if (!read.ok) throw new Error(read.reason);
  return read.source;
};

describe('records validated in tests, sampled in production', () => {
  it('the tests run with every record validated', () => {
    expect(validateMode(undefined)).toBe('all');
    expect(validateMode('none')).toBe('none');
  });
  it('a sample is chosen by content hash: 1 hash prefix in 16', () => {
    // 0x00, 0x10, 0x20 … 0xf0 are sampled: 16 of the 256 two-digit prefixes
    const sampled = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0')).filter((h) => shouldValidate('sample', `${h}ab`));
    expect(sampled).toHaveLength(16);
    expect(sampled.slice(0, 3)).toEqual(['00', '10', '20']);
    expect(shouldValidate('all', 'ff')).toBe(true);
    expect(shouldValidate('none', '00')).toBe(false);
  });
  it('a record that breaks the schema gets a record-invalid finding naming the path, not a crash', () => {
    const record = { schemaVersion: 'x' };
    const [finding] = schemaFindings(record);
    expect(finding.rule).toBe('record-invalid');
    expect(finding.severity).toBe('error');
    expect(finding.message).toMatch(/^the record fails the schema at /);
    expect(finding.message).toContain('source');
  });
  it.each(Object.values(SEEDS))('seed %s: the same records whether validated or not, and they conform', async (name) => {
    const source = await sourceOf(seedPath(name));
    const all = processSource(source, 'all');
    const none = processSource(source, 'none');
    expect(all.ok && none.ok).toBe(true);
    if (!all.ok || !none.ok) return;
    expect(JSON.stringify(none.records)).toBe(JSON.stringify(all.records));
    for (const r of all.records) {
      expect(r.findings.some((f) => f.rule === 'record-invalid')).toBe(false);
      // what the pipeline emits is what zod's parse would give, key order included
      expect(JSON.stringify(r)).toBe(JSON.stringify(NoticeRecord.parse(r)));
    }
  });
});

describe('records in schema order without a parse', () => {
  const S = z.object({ a: z.number(), b: z.object({ x: z.string(), y: z.array(z.object({ p: z.number(), q: z.number().nullable() })) }).optional(), m: z.record(z.string(), z.object({ k: z.number() })) });
  it('puts keys in the schema order and drops unknown ones, as parse does', () => {
    const value = { extra: 1, m: { z: { k: 1, junk: 2 } }, b: { y: [{ q: null, p: 2, more: 0 }], x: 's' }, a: 1 };
    const shaped = shaperOf(S)(value);
    // hand-written: a, b (x, y[{p, q}]), m (z: {k})
    expect(JSON.stringify(shaped)).toBe('{"a":1,"b":{"x":"s","y":[{"p":2,"q":null}]},"m":{"z":{"k":1}}}');
    expect(JSON.stringify(shaped)).toBe(JSON.stringify(S.parse(value)));
  });
  it('leaves an absent optional field absent', () => {
    expect(shaperOf(S)({ m: {}, a: 2 })).toEqual({ a: 2, m: {} });
  });
  it('a real record reordered at random comes back in schema order', async () => {
    const source = await sourceOf(seedPath(SEEDS.jilin));
    const r = processSource(source, 'all');
    if (!r.ok) throw new Error(r.reason);
    const shuffle = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(shuffle);
      if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, shuffle(x)]));
      return v;
    };
    const reversed = shuffle(r.records[0]) as NoticeRecord;
    expect(JSON.stringify(reversed)).not.toBe(JSON.stringify(r.records[0]));
    expect(JSON.stringify(inSchemaOrder(reversed))).toBe(JSON.stringify(r.records[0]));
  });
});

describe('the key order as data (no zod where nothing is validated)', () => {
  it('reads a schema into its key order: fields in order, arrays, records, optional and nullable unwrapped', () => {
    const S = z.object({ a: z.number(), b: z.object({ x: z.string(), y: z.array(z.object({ p: z.number(), q: z.number().nullable() })) }).optional(), m: z.record(z.string(), z.object({ k: z.number() })) });
    expect(orderOf(S)).toEqual({
      keys: [
        ['a', 0],
        ['b', { keys: [['x', 0], ['y', { each: { keys: [['p', 0], ['q', 0]] } }]] }],
        ['m', { values: { keys: [['k', 0]] } }],
      ],
    });
  });
  it('refuses a kind whose parse output it does not work out', () => {
    expect(() => orderOf(z.object({ u: z.union([z.string(), z.number()]) }))).toThrow(/kind 'union'/);
  });
  it('src/check/notice-key-order.ts is NoticeRecord\'s key order (run `npm run schemas`)', () => {
    const onDisk = readFileSync(join(root, 'src', 'check', 'notice-key-order.ts'), 'utf8');
    expect(onDisk).toBe(keyOrderModule('NOTICE_KEY_ORDER', orderOf(NoticeRecord), 'schemas/notice.ts'));
  });
});
