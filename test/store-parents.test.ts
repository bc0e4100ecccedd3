import type Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadInto, openStore, STORE_VERSION } from '../src/emit/sqlite.js';
import { diffRecords } from '../src/diff/index.js';
import type { NoticeRecord } from '../schemas/notice.js';
import { SEEDS, seedRecords } from './helpers/context.js';

/*
 * Each notice's parent is chosen when the store is loaded (table parents, store layout 5).
 * Expectations read from the seeds by hand:
 * - 吉人社联〔2022〕81号 (001) cites 人社部发〔2022〕13号 (line 13, 《…》（人社部发〔2022〕13号）): its parent by 发文字号;
 * - the national notice (000, document #1) cites only 《中共中央 国务院关于做好2022年全面推进乡村振兴重点工作的意见》,
 *   by title, which no seed is: it has no parent;
 * - 粤人社发〔2022〕15号 (000 #0) forwards the national notice (higher than itself): it stays itself, paired by 发文字号.
 */
let gdFile: NoticeRecord[];
let jilin: NoticeRecord;
let national: NoticeRecord;

beforeAll(async () => {
  gdFile = await seedRecords(SEEDS.guangdong);
  national = gdFile.find((r) => r.level === 'national')!;
  [jilin] = await seedRecords(SEEDS.jilin);
}, 60_000);

const store = () => openStore(join(mkdtempSync(join(tmpdir(), 'store-parents-')), 'notices.sqlite'));
const idOf = (db: Database.Database, fileNumber: string, path?: string) =>
  db.prepare(`SELECT id FROM documents WHERE file_number = ? ${path ? 'AND path = ?' : ''} ORDER BY id LIMIT 1`).pluck().get(...(path ? [fileNumber, path] : [fileNumber])) as number;
const parentOf = (db: Database.Database, id: number) =>
  db.prepare('SELECT parent_document_id AS parent, chosen_by AS chosenBy, diff_id AS diffId FROM parents WHERE document_id = ?').get(id) as
    | { parent: number | null; chosenBy: string; diffId: number | null }
    | undefined;
/** The same notice filed again at another path (another download of the same text). */
const copyAt = (r: NoticeRecord, path: string, sha = 'c'.repeat(64)): NoticeRecord => ({ ...r, source: { ...r.source, path, sha256: sha } });

