import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { jsonArrayWriter } from '../src/emit/json-array.js';

async function streamed(items: unknown[]): Promise<string> {
  const sink = new PassThrough();
  let out = '';
  sink.on('data', (b) => (out += b));
  const w = jsonArrayWriter(sink);
  for (const item of items) await w.write(item);
  await w.close();
  return out;
}

describe('JSON array written element by element', () => {
  const cases: [string, unknown[]][] = [
    ['empty', []],
    ['one object', [{ rule: 'missing-field', span: null, data: {} }]],
    ['nested, with newlines and quotes inside strings', [{ a: [1, { b: 'x\ny "z"' }], c: [] }, 'plain', 3, null, { d: { e: {} } }]],
  ];
  it.each(cases)('%s: byte for byte JSON.stringify(items, null, 2)', async (_name, items) => {
    expect(await streamed(items)).toBe(JSON.stringify(items, null, 2) + '\n');
  });
});
