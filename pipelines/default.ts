/**
 * `npm start`: the main job. Extracts every notice under seeds/ and writes out/.
 * Stages, in order:
 *   1. extract   seeds/**            → NoticeRecord[]        (pipelines/document.ts per file)
 *   2. emit      records             → out/<file>.<n>.json, out/notices.jsonl
 */
import { join } from 'node:path';
import type { NoticeRecord } from '../schemas/notice.js';
import { extractBatch } from '../src/cli/extract.js';
import { writeRecords } from '../src/emit/json.js';
import { jsonlFile } from '../src/emit/jsonl.js';

const root = join(new URL('../..', import.meta.url).pathname);
const seeds = process.argv[2] ?? join(root, 'seeds');
const out = process.argv[3] ?? join(root, 'out');
const quiet = process.argv.includes('--quiet');

const records: NoticeRecord[] = [];
const failed = await extractBatch([seeds], quiet, async (r) => void records.push(r));
await writeRecords(out, records);
const jsonl = await jsonlFile(join(out, 'notices.jsonl'));
for (const r of records) await jsonl.write(r);
await jsonl.close();

process.stderr.write(`notices: ${records.length} documents from ${seeds} → ${out}${failed ? `, ${failed} file(s) failed` : ''}\n`);
if (failed) process.exitCode = 1;
