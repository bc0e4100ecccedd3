import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { jsonArrayElement, jsonArrayWriter } from '../src/emit/json-array.js';

async function streamed(items: unknown[], preSerialised = false): Promise<string> {
  const sink = new PassThrough();
  let out = '';
  sink.on('data', (b) => (out += b));
  const w = jsonArrayWriter(sink);
  // a worker of the batch pool hands back elements it serialised itself (jsonArrayElement)
  for (const item of items) await (preSerialised ? w.writeElement(jsonArrayElement(item)) : w.write(item));
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
  it.each(cases)('%s, from elements serialised elsewhere: the same bytes', async (_name, items) => {
    expect(await streamed(items, true)).toBe(JSON.stringify(items, null, 2) + '\n');
  });
});
