#!/usr/bin/env node
// `node bench/pdf-bench.mjs [--pdf DIR] [--runs N] [--times K]`: our PDF reader against `pdftotext` on the
// same pages, printed as Markdown (the PDF section of `npm run bench` runs this pinned to one core).
//
// Two views, both sides interleaved in each run, the minimum of N runs kept:
//   per page   one multi-page file: the seed PDFs (test/fixtures/pdf) merged K times over (bench/pdf-corpus.mjs),
//              ours in this warm process against one `pdftotext` process over the whole file (five of them
//              averaged, for the 10 ms ticks of the children's CPU counters; its start-up,
//              measured alone with `pdftotext -v`, is spread over the pages; the figure without it is printed too)
//   per file   every PDF (the seeds, the peer samples, --pdf DIR): ours warm against a `pdftotext` process per
//              file, start-up included (what a user running pdftotext on each file pays)
// Time is CPU time (user + system): ours from process.cpuUsage() (every thread of this process, pdf.js runs
// in it), pdftotext's from this process's reaped-children counters in /proc/self/stat, so other helpers on a
// shared machine slow neither side's figure much; wall time is printed beside it.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { mergePdfs } from './pdf-corpus.mjs';

const root = new URL('..', import.meta.url).pathname;
const arg = (name, dflt) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : dflt);
const RUNS = Number(arg('--runs', 5));
const TIMES = Number(arg('--times', 3));
const PDFTOTEXT_PASSES = 5;
const pdfsIn = (dir) => (dir && existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.pdf')).sort().map((f) => join(dir, f)) : []);
const seeds = pdfsIn(join(root, 'test', 'fixtures', 'pdf'));
const files = [...seeds, ...pdfsIn(join(root, '..', 'shared', 'peer-samples', 'docs')), ...pdfsIn(arg('--pdf', null))];
const fmt = (x, d = 1) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const say = (s = '') => console.log(s);

const { readPdf } = await import('../dist/src/read/pdf.js');
const { DEFAULT_READ_OPTIONS } = await import('../dist/src/read/options.js');
// a scan's pages are not in either reader's text path: OCR has its own section
const readOptions = { ...DEFAULT_READ_OPTIONS, ocr: false };

/** CPU ms of this process's reaped children (utime + stime of waited-for children, /proc/self/stat fields 16–17). */
function childrenCpuMs() {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100; // USER_HZ is 100 on Linux
}
const selfCpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Without /proc (not Linux) pdftotext's CPU time cannot be read: both sides are then timed by the wall clock. */
const cpuClocks = existsSync('/proc/self/stat');

/** One measured pass: { cpu, wall } in ms. */
async function measure(clock, fn) {
  const c = cpuClocks ? clock() : 0;
  const t = performance.now();
  await fn();
  const wall = performance.now() - t;
  return { cpu: cpuClocks ? clock() - c : wall, wall };
}
const ours = (paths) => measure(selfCpuMs, async () => {
  for (const p of paths) {
    const r = await readPdf(new Uint8Array(readFileSync(p)), readOptions);
    if (!r.ok) throw new Error(`${p}: ${r.reason}`);
  }
});
const pdftotext = (paths, args = []) => measure(childrenCpuMs, () => {
  for (const p of paths) execFileSync('pdftotext', [...args, '-enc', 'UTF-8', p, '-'], { maxBuffer: 1 << 28 });
});
const pdftotextStart = () => measure(childrenCpuMs, () => {
  spawnSync('pdftotext', ['-v']);
});

async function pagesOf(paths) {
  let n = 0;
  for (const p of paths) {
    const r = await readPdf(new Uint8Array(readFileSync(p)), readOptions);
    if (r.ok) n += r.pageStarts.length;
  }
  return n;
}

say('## PDF');
say();
const hasPdftotext = spawnSync('sh', ['-c', 'command -v pdftotext']).status === 0;
if (!seeds.length) {
  say('No PDFs to read.');
  process.exit(0);
}
const tmp = mkdtempSync(join(tmpdir(), 'notices-pdf-bench-'));
const merged = join(tmp, 'merged.pdf');
const mergedPages = await mergePdfs(seeds, TIMES, merged);
const filePages = await pagesOf(files); // also warms pdf.js up
const load0 = loadavg()[0];

const best = {};
const keep = (key, m) => {
  best[key] = { cpu: Math.min(best[key]?.cpu ?? Infinity, m.cpu), wall: Math.min(best[key]?.wall ?? Infinity, m.wall) };
};
for (let k = 0; k < RUNS; k++) {
  keep('ours merged', await ours([merged]));
  keep('ours files', await ours(files));
  if (!hasPdftotext) continue;
  // the kernel counts a child's CPU in 10 ms ticks and pdftotext reads the 57-page file in ~40 ms: five
  // passes in one measure, averaged, so one tick is 5 % of the figure rather than 25 %
  const m = await pdftotext(Array(PDFTOTEXT_PASSES).fill(merged));
  keep('pdftotext merged', { cpu: m.cpu / PDFTOTEXT_PASSES, wall: m.wall / PDFTOTEXT_PASSES });
  keep('pdftotext files', await pdftotext(files));
  // start-up alone: ten in a row, the counters tick in 10 ms steps
  const s = await measure(childrenCpuMs, async () => {
    for (let i = 0; i < 10; i++) await pdftotextStart();
  });
  keep('pdftotext start', { cpu: s.cpu / 10, wall: s.wall / 10 });
}
rmSync(tmp, { recursive: true, force: true });

const per = (m, n) => ({ cpu: m.cpu / n, wall: m.wall / n });
const oursPage = per(best['ours merged'], mergedPages);
const oursFile = per(best['ours files'], filePages);
say(`Files: one ${mergedPages}-page PDF (the ${seeds.length} seed PDFs merged ${TIMES} times over, each copy with its own embedded fonts), and ${files.length} PDFs read one by one (${filePages} pages: the seeds and the peer samples). ${hasPdftotext ? 'Both readers interleaved' : 'Our reader'} in each of ${RUNS} runs, the fastest run kept; load average ${fmt(load0, 2)} at the start, ${fmt(loadavg()[0], 2)} at the end.${cpuClocks ? '' : ' No /proc here: "CPU" columns are wall time.'}`);
say();
if (!hasPdftotext) {
  say(`Our reader (pdf.js through pdf-parse, warm): ${fmt(oursPage.cpu)} ms CPU per page on the merged file, ${fmt(oursFile.cpu)} ms per page file by file. pdftotext is not installed here: no ratio.`);
  process.exit(0);
}
const start = best['pdftotext start'];
const theirsPage = per(best['pdftotext merged'], mergedPages);
const theirsBare = per({ cpu: best['pdftotext merged'].cpu - start.cpu, wall: best['pdftotext merged'].wall - start.wall }, mergedPages);
const theirsFile = per(best['pdftotext files'], filePages);
const ratio = (a, b) => `**${fmt(a.cpu / b.cpu, 2)}×** (wall ${fmt(a.wall / b.wall, 2)}×)`;
say('| per page | ours: pdf.js, warm process | pdftotext | ours ÷ pdftotext (CPU) |');
say('| --- | ---: | ---: | ---: |');
say(`| ${mergedPages}-page file, pdftotext one process (start-up spread over the pages) | ${fmt(oursPage.cpu)} ms CPU (${fmt(oursPage.wall)} wall) | ${fmt(theirsPage.cpu, 2)} ms CPU (${fmt(theirsPage.wall, 2)} wall) | ${ratio(oursPage, theirsPage)} |`);
say(`| ${mergedPages}-page file, pdftotext start-up (${fmt(start.cpu)} ms CPU) taken out | ${fmt(oursPage.cpu)} ms | ${fmt(theirsBare.cpu, 2)} ms CPU (${fmt(theirsBare.wall, 2)} wall) | ${ratio(oursPage, theirsBare)} |`);
say(`| ${files.length} files, pdftotext a process per file (start-up included) | ${fmt(oursFile.cpu)} ms CPU (${fmt(oursFile.wall)} wall) | ${fmt(theirsFile.cpu, 2)} ms CPU (${fmt(theirsFile.wall, 2)} wall) | ${ratio(oursFile, theirsFile)} |`);
say();
say(`PDF against pdftotext, per page: ours is **${fmt(oursPage.cpu / theirsPage.cpu, 2)}× pdftotext** on the multi-page file (start-up spread), ${fmt(oursPage.cpu / theirsBare.cpu, 2)}× without its start-up, ${fmt(oursFile.cpu / theirsFile.cpu, 2)}× file by file with start-up.`);
