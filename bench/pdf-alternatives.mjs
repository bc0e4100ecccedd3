#!/usr/bin/env node
// `node bench/pdf-alternatives.mjs [--runs N] [--from DIR]`: another PDF reader against ours and pdftotext on the same pages,
// for the keep-or-switch decision recorded in docs/performance.md. The alternative is PDFium compiled to
// WebAssembly (@embedpdf/pdfium, MIT; PDFium itself BSD-3-Clause): not a dependency of the project, so install
// it beside the checkout first, without saving it: `npm install --no-save @embedpdf/pdfium@2.15.1` (or into any
// folder DIR and pass `--from DIR`).
//
// Speed: the seed PDFs merged three times (54 pages), CPU time, the three readers interleaved, fastest of N runs.
// Text: per PDF (the seeds and the peer samples), how many of our lines PDFium gives identically, and whether
// the whole text is the same once PDFium's CR LF and its spaces at line ends are taken out.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { mergePdfs } from './pdf-corpus.mjs';

const root = new URL('..', import.meta.url).pathname;
const arg = (name, dflt) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : dflt);
const RUNS = Number(arg('--runs', 5));
const pdfsIn = (dir) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.pdf')).sort().map((f) => join(dir, f)) : []);
const seeds = pdfsIn(join(root, 'test', 'fixtures', 'pdf'));
const files = [...seeds, ...pdfsIn(join(root, '..', 'shared', 'peer-samples', 'docs'))];

let pdfium;
try {
  const require = createRequire(join(arg('--from', root), 'package.json'));
  const { init } = await import(require.resolve('@embedpdf/pdfium'));
  pdfium = await init({ wasmBinary: readFileSync(require.resolve('@embedpdf/pdfium/pdfium.wasm')) });
  pdfium.PDFiumExt_Init();
} catch {
  console.log('@embedpdf/pdfium is not installed: `npm install --no-save @embedpdf/pdfium@2.15.1` first.');
  process.exit(0);
}
const { readPdf } = await import('../dist/src/read/pdf.js');
const { joinPages } = await import('../dist/src/read/pages.js');
const { DEFAULT_READ_OPTIONS } = await import('../dist/src/read/options.js');
const readOptions = { ...DEFAULT_READ_OPTIONS, ocr: false };

/** Each page's text as PDFium's text page gives it (FPDFText_GetText, UTF-16LE). */
function pdfiumPages(bytes) {
  const { wasmExports, HEAPU8 } = pdfium.pdfium;
  const ptr = wasmExports.malloc(bytes.length);
  HEAPU8.set(bytes, ptr);
  const doc = pdfium.FPDF_LoadMemDocument(ptr, bytes.length, '');
  const pages = [];
  for (let i = 0; i < pdfium.FPDF_GetPageCount(doc); i++) {
    const page = pdfium.FPDF_LoadPage(doc, i);
    const text = pdfium.FPDFText_LoadPage(page);
    const count = pdfium.FPDFText_CountChars(text);
    const buf = wasmExports.malloc((count + 1) * 2);
    const len = pdfium.FPDFText_GetText(text, 0, count, buf);
    pages.push(len > 1 ? Buffer.from(pdfium.pdfium.HEAPU8.subarray(buf, buf + (len - 1) * 2)).toString('utf16le') : '');
    wasmExports.free(buf);
    pdfium.FPDFText_ClosePage(text);
    pdfium.FPDF_ClosePage(page);
  }
  pdfium.FPDF_CloseDocument(doc);
  wasmExports.free(ptr);
  return pages;
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
function childrenCpuMs() {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(f[13]) + Number(f[14])) * 1000) / 100;
}
const tmp = mkdtempSync(join(tmpdir(), 'notices-pdf-alt-'));
const merged = join(tmp, 'merged.pdf');
const pages = await mergePdfs(seeds, 3, merged);
const bytes = new Uint8Array(readFileSync(merged));
const readers = {
  'ours (pdf.js through pdf-parse)': async () => (await readPdf(bytes.slice(), readOptions)).ok,
  'PDFium (WebAssembly)': async () => pdfiumPages(bytes).length === pages,
  'pdftotext (one process)': async () => execFileSync('pdftotext', ['-enc', 'UTF-8', merged, '-'], { maxBuffer: 1 << 28 }).length > 0,
};
const best = {};
for (const read of Object.values(readers)) await read(); // warm
for (let k = 0; k < RUNS; k++) {
  for (const [name, read] of Object.entries(readers)) {
    const clock = name.startsWith('pdftotext') ? childrenCpuMs : cpuMs;
    const c = clock();
    if (!(await read())) throw new Error(`${name} failed`);
    best[name] = Math.min(best[name] ?? Infinity, (clock() - c) / pages);
  }
}
rmSync(tmp, { recursive: true, force: true });
console.log(`Speed on ${pages} pages (the seed PDFs merged 3 times), CPU ms per page, fastest of ${RUNS} runs, load average ${loadavg()[0].toFixed(2)}:`);
for (const [name, ms] of Object.entries(best)) console.log(`- ${name}: ${ms.toFixed(2)} ms (${(ms / best['pdftotext (one process)']).toFixed(2)}× pdftotext)`);

console.log('\nText against ours (lines of ours that PDFium gives identically; whole text after CR LF → LF and line trims):');
for (const f of files) {
  const b = new Uint8Array(readFileSync(f));
  const ours = await readPdf(b.slice(), readOptions);
  if (!ours.ok) continue;
  const theirs = joinPages(pdfiumPages(b).map((t) => ({ kind: 'text', text: t.replace(/\r\n?/g, '\n').split('\n').map((l) => l.trim()).join('\n') }))).text;
  const mine = ours.text.split('\n');
  const have = new Set(theirs.split('\n'));
  const same = mine.filter((l) => have.has(l)).length;
  const tabs = mine.filter((l) => l.includes('\t')).length;
  console.log(`- ${basename(f)}: ${same}/${mine.length} lines identical (${tabs} of ours carry a column TAB); whole text ${theirs === ours.text ? 'identical' : 'differs'}`);
}
