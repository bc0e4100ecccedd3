// Loaded with `node --import` by bench/run.mjs: reports the process's peak RSS (worker threads included) on exit.
import { writeSync } from 'node:fs';
process.on('exit', () => writeSync(2, `\nBENCH_MAXRSS_KB ${process.resourceUsage().maxRSS}\n`));
