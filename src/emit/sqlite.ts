import type { NoticeRecord } from '../../schemas/notice.js';

/** Placeholder until issue 6: the SQLite store. */
export async function loadSqlite(_path: string, _records: NoticeRecord[]): Promise<void> {
  throw new Error('SQLite output is not implemented yet');
}
