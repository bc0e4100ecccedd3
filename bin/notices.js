#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';
// A batch's main thread turns over a record per file; V8's default lets the old generation grow
// several times over between full collections (peak RSS grew with the corpus: 305 MB at 10,000 files
// with two workers). Growing it by 20 % keeps the peak flat (docs/performance.md). Set before
// anything is allocated; worker threads share the flag.
setFlagsFromString('--heap-growing-percent=20');
const { main } = await import('../dist/src/cli/main.js');

main().catch((e) => {
  process.stderr.write(`notices: internal error: ${e?.message ?? e}\n`);
  process.exit(70);
});
