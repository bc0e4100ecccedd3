import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, SEEDS, seedPath } from './helpers/context.js';

// A worker of the batch pool loads what reading a text notice needs, nothing more: each module
// loaded costs every worker start-up time (zod and the schemas ~0.1–0.2 s, the HTML parser, the
// diff code, the CLI's argument parser). Runs the built worker (dist/) as the pool does.
const hook = join(root, 'test', 'fixtures', 'workers', 'record-loads.mjs');

function loadsOf(validate: 'none' | 'all'): string[] {
  const file = join(mkdtempSync(join(tmpdir(), 'worker-loads-')), 'loads.txt');
  const worker = join(root, 'dist', 'src', 'batch', 'worker.js');
  const script = `const run = (await import(${JSON.stringify(worker)})).default;
const out = await run({ path: ${JSON.stringify(seedPath(SEEDS.jilin))}, options: { maxBytes: 5e7, maxUnzippedBytes: 5e7, maxZipEntries: 10000, ocr: false, ocrMaxPages: 0, validate: '${validate}' }, form: 'jsonl' });
if (!out.ok || out.texts.length !== 1) throw new Error('no record: ' + JSON.stringify(out).slice(0, 200));`;
  const r = spawnSync(process.execPath, ['--import', hook, '--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, RECORD_LOADS: file } });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return readFileSync(file, 'utf8').split('\n').filter(Boolean);
}

const matching = (loads: string[], re: RegExp) => loads.filter((u) => re.test(u));

describe('what a worker loads', () => {
  it('reading a text notice without validating it: no zod, schemas, HTML parser, PDF/OCR/Word readers, diff code or yargs', () => {
    const loads = loadsOf('none');
    expect(matching(loads, /\/src\/batch\/worker\.js$/)).toHaveLength(1);
    expect(matching(loads, /\/node_modules\/(zod|yargs|hast-util-from-html|parse5|pdf-parse|pdfjs-dist|onnxruntime-node|mammoth|diff-match-patch)\//)).toEqual([]);
    expect(matching(loads, /\/dist\/schemas\/(notice|common|finding|diff)\.js$/)).toEqual([]);
    expect(matching(loads, /\/dist\/src\/(read\/(html|pdf|ocr|docx|doc|ofd|image)|diff\/(align|national|overall))\.js$/)).toEqual([]);
  });

  it('validating the record loads zod and the schema then, and only then', () => {
    const loads = loadsOf('all');
    expect(matching(loads, /\/node_modules\/zod\//).length).toBeGreaterThan(0);
    expect(matching(loads, /\/dist\/schemas\/notice\.js$/)).toHaveLength(1);
  });
});
