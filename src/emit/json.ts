import { mkdir, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { NoticeRecord } from '../../schemas/notice.js';

/** The file a record is written to: `<source name>.<documentIndex>.json`. */
export function recordFileName(r: NoticeRecord): string {
  const name = basename(r.source.path, extname(r.source.path));
  return `${name}.${r.source.documentIndex}.json`;
}

export async function writeRecords(dir: string, records: NoticeRecord[]): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const r of records) {
    const file = join(dir, recordFileName(r));
    await writeFile(file, JSON.stringify(r, null, 2) + '\n');
    written.push(file);
  }
  return written;
}
