/**
 * `npm start`: the main job. Reads seeds/ (or argv[2]) and writes out/ (or argv[3]).
 *
 *   1. extract  every notice file          → NoticeRecord[]   (pipelines/document.ts, one lifecycle per file)
 *   2. check    within and across records  → Finding[]        (src/check)
 *   3. diff     each notice against the national notice it implements → DiffRecord[] (src/diff)
 *   4. emit     out/<file>.<n>.json, out/notices.jsonl, out/diffs/*.json, out/check.sarif,
 *               out/notices.sqlite, out/compare.html, out/report.html
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import type { NoticeRecord } from '../schemas/notice.js';
import { formatSarif } from '../src/check/format/sarif.js';
import { extractBatch } from '../src/cli/extract.js';
import { summaryLine } from '../src/cli/summary.js';
import { formatHtml } from '../src/compare/format.js';
import { diffsOf, pairWithNationals } from '../src/compare/national.js';
import { analyse, storeBatch } from '../src/emit/store-batch.js';
import { compareRows } from '../src/compare/rows.js';
import { recordFileNames, writeRecords } from '../src/emit/json.js';
import { jsonlFile } from '../src/emit/jsonl.js';
import { renderReport } from '../src/report/index.js';

const root = join(new URL('../..', import.meta.url).pathname);
const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
// relative to where it runs, as `notices extract seeds` names them: the store's documents.path is the same either way
const seeds = args[0] ?? (relative(process.cwd(), join(root, 'seeds')) || '.');
const out = args[1] ?? join(root, 'out');
const quiet = process.argv.includes('--quiet');
const say = (s: string) => quiet || process.stderr.write(s + '\n');

// 0. start from a clean out/: files of notices since removed from seeds/ must not linger
await clean(out);

// 1. extract
const records: NoticeRecord[] = [];
const tally = await extractBatch([seeds], quiet, async (r) => void records.push(r));

// 2. check, 3. diff: the same analysis `notices extract --format sqlite` stores (src/emit/store-batch.ts)
const pairs = pairWithNationals(records);
const diffs = diffsOf(pairs);
const analysis = analyse(records, pairs);
const findings = analysis.findings;

// 4. emit
await writeRecords(out, records);
const jsonl = await jsonlFile(join(out, 'notices.jsonl'));
for (const r of records) await jsonl.write(r);
await jsonl.close();
const nameOf = recordFileNames(records);
for (const [r, d] of diffs) {
  const file = join(out, 'diffs', nameOf(r));
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(d, null, 2) + '\n');
}
await writeFile(join(out, 'check.sarif'), JSON.stringify(formatSarif(findings), null, 2) + '\n');
await writeFile(join(out, 'compare.html'), formatHtml(compareRows(records, diffs, findings)));
await writeFile(join(out, 'report.html'), await renderReport({ records, findings, pairs }));
await storeBatch(join(out, 'notices.sqlite'), records, analysis);

const errors = findings.filter((f) => f.severity === 'error').length;
say(summaryLine(tally, `${findings.length} findings (${errors} errors) and ${diffs.size} diffs to ${out}`));
if (tally.failed) process.exitCode = 1;

/** Removes what an earlier run generated (the folder's README and anything else stay). */
async function clean(dir: string, top = true): Promise<void> {
  const generated = top ? /^(.+\.\d+\.json|notices\.jsonl|notices\.sqlite(-journal|-wal|-shm)?|check\.sarif|compare\.html|report\.html|diffs)$/ : /^.+\.\d+\.json$/;
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    if (generated.test(e.name)) await rm(join(dir, e.name), { recursive: true, force: true });
    // records of inputs in sub-folders: their folders go too once nothing else is left in them
    else if (e.isDirectory()) {
      await clean(join(dir, e.name), false);
      if ((await readdir(join(dir, e.name))).length === 0) await rm(join(dir, e.name), { recursive: true });
    }
  }
}
