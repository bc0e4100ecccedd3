#!/usr/bin/env node
// `node bench/pdf-same.mjs --base REFERENCE_CHECKOUT [--pdf DIR|FILE …] [--no-extract]`: the PDF reader's output
// with this checkout against a reference build (e.g. one made before a change of the reader or of pdf.js), file by
// file, on every PDF of the repo's fixtures and ../shared (seeds, peer samples, any other) plus the --pdf ones.
//
// Two views, each compared byte for byte:
//   text layer  `readPdf` (OCR off): the text pdf.js gives, page starts included, for every file; the view that
//               shows a change in pdf.js itself, whatever the extractors would make of it
//   records     `notices extract FILE --format json --jobs 1` (OCR on, so scans go through rendering too)
// Exit status 1 when a file differs. Each checkout runs its own dist/ and its own node_modules.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const argv = process.argv.slice(2);
const base = argv.includes('--base') ? resolve(argv[argv.indexOf('--base') + 1]) : null;
if (!base) {
  console.error('usage: pdf-same.mjs --base REFERENCE_CHECKOUT [--pdf DIR|FILE …] [--no-extract]');
  process.exit(2);
}
const walk = (p) =>
  !existsSync(p) ? [] : statSync(p).isDirectory() ? readdirSync(p).sort().flatMap((f) => (f === 'node_modules' ? [] : walk(join(p, f)))) : p.endsWith('.pdf') ? [p] : [];
const extra = argv.flatMap((a, i) => (a === '--pdf' ? [resolve(argv[i + 1])] : []));
const files = [...new Set([join(root, 'test', 'fixtures'), join(root, '..', 'shared'), ...extra].flatMap(walk))];

/** Each file's text layer as one JSON line, read by the checkout's own reader in one process. */
const LAYERS = `
const { readPdf } = await import(process.cwd() + '/dist/src/read/pdf.js');
const { DEFAULT_READ_OPTIONS } = await import(process.cwd() + '/dist/src/read/options.js');
const { readFileSync } = await import('node:fs');
for (const f of process.argv.slice(1)) {
  const r = await readPdf(new Uint8Array(readFileSync(f)), { ...DEFAULT_READ_OPTIONS, ocr: false });
  console.log(JSON.stringify(r));
}`;
const run = (cwd, args) => {
  const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  return r.stdout + (r.status ? `\nexit ${r.status}: ${r.stderr}` : '');
};
const layers = (cwd) => run(cwd, ['--input-type=module', '-e', LAYERS, ...files]).split('\n');
const records = (cwd, f) => run(cwd, ['bin/notices.js', 'extract', f, '--format', 'json', '--jobs', '1', '--quiet', '--validate', 'all']);

const ours = layers(root);
const theirs = layers(base);
let differ = 0;
files.forEach((f, i) => {
  const same = ours[i] === theirs[i];
  if (!same) differ++;
  console.log(`${same ? 'same  ' : 'DIFFER'} text layer  ${f} (${(ours[i] ?? '').length} chars)`);
});
if (!argv.includes('--no-extract')) {
  for (const f of files) {
    const a = records(root, f);
    const same = a === records(base, f);
    if (!same) differ++;
    console.log(`${same ? 'same  ' : 'DIFFER'} records     ${f} (${a.length} chars)`);
  }
}
console.log(differ ? `${differ} DIFFER` : `IDENTICAL (${files.length} PDFs)`);
process.exit(differ ? 1 : 0);