describe('parents chosen at load time (store layout 5)', () => {
  it('is layout 5 or later (layout 6 added table groups and 小计)', () => {
    expect(STORE_VERSION).toBeGreaterThanOrEqual(5);
  });

  it('links a notice loaded before its parent once the parent arrives in a later batch', () => {
    const db = store();
    loadInto(db, [jilin]);
    const j = idOf(db, '吉人社联〔2022〕81号');
    expect(parentOf(db, j)).toEqual({ parent: null, chosenBy: 'none', diffId: null });
    expect(db.prepare('SELECT count(*) FROM diffs').pluck().get()).toBe(0);

    const summary = loadInto(db, gdFile);
    const n = idOf(db, '人社部发〔2022〕13号');
    const row = parentOf(db, j)!;
    expect(row).toMatchObject({ parent: n, chosenBy: 'fileNumber' });
    // the diff the store worked out: 吉林 against the national notice, flagged as the store's own
    const diff = db.prepare('SELECT base, target, linked, pairing_by AS by, document_id AS doc, base_document_id AS base_doc FROM diffs WHERE id = ?').get(row.diffId);
    expect(diff).toEqual({ base: '人社部发〔2022〕13号', target: '吉人社联〔2022〕81号', linked: 1, by: 'fileNumber', doc: j, base_doc: n });
    // 广东 is linked too (it forwards the national notice, by 发文字号); the national notice has none
    expect(parentOf(db, idOf(db, '粤人社发〔2022〕15号'))).toMatchObject({ parent: n, chosenBy: 'fileNumber' });
    expect(parentOf(db, n)).toEqual({ parent: null, chosenBy: 'none', diffId: null });
    expect(summary.linked).toBe(2);
    // every document has exactly one row
    expect(db.prepare('SELECT count(*) FROM documents WHERE id NOT IN (SELECT document_id FROM parents)').pluck().get()).toBe(0);
    db.close();
  });

  it('takes the first stored copy of a text as the parent, and a later copy changes nothing', () => {
    const db = store();
    loadInto(db, [national, copyAt(national, '/elsewhere/national.txt')]);
    loadInto(db, [jilin]);
    const first = idOf(db, '人社部发〔2022〕13号', national.source.path);
    const j = idOf(db, '吉人社联〔2022〕81号');
    const before = parentOf(db, j)!;
    expect(before).toMatchObject({ parent: first, chosenBy: 'fileNumber' });
    loadInto(db, [copyAt(national, '/third/national.txt', 'd'.repeat(64))]);
    expect(parentOf(db, j)).toEqual(before);
    expect(db.prepare('SELECT count(*) FROM diffs').pluck().get()).toBe(1);
    db.close();
  });

  it('keeps a diff the loader was given, and links again when the parent is replaced', () => {
    const db = store();
    const given = diffRecords(national, jilin);
    loadInto(db, [national, jilin], { diffs: [given] });
    const j = idOf(db, '吉人社联〔2022〕81号');
    const row = parentOf(db, j)!;
    expect(db.prepare('SELECT linked FROM diffs WHERE id = ?').pluck().get(row.diffId)).toBe(0);
    expect(db.prepare('SELECT count(*) FROM diffs').pluck().get()).toBe(1);
    // the national file edited (new sha256): the old row goes, 吉林's parent row with it; the given diff, whose base path names
    // the new row, is joined to it again and stays 吉林's parent diff (nothing is worked out in its place)
    const edited = { ...national, source: { ...national.source, sha256: 'e'.repeat(64) } };
    loadInto(db, [edited]);
    const n = idOf(db, '人社部发〔2022〕13号');
    expect(db.prepare('SELECT id FROM documents WHERE sha256 = ?').pluck().get('e'.repeat(64))).toBe(n);
    expect(parentOf(db, j)).toEqual({ parent: n, chosenBy: 'fileNumber', diffId: row.diffId });
    expect(db.prepare('SELECT count(*) FROM diffs').pluck().get()).toBe(1);
    db.close();
  });

  it('brings a layout-4 store up to date: every document linked, content keys and title cores filled', () => {
    const db = store();
    loadInto(db, [...gdFile, jilin]);
    const expected = db.prepare('SELECT document_id, parent_document_id, chosen_by FROM parents ORDER BY document_id').all();
    const keys = db.prepare('SELECT id, content_key, title_core FROM documents ORDER BY id').all();
    const path = db.name;
    // write the layout-4 tables back: no parents, no diff_figures, none of the new columns
    db.exec(`DELETE FROM diffs; DROP TABLE parents; DROP TABLE diff_figures;
DROP INDEX documents_title_core; DROP INDEX documents_content_key; DROP INDEX references_title_core;
ALTER TABLE documents DROP COLUMN content_key; ALTER TABLE documents DROP COLUMN title_core; ALTER TABLE references_ DROP COLUMN title_core;
ALTER TABLE diffs DROP COLUMN pairing_by; ALTER TABLE diffs DROP COLUMN pairing_similarity; ALTER TABLE diffs DROP COLUMN pairing_threshold; ALTER TABLE diffs DROP COLUMN linked;`);
    db.pragma('user_version = 4');
    db.close();
    const reopened = openStore(path);
    expect(reopened.pragma('user_version', { simple: true })).toBe(STORE_VERSION);
    expect(reopened.prepare('SELECT document_id, parent_document_id, chosen_by FROM parents ORDER BY document_id').all()).toEqual(expected);
    expect(reopened.prepare('SELECT id, content_key, title_core FROM documents ORDER BY id').all()).toEqual(keys);
    // 做好2022年脱贫人口稳岗就业工作: the national title without its issuers and 的通知
    expect(reopened.prepare("SELECT title_core FROM documents WHERE file_number = '人社部发〔2022〕13号'").pluck().get()).toBe('做好2022年脱贫人口稳岗就业工作');
    expect(reopened.prepare('SELECT count(*) FROM diffs WHERE linked = 1').pluck().get()).toBe(2);
    reopened.close();
  });
});

