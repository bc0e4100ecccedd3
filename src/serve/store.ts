import type Database from 'better-sqlite3';
import type { DiffRecord } from '../../schemas/diff.js';
import type { NoticeRecord } from '../../schemas/notice.js';
import { processSource } from '../../pipelines/document.js';
import { loadSchemaCheck } from '../check/validate.js';
import { checkCorpus } from '../check/run.js';
import { expandPaths } from '../cli/paths.js';
import { diffsOf, pairWithNationals } from '../compare/national.js';
import { sqliteDriver } from '../emit/sqlite-driver.js';
import { loadInto, openStore, STORE_VERSION } from '../emit/sqlite.js';
import { readSource } from '../read/source.js';
import { INSERT_SOURCE_TEXT_SQL, SOURCE_TEXTS_SQL } from './queries.js';

/**
 * The store `notices serve` reads: an existing file opened read-only (the server never writes to a
 * user's store), or one built from notice files into a file of its own.
 */

/** Opens a store read-only; a file that is not a store of this layout is refused with a reason. */
export function openReadOnly(path: string): Database.Database {
  const Driver = sqliteDriver();
  const db = new Driver(path, { readonly: true, fileMustExist: true });
  try {
    // read through a memory map rather than a read() per page: the store is only ever read
    db.pragma('mmap_size = 4294967296');
    const layout = db.pragma('user_version', { simple: true }) as number;
    const documents = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'documents'").get();
    if (!documents) throw new Error(`${path} is not a notices store (no documents table)`);
    if (layout !== STORE_VERSION) throw new Error(`${path} has store layout ${layout}, this version reads layout ${STORE_VERSION}; extract the notices again`);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

export interface BuildSummary {
  files: number;
  documents: number;
  failures: { path: string; reason: string }[];
  findings: number;
  diffs: number;
}

/**
 * Extracts the notices at `paths` (files or folders) into a new store at `file`: the records, the
 * cross-document check findings, each notice's diff against the national notice it implements,
 * and each source's text (table `source_texts`, so the notice page can show where fields came from).
 * `progress` hears one line per file.
 */
export async function buildStore(paths: string[], file: string, progress: (line: string) => void = () => {}): Promise<BuildSummary> {
  const { files, failures } = await expandPaths(paths);
  // processSource validates the sampled records with zod, loaded on demand
  await loadSchemaCheck();
  const records: NoticeRecord[] = [];
  const texts = new Map<string, string>();
  for (const [i, path] of files.entries()) {
    const read = await readSource(path);
    const result = read.ok ? processSource(read.source) : read;
    if (result.ok && read.ok) {
      records.push(...result.records);
      for (const r of result.records) texts.set(r.source.sha256, read.source.text);
    } else if (!result.ok) failures.push(result);
    progress(`[${i + 1}/${files.length}] ${path}${result.ok ? '' : `: ${result.reason}`}`);
  }
  progress(`checking and diffing ${records.length} notices`);
  // each record's own findings are stored with it; the cross-document ones go beside them
  const findings = checkCorpus(records);
  const diffs: DiffRecord[] = [...diffsOf(pairWithNationals(records)).values()];
  const db = openStore(file);
  try {
    const summary = loadInto(db, records, { findings, diffs });
    db.exec(SOURCE_TEXTS_SQL);
    const insert = db.prepare(INSERT_SOURCE_TEXT_SQL);
    db.transaction(() => {
      for (const [sha, text] of texts) insert.run(sha, text);
    })();
    return { files: files.length, documents: summary.documents, failures: failures.map((f) => ({ path: f.path, reason: f.reason })), findings: summary.findings, diffs: summary.diffs };
  } finally {
    db.close();
  }
}
