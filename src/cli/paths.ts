import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { describeFsError } from '../util/fs-errors.js';
import { fail, type Failure } from '../util/result.js';

const NOTICE_FILE = /\.(txt|text|md|markdown|pdf|html?|docx|doc|wps|ofd|png|jpe?g|tiff?)$/i;

/** What a batch's paths came to: the files to read, the paths that failed, and the files a folder walk passed over. */
export interface ExpandedPaths {
  files: string[];
  failures: Failure[];
  /** files inside the folders whose type is not a notice format (`.exe`, `.json`), so not read: never dropped without a word */
  skipped: string[];
}

/** Files named on the command line; folders are walked for notice files (sorted, so runs are deterministic). */
export async function expandPaths(paths: string[]): Promise<ExpandedPaths> {
  const files: string[] = [];
  const failures: Failure[] = [];
  const skipped: string[] = [];
  for (const p of paths) {
    let info;
    try {
      info = await stat(p);
    } catch (e) {
      failures.push(fail(p, describeFsError(e)));
      continue;
    }
    if (!info.isDirectory()) {
      files.push(p);
      continue;
    }
    const found = await walk(p, skipped);
    if (found.length === 0) failures.push(fail(p, 'directory holds no notice files (.txt, .md, .pdf, .html, .docx, .doc, .wps, .ofd, .png, .jpg, .tif)'));
    files.push(...found);
  }
  return { files, failures, skipped };
}

async function walk(dir: string, skipped: string[]): Promise<string[]> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  const out: string[] = [];
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p, skipped)));
    else if (NOTICE_FILE.test(e.name)) out.push(p);
    else skipped.push(p);
  }
  return out;
}

/** `skipped 3 files of unknown type: .exe, .json` (extensions sorted; a file without one counts as `(none)`). */
export function describeSkipped(skipped: readonly string[]): string | null {
  if (skipped.length === 0) return null;
  const types = [...new Set(skipped.map((p) => extname(p).toLowerCase() || '(no extension)'))].sort();
  return `skipped ${skipped.length} file${skipped.length === 1 ? '' : 's'} of unknown type: ${types.join(', ')}`;
}