describe('citations by title on the notice page', () => {
  it('links a citation by title both ways when the cited notice is stored', async () => {
    const { StoreQueries } = await import('../src/serve/queries.js');
    const { noticePage } = await import('../src/serve/notice-page.js');
    // the national notice cites 《中共中央 国务院关于做好2022年全面推进乡村振兴重点工作的意见》 (000, line 103) by title only;
    // a stored notice of that title (made here from 吉林's record: no 文号, cites nothing)
    const opinion: NoticeRecord = {
      ...jilin, fileNumber: null, references: [], title: '中共中央 国务院关于做好2022年全面推进乡村振兴重点工作的意见',
      source: { ...jilin.source, path: '/central/opinion.txt', sha256: 'a'.repeat(64) },
    };
    const db = store();
    loadInto(db, [national, opinion]);
    const q = new StoreQueries(db);
    const n = idOf(db, '人社部发〔2022〕13号');
    const o = db.prepare("SELECT id FROM documents WHERE path = '/central/opinion.txt'").pluck().get() as number;
    const nationalPage = noticePage(q, n)!;
    const out = nationalPage.slice(nationalPage.indexOf('<ul class="refs-out">'), nationalPage.indexOf('</ul>', nationalPage.indexOf('<ul class="refs-out">')));
    expect(out).toContain(`implements: <a href="/notice/${o}">《中共中央国务院关于做好2022年全面推进乡村振兴重点工作的意见》</a>`);
    const opinionPage = noticePage(q, o)!;
    const into = opinionPage.slice(opinionPage.indexOf('<ul class="refs-in">'), opinionPage.indexOf('</ul>', opinionPage.indexOf('<ul class="refs-in">')));
    expect(into).toContain(`implements by <a href="/notice/${n}">人社部发〔2022〕13号 `);
    db.close();
  });

  it('a citation of another notice on the same subject is not listed as citing this one', async () => {
    const { StoreQueries } = await import('../src/serve/queries.js');
    const { noticePage } = await import('../src/serve/notice-page.js');
    // 山东 (002, line 8) cites 《人力资源社会保障部…关于做好2022年脱贫人口稳岗就业工作的通知》（人社部发〔2022〕13号）: the national
    // notice, whose title is about what 吉林's (转发…关于做好2022年脱贫人口稳岗就业工作的通知) is about; no seed cites 吉林
    const [shandong] = await seedRecords(SEEDS.shandong);
    const db = store();
    loadInto(db, [national, jilin, shandong]);
    const q = new StoreQueries(db);
    const jilinPage = noticePage(q, idOf(db, '吉人社联〔2022〕81号'))!;
    expect(jilinPage).toContain('No stored notice refers to this one.');
    const nationalPage = noticePage(q, idOf(db, '人社部发〔2022〕13号'))!;
    const into = nationalPage.slice(nationalPage.indexOf('<ul class="refs-in">'), nationalPage.indexOf('</ul>', nationalPage.indexOf('<ul class="refs-in">')));
    expect(into).toContain(`<a href="/notice/${idOf(db, '鲁人社字〔2022〕48号')}">`);
    expect(into).toContain(`<a href="/notice/${idOf(db, '吉人社联〔2022〕81号')}">`);
    db.close();
  });
});

describe('linking stays linear in the size of the store', () => {
  it('a store twice the size costs at most ~2.5× to link: copies of one text, given diffs whose base is not stored', async () => {
    const { growth, MAX_RATIO } = await import('./helpers/growth.js');
    const { openStore: open } = await import('../src/emit/sqlite.js');
    const given = diffRecords(national, jilin);
    // n copies of 吉林 at their own paths, half with a diff against a national notice the store does not hold
    const make = (n: number): string => {
      const db = store();
      // the header alone (no clauses, tables or figures): cheap to store, so the store can be large
      const header: NoticeRecord = { ...jilin, sections: [], tables: [], targets: [], subsidies: [], findings: [] };
      const copies = Array.from({ length: n }, (_, i) => copyAt(header, `/copies/${i}.txt`, i.toString(16).padStart(64, '0')));
      const diffs = copies.filter((_, i) => i % 2 === 0).map((c) => ({ ...given, basePath: '/not-stored/national.txt', targetPath: c.source.path }));
      loadInto(db, copies, { diffs });
      const path = db.name;
      db.close();
      return path;
    };
    // a linking pass over the whole store (an empty batch): the lost joins looked up, every document read once
    const link = (path: string) => {
      const db = open(path);
      try {
        loadInto(db, []);
      } finally {
        db.close();
      }
    };
    expect(growth(make, 1500, link)).toBeLessThan(MAX_RATIO);
  }, 120_000);
});
