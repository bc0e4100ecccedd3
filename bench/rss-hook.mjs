// Loaded with `node --import` by bench/run.mjs: reports the process's peak RSS (worker threads included) on exit,
import { writeSync } from 'node:fs';
// and its CPU time (all threads): on a busy machine, documents per CPU-second say more than wall time
process.on('exit', () => {
  const u = process.resourceUsage();
  writeSync(2, `\nBENCH_MAXRSS_KB ${u.maxRSS}\nBENCH_CPU_US ${u.userCPUTime + u.systemCPUTime}\n`);
});
