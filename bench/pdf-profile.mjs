#!/usr/bin/env node
// `node bench/pdf-profile.mjs FILE.pdf… [--reps N] [--opts JSON]`: our PDF reader over the files, N passes,
// CPU time per page; with --opts, extra getDocument options (to measure what each costs).
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const args = process.argv.slice(2);
const opt = (n, d) => (args.includes(n) ? args[args.indexOf(n) + 1] : d);
const reps = Number(opt('--reps', 10));
const files = args.filter((a, i) => a.endsWith('.pdf') && args[i - 1] !== '--opts');
const { readPdf } = await import('../dist/src/read/pdf.js');
const { DEFAULT_READ_OPTIONS } = await import('../dist/src/read/options.js');
const bytes = files.map((f) => new Uint8Array(readFileSync(f)));
await readPdf(bytes[0].slice(), DEFAULT_READ_OPTIONS);
let pages = 0;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
for (let k = 0; k < reps; k++) for (const b of bytes) { const r = await readPdf(b.slice(), DEFAULT_READ_OPTIONS); if (r.ok) pages += r.pageStarts.length; }
const cpu = process.cpuUsage(cpu0);
console.log(`${pages} pages: ${((performance.now() - t0) / pages).toFixed(1)} ms wall, ${((cpu.user + cpu.system) / 1000 / pages).toFixed(1)} ms CPU per page`);
