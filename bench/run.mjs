// `npm run bench`: throughput of each pipeline stage over the seeds and the Markdown samples,
// repeated, in one run (ratios between stages are what to compare across machines).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sourceFromBytes } from '../dist/src/read/source.js';
import { normalize } from '../dist/src/normalize/index.js';
import { segment } from '../dist/src/segment/index.js';
import { contextsOf, extractRecord } from '../dist/src/extract/document.js';
import { checkDocument, checkAll } from '../dist/src/check/run.js';
import { diffRecords } from '../dist/src/diff/index.js';
import { NoticeRecord } from '../dist/schemas/notice.js';

const root = new URL('..', import.meta.url).pathname;
const rounds = Number(process.argv[2] ?? 50);
const files = readdirSync(join(root, 'seeds')).map((f) => join(root, 'seeds', f));
const bytes = files.map((f) => [f, readFileSync(f)]);
const time = { read: 0, normalize: 0, segment: 0, extract: 0, check: 0, validate: 0, diff: 0 };
let documents = 0;
let chars = 0;
const t0 = performance.now();
let last = [];
for (let k = 0; k < rounds; k++) {
  last = [];
  for (const [path, b] of bytes) {
    let t = performance.now();
    const read = await sourceFromBytes(path, b);
    time.read += performance.now() - t;
    chars += read.source.text.length;
    t = performance.now();
    const n = normalize(read.source);
    time.normalize += performance.now() - t;
    t = performance.now();
    const layouts = segment(n);
    time.segment += performance.now() - t;
    t = performance.now();
    const records = contextsOf(read.source, n, layouts).map(extractRecord);
    time.extract += performance.now() - t;
    t = performance.now();
    for (const r of records) r.findings = checkDocument(r);
    time.check += performance.now() - t;
    t = performance.now();
    for (const r of records) NoticeRecord.parse(r);
    time.validate += performance.now() - t;
    documents += records.length;
    last.push(...records);
  }
  const t = performance.now();
  const national = last.find((r) => r.level === 'national');
  for (const r of last) if (r !== national) diffRecords(national, r);
  checkAll(last);
  time.diff += performance.now() - t;
}
const total = performance.now() - t0;
const fmt = (ms) => `${ms.toFixed(0).padStart(7)} ms  ${((100 * ms) / total).toFixed(1).padStart(5)} %`;
console.log(`${rounds} rounds × ${files.length} seed files = ${documents} documents, ${(chars / 1e6).toFixed(2)} M characters`);
for (const [stage, ms] of Object.entries(time)) console.log(`  ${stage.padEnd(10)} ${fmt(ms)}`);
console.log(`  ${'total'.padEnd(10)} ${fmt(total)}`);
console.log(`throughput: ${(documents / (total / 1000)).toFixed(1)} documents/s, ${(chars / 1000 / (total / 1000)).toFixed(0)} k chars/s`);
console.log(`slowest stage / fastest stage: ${(Math.max(...Object.values(time)) / Math.min(...Object.values(time))).toFixed(1)}×`);

// Binary readers and OCR: each fixture read once (OCR takes seconds a page, not milliseconds).
// `npm run bench -- ROUNDS OCR_PAGES` (OCR_PAGES defaults to 2; 0 skips OCR).
const fixtures = join(root, 'test', 'fixtures', 'formats');
for (const name of ['001.ofd', 'govcheck-test.doc', 'govcheck-test.wps']) {
  const t = performance.now();
  const read = await sourceFromBytes(name, readFileSync(join(fixtures, name)));
  console.log(`read ${name.padEnd(18)} ${(performance.now() - t).toFixed(0).padStart(6)} ms  ${read.ok ? read.source.text.length + ' chars' : read.reason}`);
}
const ocrPages = Number(process.argv[3] ?? 2);
if (ocrPages > 0) {
  let t = performance.now();
  await sourceFromBytes('png', readFileSync(join(fixtures, 'govcheck-test.png')));
  console.log(`OCR: models loaded + first page (PNG, 1240×1754) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  t = performance.now();
  const scan = await sourceFromBytes('scan', readFileSync(join(fixtures, '001-scan.pdf')), { ocr: true, ocrMaxPages: ocrPages });
  const pages = scan.ok ? scan.source.ocr.pages.length : 0;
  const seconds = (performance.now() - t) / 1000;
  console.log(`OCR: ${pages} scanned PDF pages (rendered at 150 dpi) in ${seconds.toFixed(1)} s: ${(seconds / pages).toFixed(1)} s per OCR'd page, mean confidence ${scan.ok ? scan.source.ocr.confidence : '-'}`);
}
