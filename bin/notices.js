#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';
// A batch's main thread turns over a record per file; V8's default lets the old generation grow
// several times over between full collections (peak RSS grew with the corpus: 305 MB at 10,000 files
// with two workers). Growing it by 20 % keeps the peak flat (docs/performance.md). Set before
// anything is allocated; worker threads share the flag.
setFlagsFromString('--heap-growing-percent=20');
// A batch runs each document through a few hundred functions once; with V8's default budget most of
// them reach the optimizing compiler after a few hundred documents, and compiling them cost more CPU
// than the optimized code saved (2,000 text notices on one core: 4 s of 12 s CPU on V8's compiler
// threads; 2 workers compile it all twice). Eight times the default budget (67,584) optimizes only
// what stays hot: 2,000 notices −25 % CPU, 10,000 about the same CPU as before (taskset, CPU time).
setFlagsFromString('--interrupt-budget=540000');
// Young-generation collections on each thread's own: V8 scavenges with helper threads from one pool
// per process, and with a batch worker on every core there is no idle core for them; two workers'
// helpers preempt the workers and each other (1,000 text notices, two workers 1.85 → 1.55 s; one
// worker unchanged). Only the scavenger's flag: the concurrent marker's (or --single-threaded-gc,
// which holds it) aborts V8 when flipped while a collection is under way.
setFlagsFromString('--no-parallel-scavenge');
// a batch's workers start loading while the command line is read (src/batch/run.ts prestartWorkers)
if (['extract', 'check', 'compare'].includes(process.argv[2])) await (await import('../dist/src/batch/run.js')).prestartWorkers(process.argv.slice(3));
const { main } = await import('../dist/src/cli/main.js');

main().catch((e) => {
  process.stderr.write(`notices: internal error: ${e?.message ?? e}\n`);
  process.exit(70);
});
