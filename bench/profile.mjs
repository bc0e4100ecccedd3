#!/usr/bin/env node
// `node --cpu-prof --cpu-prof-dir DIR bench/profile.mjs [--rounds N]`: the document pipeline in this
// process over the repo's text notices (seeds and test notices; the Markdown seed 000 only with
// --markdown, as the bench's corpus holds it once in 2,000), N rounds, for a CPU profile without
// worker threads; `node bench/profile-top.mjs DIR/*.cpuprofile` lists the self time by function.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const root = new URL('..', import.meta.url).pathname;
const rounds = Number(process.argv.includes('--rounds') ? process.argv[process.argv.indexOf('--rounds') + 1] : 100);
const files = [
  ...readdirSync(join(root, 'seeds')).map((f) => join(root, 'seeds', f)),
  ...['notices', 'figures'].flatMap((d) => readdirSync(join(root, 'test', 'fixtures', d)).map((f) => join(root, 'test', 'fixtures', d, f))),
].filter((f) => /\.(txt|md)$/.test(f) && (process.argv.includes('--markdown') || !f.endsWith('000_7dc2baf39b3a8626.txt')));
const bytes = files.map((f) => [f, new Uint8Array(readFileSync(f))]);
const { processFile } = await import('../dist/pipelines/document.js');
const { loadMarkdownParser } = await import('../dist/src/normalize/markdown.js');
await loadMarkdownParser();
const cpu0 = process.cpuUsage();
const t0 = performance.now();
let docs = 0;
for (let k = 0; k < rounds; k++) for (const [path, b] of bytes) docs += (await processFile(path, b)).ok ? 1 : 0;
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
console.error(`${rounds * bytes.length} files (${docs} ok) in ${ms.toFixed(0)} ms wall, ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU: ${((rounds * bytes.length) / ((cpu.user + cpu.system) / 1e6)).toFixed(0)} files per CPU-s`);
