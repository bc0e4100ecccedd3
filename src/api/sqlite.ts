import type { DiffRecord } from '../../schemas/diff.js';
import type { LocatedFinding } from '../../schemas/finding.js';
import type { NoticeRecord } from '../../schemas/notice.js';

/** What else {@link toSqlite} stores beside the records. */
export interface SqliteExtras {
  /** Findings of {@link check}; they replace the stored check findings of the same document. */
  findings?: readonly LocatedFinding[];
  /** Records of {@link diff}; each replaces the stored diff of the same base/target pair. */
  diffs?: readonly DiffRecord[];
}

/** What one {@link toSqlite} call did. */
export interface SqliteSummary {
  /** records inserted */
  documents: number;
  /** stored documents deleted because this batch holds them again (same file content) or a newer version of their file */
  replaced: number;
  findings: number;
  diffs: number;
}

/**
 * Loads records into the SQLite store at `file` (created if missing; the layout is in
 * docs/loading.md), in one transaction: an invalid record rolls the whole batch back. Loading the
 * same documents again replaces them instead of duplicating.
 *
 * Needs the optional dependency better-sqlite3, loaded only now: without it (or without its
 * native build) this rejects with a `SqliteDriverMissing` error that says what to install.
 *
 * @param file the store's path (its folder is created), or `':memory:'`
 */
export async function toSqlite(records: readonly NoticeRecord[], file: string, extras: SqliteExtras = {}): Promise<SqliteSummary> {
  const { openStore, loadInto } = await import('../emit/sqlite.js');
  const db = openStore(file);
  try {
    return loadInto(db, records, extras);
  } finally {
    db.close();
  }
}
