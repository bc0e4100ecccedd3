import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { readPdf } from '../src/read/pdf.js';
import { DEFAULT_READ_OPTIONS } from '../src/read/options.js';

it('reading a PDF leaves Array.prototype.push and JSON.parse as the engine made them', async () => {
  const push = Array.prototype.push;
  const parse = JSON.parse;
  const pdf = join(__dirname, 'fixtures', 'pdf', '002_bdd7c925ac202672.pdf');
  const r = await readPdf(new Uint8Array(readFileSync(pdf)), { ...DEFAULT_READ_OPTIONS, ocr: false });
  expect(r.ok).toBe(true);
  expect(Array.prototype.push).toBe(push);
  expect(JSON.parse).toBe(parse);
});

