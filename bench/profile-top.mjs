#!/usr/bin/env node
// Self time by function (and by package) of a .cpuprofile written by `node --cpu-prof`.
import { readFileSync } from 'node:fs';

const file = process.argv[2];
const top = Number(process.argv[3] ?? 30);
const prof = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const self = new Map();
for (let i = 0; i < prof.samples.length; i++) {
  const n = byId.get(prof.samples[i]);
  const dt = prof.timeDeltas[i] ?? 0;
  n.self = (n.self ?? 0) + dt;
}
let total = 0;
const byPkg = new Map();
for (const n of prof.nodes) {
  if (!n.self) continue;
  total += n.self;
  const cf = n.callFrame;
  const where = cf.url.replace(/^.*\/(node_modules\/(@[^/]+\/)?[^/]+|dist)\//, '$1/');
  const key = `${cf.functionName || '(anon)'}  ${where}:${cf.lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + n.self);
  const pkg = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(cf.url)?.[1] ?? (cf.url.includes('/dist/') ? 'ours' : cf.url ? 'node' : cf.functionName);
  byPkg.set(pkg, (byPkg.get(pkg) ?? 0) + n.self);
}
const pct = (x) => ((100 * x) / total).toFixed(1).padStart(5) + ' %';
console.log('by package:');
for (const [k, v] of [...byPkg].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(pct(v), k);
console.log('\nby function (self):');
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(pct(v), k);
