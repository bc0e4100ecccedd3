#!/usr/bin/env node
import { main } from '../dist/src/cli/main.js';

main().catch((e) => {
  process.stderr.write(`notices: internal error: ${e?.message ?? e}\n`);
  process.exit(70);
});
