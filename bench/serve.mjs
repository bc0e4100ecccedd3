#!/usr/bin/env node
/**
 * `notices serve` under load: p50/p95/p99 latency of `/search` and `/notice/<id>` on a store of
 * NOTICES notices (default 10,000), measured with autocannon against the real CLI server.
 *
 * The store: the seeds and the test notices are extracted once each (the real pipeline), then
 * their records are replicated to NOTICES documents, each copy with its own path and sha256 (as
 * bench/sqlite.mjs does: identical files would replace one another in the store), with each
 * copy's diff against the national notice and its source text — the store `notices serve FILES`
 * builds, at the size of a real corpus. The national notice is there once, as in a real corpus.
 *
 * Run after a build:  node bench/serve.mjs [--notices 10000] [--seconds 10] [--connections 2] [--store FILE]
 * (--store keeps the store at FILE, and reuses it when it is there.)
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';

const root = new URL('..', import.meta.url).pathname;
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const NOTICES = Number(arg('--notices', 10000));
const SECONDS = Number(arg('--seconds', 10));
const CONNECTIONS = Number(arg('--connections', 2));

const dist = (p) => import(new URL(`../dist/${p}`, import.meta.url).href);
const { processSource } = await dist('pipelines/document.js');
const { readSource } = await dist('src/read/source.js');
const { openStore, loadInto } = await dist('src/emit/sqlite.js');
const { diffRecords } = await dist('src/diff/index.js');
const { nationalFor } = await dist('src/compare/national.js');
const { SOURCE_TEXTS_SQL, INSERT_SOURCE_TEXT_SQL } = await dist('src/serve/queries.js');
let autocannon;
try {
  autocannon = createRequire(import.meta.url)('autocannon');
} catch {
  console.log('serve bench skipped: autocannon is not installed (npm ci installs it as a devDependency)');
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------
// the store

const files = [
  ...readdirSync(join(root, 'seeds')).map((f) => join(root, 'seeds', f)),
  ...['notices', 'figures'].flatMap((d) => readdirSync(join(root, 'test', 'fixtures', d)).map((f) => join(root, 'test', 'fixtures', d, f))),
].filter((f) => /\.(txt|md)$/.test(f));

let t = performance.now();
const templates = [];
for (const f of files) {
  const read = await readSource(f);
  if (!read.ok) continue;
  const r = processSource(read.source);
  if (r.ok) for (const record of r.records) templates.push({ record, text: read.source.text });
}
const national = templates.find((x) => x.record.level === 'national');
const others = templates.filter((x) => x !== national);
const diffOf = new Map(others.map((x) => [x, national && nationalFor(x.record, [national.record]) ? diffRecords(national.record, x.record) : null]));

const kept = arg('--store', null);
const dir = kept ? null : mkdtempSync(join(tmpdir(), 'notices-serve-bench-'));
const storePath = kept ?? join(dir, 'notices.sqlite');
const reuse = kept !== null && existsSync(kept);
if (kept) mkdirSync(join(kept, '..'), { recursive: true });
const db = openStore(storePath);
db.exec(SOURCE_TEXTS_SQL);
const insertText = db.prepare(INSERT_SOURCE_TEXT_SQL);
const startLoad = loadavg();
const BATCH = 1000;
for (let start = 0; start < (reuse ? 0 : NOTICES); start += BATCH) {
  const records = [];
  const diffs = [];
  const texts = [];
  for (let i = start; i < Math.min(NOTICES, start + BATCH); i++) {
    const tpl = i === 0 && national ? national : others[i % others.length];
    const tag = i.toString(16).padStart(8, '0');
    const path = `corpus/${tag}/${tpl.record.source.path.split('/').pop()}`;
    const record = { ...tpl.record, source: { ...tpl.record.source, path, sha256: tag + tpl.record.source.sha256.slice(8) } };
    records.push(record);
    texts.push([record.source.sha256, tpl.text]);
    const d = diffOf.get(tpl);
    if (d) diffs.push({ ...d, basePath: national.record.source.path.replace(/^.*\//, `corpus/${'0'.repeat(8)}/`), targetPath: path });
  }
  loadInto(db, records, { diffs });
  db.transaction(() => texts.forEach(([sha, text]) => insertText.run(sha, text)))();
}
const counts = db.prepare('SELECT (SELECT count(*) FROM documents) d, (SELECT count(*) FROM diffs) x, (SELECT count(*) FROM text_search) s').get();
const maxId = db.prepare('SELECT max(id) FROM documents').pluck().get();
db.close();
const buildSeconds = (performance.now() - t) / 1000;

// ---------------------------------------------------------------------------------------------
// the server (the CLI, in its own process, so the load tool does not share its event loop)

const server = spawn(process.execPath, [join(root, 'bin', 'notices.js'), 'serve', storePath, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
const base = await new Promise((resolve, reject) => {
  let out = '';
  server.stdout.on('data', (b) => {
    out += b;
    const m = /http:\/\/\S+\//.exec(out);
    if (m) resolve(m[0]);
  });
  server.once('exit', (code) => reject(new Error(`notices serve exited with ${code}`)));
});

const SEARCHES = ['交通补助', '稳岗就业', '脱贫人口', '创业担保贷款', '就业帮扶', '劳务协作', '公益性岗位', '东西部协作'];
let n = 0;
const pick = (xs) => xs[n++ % xs.length];
// a deterministic spread of ids over the whole store
const noticeIds = Array.from({ length: 97 }, (_, k) => 1 + ((k * 7919) % maxId));

const ROUTES = [
  { name: '/search?q=… (8 queries, page 1)', path: () => `/search?q=${encodeURIComponent(pick(SEARCHES))}` },
  { name: '/search?q=…&province=…&page=3', path: () => `/search?q=${encodeURIComponent(pick(SEARCHES))}&province=${encodeURIComponent('吉林')}&page=3` },
  { name: '/notice/<id> (97 ids across the store)', path: () => `/notice/${pick(noticeIds)}` },
  { name: '/api/notices?q=…', path: () => `/api/notices?q=${encodeURIComponent(pick(SEARCHES))}` },
  { name: '/ (overview with facets)', path: () => '/' },
];

/** CPU seconds the server process has used (utime + stime of /proc/PID/stat), or NaN off Linux. */
const TICK = 100; // USER_HZ: 100 on every Linux this runs on
function serverCpu() {
  try {
    const fields = readFileSync(`/proc/${server.pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICK;
  } catch {
    return NaN;
  }
}

const pct = (xs, p) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const results = [];
for (const route of ROUTES) {
  const times = [];
  let errors = 0;
  const cpuBefore = serverCpu();
  const instance = autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [{ setupRequest: (req) => ({ ...req, path: route.path() }) }],
  });
  instance.on('response', (_client, status, _bytes, ms) => {
    if (status !== 200) errors++;
    times.push(ms);
  });
  const result = await instance;
  const cpuMs = ((serverCpu() - cpuBefore) * 1000) / Math.max(1, times.length);
  times.sort((a, b) => a - b);
  results.push({ route: route.name, requests: times.length, rps: result.requests.average, p50: pct(times, 50), p95: pct(times, 95), p99: pct(times, 99), cpuMs, errors: errors + result.errors });
}
server.kill('SIGINT');
await new Promise((resolve) => server.once('exit', resolve));
if (dir) rmSync(dir, { recursive: true, force: true });

const fmt = (x) => (x < 10 ? x.toFixed(1) : Math.round(x).toString());
const lines = [
  `## \`notices serve\` at ${counts.d.toLocaleString('en')} notices`,
  '',
  `Store: ${counts.d.toLocaleString('en')} notices, ${counts.x.toLocaleString('en')} diffs, ${counts.s.toLocaleString('en')} full-text entries (${reuse ? 'reused' : `built in ${fmt(buildSeconds)} s`}). ` +
    `autocannon, ${CONNECTIONS} connection${CONNECTIONS === 1 ? '' : 's'}, ${SECONDS} s per route; latency of every response, in ms; ` +
    'server CPU per request = CPU time the server process used during the route ÷ responses (what a request costs on an idle core). ' +
    `Load average at the start: ${startLoad.map((x) => x.toFixed(1)).join(', ')} on ${availableParallelism()} cores.`,
  '',
  '| route | requests | req/s | p50 | p95 | p99 | server CPU per request | non-200 |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...results.map((r) => `| ${r.route} | ${r.requests} | ${fmt(r.rps)} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.p99)} | ${fmt(r.cpuMs)} | ${r.errors} |`),
];
console.log(lines.join('\n'));
