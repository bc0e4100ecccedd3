import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import type { NoticeRecord } from '../../schemas/notice.js';

/**
 * Output names for a batch, so no two inputs share one: each record is written to its source's
 * path relative to the folder all the batch's inputs share, without the extension, plus
 * `.<documentIndex>.json` (`a/notice.txt` and `b/notice.txt` → `a/notice.0.json`, `b/notice.0.json`;
 * a single file or a flat folder → `notice.0.json`). The extension stays where two inputs of one
 * folder would otherwise meet (`notice.txt`, `notice.pdf` → `notice.txt.0.json`, `notice.pdf.0.json`).
 */
export function recordFileNames(records: readonly NoticeRecord[]): (r: NoticeRecord) => string {
  const sources = [...new Set(records.map((r) => resolve(r.source.path)))];
  const base = commonFolder(sources.map((p) => dirname(p)));
  const withExtension = (p: string) => relative(base, p).split(sep).join('/');
  const stem = (p: string) => withExtension(p).slice(0, withExtension(p).length - extname(p).length);
  const uses = new Map<string, number>();
  for (const p of sources) uses.set(stem(p), (uses.get(stem(p)) ?? 0) + 1);
  const names = new Map(sources.map((p) => [p, uses.get(stem(p))! > 1 ? withExtension(p) : stem(p)]));
  return (r) => `${names.get(resolve(r.source.path)) ?? stem(resolve(r.source.path))}.${r.source.documentIndex}.json`;
}

/** The deepest folder that holds every one of `folders` (absolute paths). */
function commonFolder(folders: string[]): string {
  if (folders.length === 0) return resolve('.');
  let parts = folders[0].split(sep);
  for (const f of folders.slice(1)) {
    const other = f.split(sep);
    let same = 0;
    while (same < parts.length && same < other.length && parts[same] === other[same]) same++;
    parts = parts.slice(0, same);
  }
  return parts.join(sep) || sep;
}

/** Writes one JSON file per record under `dir` (sub-folders as the inputs had them); returns the paths. */
export async function writeRecords(dir: string, records: NoticeRecord[]): Promise<string[]> {
  const nameOf = recordFileNames(records);
  const written: string[] = [];
  const seen = new Set<string>();
  for (const r of records) {
    const file = join(dir, nameOf(r));
    // the names are unique by construction; the same input given twice is the only way here
    if (seen.has(file)) continue;
    seen.add(file);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify(r, null, 2) + '\n');
    written.push(file);
  }
  return written;
}
