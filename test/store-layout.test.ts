import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/api/index.js';
import { loadInto, openStore, STORE_VERSION } from '../src/emit/sqlite.js';
import type { NoticeRecord } from '../schemas/notice.js';

/**
 * A record without a title (a body-only policy text: the body of the Shandong seed from 一、 to
 * its last sentence, no 版头, no title, no 落款) goes into the store like any other; a store
 * written by layout 3, whose documents.title was NOT NULL, is brought up to layout 4 without
 * losing a row.
 */
const bodyOnly = readFileSync(join(__dirname, 'fixtures', 'store', 'body-only.txt'), 'utf8');

async function bodyRecord(): Promise<NoticeRecord> {
  const r = await extractText(bodyOnly, { path: 'body-only.txt' });
  if (!r.ok) throw new Error(r.reason);
  expect(r.records).toHaveLength(1);
  return r.records[0];
}

const tempStore = () => join(mkdtempSync(join(tmpdir(), 'store-layout-')), 'notices.sqlite');

describe('store layout 4', () => {
  it('stores a body-only record: title null, its verdict in verdict_kind and verdict_confidence', async () => {
    const record = await bodyRecord();
    expect(record.title).toBeNull();
    expect(record.verdict.kind).toBe('body');
    const path = tempStore();
    const db = openStore(path);
    loadInto(db, [record]);
    const row = db.prepare('SELECT title, verdict_kind, verdict_confidence FROM documents').get() as Record<string, unknown>;
    expect(row).toEqual({ title: null, verdict_kind: 'body', verdict_confidence: record.verdict.confidence });
    // its sections are there: the body opens with 一、明确目标任务
    expect(db.prepare('SELECT count(*) FROM sections').pluck().get()).toBeGreaterThanOrEqual(3);
    db.close();
  });

  it('migrates a layout-3 store (title NOT NULL, no verdict columns): rows and children kept, title relaxed, verdict filled', async () => {
    const record = await bodyRecord();
    const titled: NoticeRecord = { ...record, title: '某某办法', source: { ...record.source, sha256: 'f'.repeat(64) } };
    const path = tempStore();
    const db = openStore(path);
    loadInto(db, [titled]);
    const sections = db.prepare('SELECT count(*) FROM sections').pluck().get() as number;
    expect(sections).toBeGreaterThan(0);
    // write the layout-3 documents table back: title NOT NULL, no verdict columns
    db.pragma('foreign_keys = OFF');
    const columns = (db.prepare('PRAGMA table_info(documents)').all() as { name: string }[]).map((c) => c.name).filter((c) => !c.startsWith('verdict_'));
    const sql = (db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'documents'").pluck().get() as string)
      .replace(/CREATE TABLE (IF NOT EXISTS )?documents/, 'CREATE TABLE documents3')
      .replace(/title(\s+)TEXT,/, 'title$1TEXT NOT NULL,')
      .replace(/\s*verdict_kind\s+TEXT,\s*verdict_confidence\s+REAL,/, '');
    expect(sql).toContain('NOT NULL');
    expect(sql).not.toContain('verdict_');
    db.exec(`${sql}; INSERT INTO documents3 SELECT ${columns.join(', ')} FROM documents; DROP TABLE documents; ALTER TABLE documents3 RENAME TO documents;`);
    db.pragma('user_version = 3');
    db.close();

    const reopened = openStore(path);
    expect(reopened.pragma('user_version', { simple: true })).toBe(STORE_VERSION);
    expect(reopened.prepare('SELECT count(*) FROM sections').pluck().get()).toBe(sections);
    expect(reopened.prepare('SELECT title, verdict_kind FROM documents').get()).toEqual({ title: '某某办法', verdict_kind: 'body' });
    expect(reopened.pragma('foreign_key_check')).toEqual([]);
    // and now an untitled record goes in beside it
    loadInto(reopened, [record]);
    expect(reopened.prepare('SELECT count(*) FROM documents WHERE title IS NULL').pluck().get()).toBe(1);
    reopened.close();
    const check = new Database(path, { readonly: true });
    expect(check.prepare("SELECT sql FROM sqlite_schema WHERE name = 'documents'").pluck().get()).not.toMatch(/title\s+TEXT\s+NOT NULL/);
    check.close();
  });
});
