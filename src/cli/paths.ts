import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fail, type Failure } from '../util/result.js';

const NOTICE_FILE = /\.(txt|text|md|markdown|pdf|html?|docx|doc|wps|ofd|png|jpe?g|tiff?)$/i;

/** Files named on the command line; folders are walked for notice files (sorted, so runs are deterministic). */
export async function expandPaths(paths: string[]): Promise<{ files: string[]; failures: Failure[] }> {
  const files: string[] = [];
  const failures: Failure[] = [];
  for (const p of paths) {
    let info;
    try {
      info = await stat(p);
    } catch {
      failures.push(fail(p, 'no such file or directory'));
      continue;
    }
    if (!info.isDirectory()) {
      files.push(p);
      continue;
    }
    const found = await walk(p);
    if (found.length === 0) failures.push(fail(p, 'directory holds no notice files (.txt, .md, .pdf, .html, .docx, .doc, .wps, .ofd, .png, .jpg, .tif)'));
    files.push(...found);
  }
  return { files, failures };
}

async function walk(dir: string): Promise<string[]> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  const out: string[] = [];
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else if (NOTICE_FILE.test(e.name)) out.push(p);
  }
  return out;
}
