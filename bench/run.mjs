#!/usr/bin/env node
// `npm run bench [-- --files 2000 --large 10000 --write]`: speed and scale in one run.
//
//   end to end   `notices extract --format jsonl` and `notices check` (extract + check) over a corpus of
//                text notices (the repo's seeds and test notices copied round-robin), on one core
//                (`--jobs 1`, pinned with taskset where there is one) and on all cores; documents/s, MB/s,
//                peak RSS; the floor (../shared/bench/limit.mjs) on the same files when it is there
//   memory       peak RSS of `notices extract --format jsonl` and `notices check` at --large documents
//   stages       time per stage and per extractor, in this process, over the corpus
//   diff         the 31-province diff matrix (each provincial notice against the national one)
//   PDF          our reader against `pdftotext` on the same pages (bench/pdf-bench.mjs): per page on a multi-page
//                file, and file by file with pdftotext's start-up, when pdftotext is there
//   OCR          binary readers once each; OCR'd pages per second and characters/s, and the whole OCR step
//                against the detection and recognition models alone on the same pages, CPU time
//                (bench/ocr-bench.mjs: "OCR vs bare inference")
//   start-up     `notices --help` against a bare `node -e 0`
//   serve        `notices serve` latency at 10,000 notices (bench/serve.mjs; skip with --no-serve)
//
// --write puts the report on top of docs/performance.md (earlier runs stay below it).
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, openSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const root = new URL('..', import.meta.url).pathname;
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const FILES = Number(arg('--files', 2000));
/** `--only text,memory,stages,diff,pdf,ocr,startup,serve`: run some sections (a partial report is never written). */
const only = arg('--only', null)?.split(',');
const want = (section) => !only || only.includes(section);
/** `--cli PATH`: another checkout's bin/notices.js (a before/after comparison in one run). */
const cliArg = arg('--cli', null);
const LARGE = Number(arg('--large', 10000));
const cores = availableParallelism();
const floorScript = join(root, '..', 'shared', 'bench', 'limit.mjs');
const cli = cliArg ?? join(root, 'bin', 'notices.js');
const hook = join(root, 'bench', 'rss-hook.mjs');
const has = (tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
const pin = has('taskset');
const lines = [];
const say = (s = '') => {
  console.log(s);
  lines.push(s);
};

// ---------------------------------------------------------------------------------------------
// corpora

const notices = [
  ...readdirSync(join(root, 'seeds')).map((f) => join(root, 'seeds', f)),
  ...['notices', 'figures'].flatMap((d) => readdirSync(join(root, 'test', 'fixtures', d)).map((f) => join(root, 'test', 'fixtures', d, f))),
].filter((f) => /\.(txt|md)$/.test(f));

/**
 * n files: the national notice once (seed 000, which carries it), every other notice round-robin.
 * A real corpus has one national notice per topic and year, not one per provincial copy; the
 * cross-document check pairs each national notice with each province.
 */
const nationalSeed = notices.find((f) => f.endsWith('000_7dc2baf39b3a8626.txt'));
const others = notices.filter((f) => f !== nationalSeed);
function corpus(n) {
  const dir = mkdtempSync(join(tmpdir(), `notices-bench-${n}-`));
  for (let i = 0; i < n; i++) {
    const src = i === 0 && nationalSeed ? nationalSeed : others[i % others.length];
    copyFileSync(src, join(dir, `${String(i).padStart(6, '0')}_${src.split('/').pop()}`));
  }
  return dir;
}
const sizeOf = (dir) => readdirSync(dir).reduce((b, f) => b + statSync(join(dir, f)).size, 0);

// ---------------------------------------------------------------------------------------------
// runs

/** Wall time, documents written (JSON lines) and peak RSS of one CLI run. */
function runCli(args, { oneCore = false } = {}) {
  const argv = ['--import', hook, cli, ...args];
  const [cmd, full] = oneCore && pin ? ['taskset', ['-c', '0', process.execPath, ...argv]] : [process.execPath, argv];
  const outFile = join(scratch, 'stdout');
  const out = openSync(outFile, 'w');
  const t = performance.now();
  const r = spawnSync(cmd, full, { encoding: 'utf8', stdio: ['ignore', out, 'pipe'], maxBuffer: 1 << 28 });
  const ms = performance.now() - t;
  closeSync(out);
  const rss = Number(/BENCH_MAXRSS_KB (\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024;
  const cpu = Number(/BENCH_CPU_US (\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1000;
  const docs = args.includes('jsonl') ? countLines(outFile) : null;
  return { ms, cpu, rss, docs, status: r.status };
}

const scratch = mkdtempSync(join(tmpdir(), 'notices-bench-out-'));
function countLines(file) {
  const b = readFileSync(file);
  let n = 0;
  for (let i = 0; i < b.length; i++) if (b[i] === 10) n++;
  return n;
}

function floor(dir) {
  if (!existsSync(floorScript)) return null;
  const [cmd, args] = pin ? ['taskset', ['-c', '0', process.execPath, floorScript, dir]] : [process.execPath, [floorScript, dir]];
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
  const m = /(\d+) files, ([\d.]+) MB, (\d+) files\/s, ([\d.]+) MB\/s/.exec(r.stderr);
  return m ? { files: Number(m[1]), rate: Number(m[3]), mbs: Number(m[4]) } : null;
}

const rate = (n, ms) => n / (ms / 1000);
const fmt = (x, d = 0) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

// ---------------------------------------------------------------------------------------------
// 1. end to end

say(`# Performance`);
say();
say(`Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${cores} core(s) (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}.`);
const dir = corpus(FILES);
const mb = sizeOf(dir) / 1e6;
say(`Corpus: ${fmt(FILES)} text notices (the national seed once, the repo's ${others.length} other notices copied round-robin), ${fmt(mb, 1)} MB.`);
say(pin ? 'One core: pinned with `taskset -c 0` and `--jobs 1`.' : 'One core: `--jobs 1` (taskset not found: not pinned).');
say();
if (want('text')) {
say('## End to end');
say();
say('| run | documents | wall s | documents/s | MB/s | CPU s | documents per CPU-s | peak RSS MB |');
say('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
const row = (label, r, docs) =>
  say(`| ${label} | ${fmt(docs)} | ${fmt(r.ms / 1000, 2)} | ${fmt(rate(docs, r.ms))} | ${fmt(rate(mb, r.ms), 2)} | ${fmt(r.cpu / 1000, 2)} | ${fmt(rate(docs, r.cpu))} | ${fmt(r.rss)} |`);
const ext1 = runCli(['extract', dir, '--format', 'jsonl', '--quiet', '--jobs', '1'], { oneCore: true });
const docs = ext1.docs;
row('extract → JSONL, one core', ext1, docs);
const chk1 = runCli(['check', dir, '--format', 'json', '--quiet', '--jobs', '1'], { oneCore: true });
row('check (extract + check), one core', chk1, docs);
const extN = runCli(['extract', dir, '--format', 'jsonl', '--quiet', '--jobs', String(cores)]);
row(`extract → JSONL, ${cores} cores`, extN, docs);
const chkN = runCli(['check', dir, '--format', 'json', '--quiet', '--jobs', String(cores)]);
row(`check (extract + check), ${cores} cores`, chkN, docs);
const fl = floor(dir);
if (fl) say(`| floor (\`../shared/bench/limit.mjs\`), one core | ${fmt(fl.files)} files | ${fmt(fl.files / fl.rate, 2)} | ${fmt(fl.rate)} files/s | ${fmt(fl.mbs, 2)} | | | |`);
say();
const files1 = rate(FILES, chk1.ms);
if (fl) {
  // the floor times its loop only; our wall time includes start-up and the worker's module loading
  say(`One core, extract + check: ${fmt(files1)} files/s = **${fmt((100 * files1) / fl.rate, 1)} % of the floor's** ${fmt(fl.rate)} files/s in the same run (wall time).`);
  say(`By CPU time: ${fmt(rate(FILES, chk1.cpu))} files per CPU-second = ${fmt((100 * rate(FILES, chk1.cpu)) / fl.rate, 1)} % of the floor (extract alone: ${fmt((100 * rate(FILES, ext1.cpu)) / fl.rate, 1)} %).`);
} else say('The floor script (../shared/bench/limit.mjs) is not there: no floor figure.');
say(`${cores} workers against one: extract **×${fmt(ext1.ms / extN.ms, 2)}**, check ×${fmt(chk1.ms / chkN.ms, 2)} (wall time); CPU time ×${fmt(extN.cpu / ext1.cpu, 2)} and ×${fmt(chkN.cpu / chk1.cpu, 2)} of one worker's.`);
say(`The machine's load average at the end: ${loadavg().map((x) => x.toFixed(1)).join(', ')} (${cores} cores; above ${cores}, wall-time rates and the speed-up are depressed).`);
}
rmSync(dir, { recursive: true, force: true });

// ---------------------------------------------------------------------------------------------
// 2. memory at LARGE documents

if (want('memory')) {
const big = corpus(LARGE);
const extBig = runCli(['extract', big, '--format', 'jsonl', '--quiet']);
const chkBig = runCli(['check', big, '--format', 'json', '--quiet']);
rmSync(big, { recursive: true, force: true });
say();
say(`## Memory at ${fmt(LARGE)} files`);
say();
say(`| run | documents | wall s | peak RSS MB |`);
say('| --- | ---: | ---: | ---: |');
say(`| extract → JSONL, ${cores} cores | ${fmt(extBig.docs)} | ${fmt(extBig.ms / 1000, 1)} | ${fmt(extBig.rss)} |`);
say(`| check, ${cores} cores | ${fmt(extBig.docs)} | ${fmt(chkBig.ms / 1000, 1)} | ${fmt(chkBig.rss)} |`);
}

// ---------------------------------------------------------------------------------------------
// 3. stages and extractors, in process

if (want('stages')) {
const { sourceFromBytes } = await import('../dist/src/read/source.js');
const { normalize } = await import('../dist/src/normalize/index.js');
const { segment } = await import('../dist/src/segment/index.js');
const { contextsOf, extractRecord } = await import('../dist/src/extract/document.js');
const { checkDocument } = await import('../dist/src/check/run.js');
const { diffRecords } = await import('../dist/src/diff/index.js');
const { NoticeRecord } = await import('../dist/schemas/notice.js');
const { shouldValidate } = await import('../dist/src/check/validate.js');
const bytes = notices.map((f) => [f, readFileSync(f)]);
const stage = { read: 0, normalize: 0, segment: 0, extract: 0, check: 0, validate: 0 };
const perExtractor = new Map();
const rounds = Math.max(1, Math.round(Math.min(FILES, 1000) / notices.length));
let stageDocs = 0;
const national = [];
const provincial = [];
const t0 = performance.now();
for (let k = 0; k < rounds; k++) {
  for (const [path, b] of bytes) {
    let t = performance.now();
    const read = await sourceFromBytes(path, b);
    stage.read += performance.now() - t;
    if (!read.ok) continue;
    t = performance.now();
    const n = normalize(read.source);
    stage.normalize += performance.now() - t;
    t = performance.now();
    const layouts = segment(n);
    stage.segment += performance.now() - t;
    t = performance.now();
    const records = contextsOf(read.source, n, layouts).map((ctx) => extractRecord(ctx, perExtractor));
    stage.extract += performance.now() - t;
    t = performance.now();
    for (const r of records) r.findings = [...r.findings, ...checkDocument(r)];
    stage.check += performance.now() - t;
    t = performance.now();
    // as in production: the schema check on a sample of files (src/check/validate.ts)
    for (const r of records) if (shouldValidate('sample', r.source.sha256)) NoticeRecord.parse(r);
    stage.validate += performance.now() - t;
    stageDocs += records.length;
    if (k === 0) for (const r of records) (r.level === 'national' ? national : provincial).push(r);
  }
}
const stageTotal = performance.now() - t0;
say();
say(`## Time per stage (in process, ${fmt(stageDocs)} documents)`);
say();
say('| stage | ms per document | share |');
say('| --- | ---: | ---: |');
for (const [name, ms] of Object.entries(stage)) say(`| ${name} | ${fmt(ms / stageDocs, 3)} | ${fmt((100 * ms) / stageTotal, 1)} % |`);
say(`| total | ${fmt(stageTotal / stageDocs, 3)} | ${fmt(rate(stageDocs, stageTotal))} documents/s |`);
say();
say('| extractor | ms per document | share of extract |');
say('| --- | ---: | ---: |');
const extractTotal = [...perExtractor.values()].reduce((a, b) => a + b, 0);
for (const [name, ms] of [...perExtractor].sort((a, b) => b[1] - a[1])) say(`| ${name} | ${fmt(ms / stageDocs, 3)} | ${fmt((100 * ms) / extractTotal, 1)} % |`);

// the repo's real notices (test/fixtures/real: web copies, law-database copies, Markdown with front
// matter, HTML) cost more per character than the generated corpus; the same pipeline over them
{
  const { processFile } = await import('../dist/pipelines/document.js');
  const realDir = join(root, 'test', 'fixtures', 'real');
  const real = readdirSync(realDir).filter((f) => /\.(txt|md|html)$/.test(f) && !/^README/.test(f)).map((f) => [join(realDir, f), readFileSync(join(realDir, f))]);
  const kb = real.reduce((n, [, b]) => n + b.length, 0) / 1024;
  for (const [path, b] of real) await processFile(path, b);
  const realRounds = 5;
  const t1 = performance.now();
  for (let k = 0; k < realRounds; k++) for (const [path, b] of real) await processFile(path, b);
  const ms = (performance.now() - t1) / realRounds;
  const corpusKb = bytes.reduce((n, [, b]) => n + b.length, 0) / 1024;
  say();
  say(`Real notices (test/fixtures/real, ${real.length} files, ${fmt(kb)} KB), the whole pipeline in process: ${fmt(ms / real.length, 2)} ms per file, ${fmt(ms / kb, 3)} ms per KB (the corpus above: ${fmt(stageTotal / rounds / corpusKb, 3)} ms per KB).`);
}

// ---------------------------------------------------------------------------------------------
// 4. 31-province diff matrix

if (national.length && provincial.length) {
  const base = national[0];
  const targets = Array.from({ length: 31 }, (_, i) => provincial[i % provincial.length]);
  diffRecords(base, targets[0]);
  const t = performance.now();
  for (const r of targets) diffRecords(base, r);
  const ms = performance.now() - t;
  say();
  say(`## Diff matrix`);
  say();
  say(`31 provincial notices against the national one: ${fmt(ms)} ms (${fmt(ms / 31, 1)} ms per pair).`);
}
}

// ---------------------------------------------------------------------------------------------
// 5. PDF against pdftotext: bench/pdf-bench.mjs, pinned to one core like the one-core text runs

if (want('pdf')) {
  const pdfArgs = [join(root, 'bench', 'pdf-bench.mjs'), ...(arg('--pdf', null) ? ['--pdf', arg('--pdf', null)] : [])];
  const [cmd, full] = pin ? ['taskset', ['-c', '0', process.execPath, ...pdfArgs]] : [process.execPath, pdfArgs];
  const r = spawnSync(cmd, full, { encoding: 'utf8', maxBuffer: 1 << 24 });
  say();
  for (const line of r.stdout.trimEnd().split('\n')) say(line);
  if (r.status !== 0) say(`PDF bench failed (exit ${r.status}): ${r.stderr.trim().split('\n')[0]}`);
}

// ---------------------------------------------------------------------------------------------
// 5b. binary readers and OCR: each fixture read once (OCR takes seconds a page, not milliseconds);
// `--ocr-pages N` (default 2; 0 skips OCR)

if (want('ocr')) {
  const { sourceFromBytes } = await import('../dist/src/read/source.js');
  const { DEFAULT_READ_OPTIONS } = await import('../dist/src/read/options.js');
  const fixtures = join(root, 'test', 'fixtures', 'formats');
  say();
  say('## Binary readers and OCR');
  say();
  for (const name of ['001.ofd', 'govcheck-test.doc', 'govcheck-test.wps']) {
    const t = performance.now();
    const read = await sourceFromBytes(name, readFileSync(join(fixtures, name)));
    say(`- read ${name}: ${fmt(performance.now() - t)} ms (${read.ok ? read.source.text.length + ' characters' : read.reason})`);
  }
  const ocrPages = Number(arg('--ocr-pages', 2));
  if (ocrPages > 0) {
    let t = performance.now();
    await sourceFromBytes('png', readFileSync(join(fixtures, 'govcheck-test.png')));
    say(`- OCR: models loaded + first page (PNG, 1240×1754) in ${fmt((performance.now() - t) / 1000, 1)} s`);
    t = performance.now();
    const scan = await sourceFromBytes('scan', readFileSync(join(fixtures, '001-scan.pdf')), { ...DEFAULT_READ_OPTIONS, ocrMaxPages: ocrPages });
    const pages = scan.ok ? scan.source.ocr.pages.length : 0;
    const seconds = (performance.now() - t) / 1000;
    const chars = scan.ok ? scan.source.text.length : 0;
    say(`- OCR: ${pages} scanned PDF pages (rendered at 150 dpi) in ${fmt(seconds, 1)} s: ${fmt(seconds / Math.max(1, pages), 1)} s per OCR'd page, ${fmt(chars / seconds)} characters/s, mean confidence ${scan.ok ? scan.source.ocr.confidence : '-'}`);
    // the same pages through the whole OCR step and through the two models alone (bench/ocr-bench.mjs), CPU time
    const ocrArgs = [join(root, 'bench', 'ocr-bench.mjs'), '--pdf-pages', String(ocrPages), '--rounds', '2'];
    const [ocrCmd, ocrFull] = pin ? ['taskset', ['-c', '0', process.execPath, ...ocrArgs]] : [process.execPath, ocrArgs];
    const r = spawnSync(ocrCmd, ocrFull, { encoding: 'utf8', maxBuffer: 1 << 24 });
    for (const line of r.stdout.trimEnd().split('\n').filter(Boolean)) say(line);
    if (r.status !== 0) say(`OCR vs bare inference failed (exit ${r.status}): ${r.stderr.trim().split('\n')[0]}`);
  }
}

// ---------------------------------------------------------------------------------------------
// 6. start-up

if (want('startup')) {
const median = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
const timeOf = (args) => {
  const t = performance.now();
  spawnSync(process.execPath, args, { stdio: 'ignore' });
  return performance.now() - t;
};
const bare = [];
const help = [];
for (let k = 0; k < 11; k++) {
  bare.push(timeOf(['-e', '0']));
  help.push(timeOf([cli, '--help']));
}
const one = [];
for (let k = 0; k < 5; k++) one.push(timeOf([cli, 'check', join(root, 'seeds', readdirSync(join(root, 'seeds'))[1])]));
say();
say('## Start-up (median of 11 runs)');
say();
say(`\`node -e 0\` ${fmt(median(bare))} ms; \`notices --help\` ${fmt(median(help))} ms (${fmt(median(help) / median(bare), 2)}× bare node); \`notices check\` on one seed ${fmt(median(one))} ms.`);
}

// ---------------------------------------------------------------------------------------------
// 7. notices serve under load (bench/serve.mjs: its own store of 10,000 notices, autocannon)

if (want('serve') && !process.argv.includes('--no-serve')) {
  const served = spawnSync(process.execPath, [join(root, 'bench', 'serve.mjs')], { encoding: 'utf8', maxBuffer: 1 << 26 });
  say();
  for (const line of (served.stdout || `serve bench failed: ${served.stderr}`).trimEnd().split('\n')) say(line);
}

if (process.argv.includes('--write') && !only) {
  // the hand-written part (from `## Notes` on) stays
  const page = join(root, 'docs', 'performance.md');
  const old = existsSync(page) ? readFileSync(page, 'utf8') : '';
  // the new run on top (its headings one level down, under its date), every earlier run and note kept below
  const run = lines.slice(1).map((l) => (l.startsWith('## ') ? `#${l}` : l));
  const earlier = old.replace(/^# Performance\n+/, '');
  writeFileSync(page, ['# Performance', '', `## Run of ${new Date().toISOString().slice(0, 10)}`, ...run, '', earlier].join('\n'));
  console.log('\n(written to docs/performance.md)');
}
