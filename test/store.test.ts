import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SEEDS, root } from './helpers/context.js';

/**
 * The store two ways: `npm start`'s pipeline (dist/pipelines/default.js) and
 * `notices extract seeds --format sqlite`, both run from the project folder on `seeds`.
 */
let fromStart: Database.Database;
let fromExtract: Database.Database;

beforeAll(() => {
  const a = mkdtempSync(join(tmpdir(), 'store-start-'));
  const b = mkdtempSync(join(tmpdir(), 'store-extract-'));
  const start = spawnSync(process.execPath, [join(root, 'dist', 'pipelines', 'default.js'), 'seeds', a, '--quiet'], { cwd: root, encoding: 'utf8' });
  expect(start.stderr).toBe('');
  const extract = spawnSync(process.execPath, [join(root, 'bin', 'notices.js'), 'extract', 'seeds', '--format', 'sqlite', '--out', b, '--quiet'], { cwd: root, encoding: 'utf8' });
  expect(extract.stderr).toBe('');
  expect([start.status, extract.status]).toEqual([0, 0]);
  fromStart = new Database(join(a, 'notices.sqlite'), { readonly: true });
  fromExtract = new Database(join(b, 'notices.sqlite'), { readonly: true });
}, 120_000);

const tables = (db: Database.Database) => db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'text_search_%' ORDER BY name").pluck().all() as string[];
const countsOf = (db: Database.Database) => Object.fromEntries(tables(db).map((t) => [t, db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get()]));

describe('one store from npm start and from extract --format sqlite', () => {
  it('the same tables, and the same row count in each', () => {
    expect(tables(fromExtract)).toEqual(tables(fromStart));
    expect(countsOf(fromExtract)).toEqual(countsOf(fromStart));
  });

  it('the same documents at the same (relative) paths, the same findings and diffs', () => {
    const docs = 'SELECT path, document_index, sha256 FROM documents ORDER BY path, document_index';
    expect(fromExtract.prepare(docs).all()).toEqual(fromStart.prepare(docs).all());
    const paths = fromStart.prepare('SELECT DISTINCT path FROM documents ORDER BY path').pluck().all();
    expect(paths).toEqual(Object.values(SEEDS).sort().map((s) => `seeds/${s}`));
    const findings = 'SELECT origin, path, document_index, rule, severity, message, line, col FROM findings ORDER BY path, document_index, rule, line, col, message';
    expect(fromExtract.prepare(findings).all()).toEqual(fromStart.prepare(findings).all());
    // four notices implement the national one (Guangdong's forwarding notice, Jilin, Shandong, Heilongjiang)
    const diffs = 'SELECT target_path, base_path FROM diffs ORDER BY target_path';
    expect(fromExtract.prepare(diffs).all()).toEqual(fromStart.prepare(diffs).all());
    expect(fromStart.prepare(diffs).all()).toHaveLength(4);
  });
});

describe('each finding once', () => {
  it('no finding is stored twice, and the store holds what `notices check` reports', () => {
    for (const db of [fromStart, fromExtract]) {
      const twice = db
        .prepare('SELECT path, document_index, rule, message, line, col, count(*) AS n FROM findings GROUP BY 1, 2, 3, 4, 5, 6 HAVING n > 1')
        .all();
      expect(twice).toEqual([]);
      const check = spawnSync(process.execPath, [join(root, 'bin', 'notices.js'), 'check', 'seeds', '--format', 'json'], { cwd: root, encoding: 'utf8' });
      const reported = JSON.parse(check.stdout) as unknown[];
      expect(db.prepare('SELECT count(*) FROM findings').pluck().get()).toBe(reported.length);
    }
  });

  it('origin says which stage made it: the cross-document allocation finding is `check`, the document rules `extract`', () => {
    // Jilin sets 11.29万人 against the 10.73万人 allocated to it (seed 001 line 24): a corpus rule
    const byOrigin = fromExtract.prepare('SELECT origin, rule FROM findings GROUP BY origin, rule ORDER BY origin, rule').all();
    expect(byOrigin).toContainEqual({ origin: 'check', rule: 'allocation-mismatch' });
    expect(byOrigin.filter((r) => (r as { origin: string }).origin === 'check')).toEqual([{ origin: 'check', rule: 'allocation-mismatch' }]);
  });
});

describe('diffs join the documents and clauses they compare', () => {
  it('every diff names its two documents by id', () => {
    const rows = fromStart
      .prepare(
        `SELECT d.target_path, t.path AS tp, t.document_index AS ti, b.path AS bp, b.document_index AS bi
           FROM diffs d JOIN documents t ON t.id = d.document_id JOIN documents b ON b.id = d.base_document_id ORDER BY d.target_path, t.document_index`,
      )
      .all() as { target_path: string; tp: string; ti: number; bp: string; bi: number }[];
    expect(rows).toHaveLength(4);
    // the base is the national notice: document 1 of seed 000 (no `#1` to parse)
    for (const r of rows) expect([r.bp, r.bi]).toEqual([`seeds/${SEEDS.guangdong}`, 1]);
    expect(rows.map((r) => [r.tp, r.ti])).toEqual([
      [`seeds/${SEEDS.guangdong}`, 0],
      [`seeds/${SEEDS.jilin}`, 0],
      [`seeds/${SEEDS.shandong}`, 0],
      [`seeds/${SEEDS.heilongjiang}`, 0],
    ]);
  });

  it('every diff_clauses row joins a clause (or section) of the right document on each side it has', () => {
    for (const db of [fromStart, fromExtract]) {
      for (const side of ['base', 'target'] as const) {
        const doc = side === 'base' ? 'base_document_id' : 'document_id';
        const unjoined = db
          .prepare(`SELECT count(*) FROM diff_clauses WHERE ${side}_clause IS NOT NULL AND ${side}_clause_id IS NULL AND ${side}_section_id IS NULL`)
          .pluck()
          .get();
        expect(unjoined, side).toBe(0);
        // the joined row is in that side's document and carries the number the diff prints
        const wrong = db
          .prepare(
            `SELECT count(*) FROM diff_clauses dc JOIN diffs d ON d.id = dc.diff_id
               LEFT JOIN clauses c ON c.id = dc.${side}_clause_id LEFT JOIN sections s ON s.id = dc.${side}_section_id
              WHERE dc.${side}_clause IS NOT NULL AND (coalesce(c.document_id, s.document_id) IS NOT d.${doc} OR coalesce(c.number, s.number) IS NOT dc.${side}_clause)`,
          )
          .pluck()
          .get();
        expect(wrong, side).toBe(0);
        // and a side the diff leaves empty (added / removed) joins nothing
        expect(db.prepare(`SELECT count(*) FROM diff_clauses WHERE ${side}_clause IS NULL AND (${side}_clause_id IS NOT NULL OR ${side}_section_id IS NOT NULL)`).pluck().get()).toBe(0);
      }
    }
  });

  it('Jilin: its clause （八） adapts the national (七), joined to their texts', () => {
    // seed 001 line 122: （八）推进就业帮扶政策落实; seed 000 line 123: (七) 落实就业帮扶政策
    const row = fromStart
      .prepare(
        `SELECT tc.heading AS target, bc.heading AS base FROM diff_clauses dc JOIN diffs d ON d.id = dc.diff_id
           JOIN documents t ON t.id = d.document_id JOIN clauses tc ON tc.id = dc.target_clause_id JOIN clauses bc ON bc.id = dc.base_clause_id
          WHERE t.path = ? AND dc.target_clause = '八'`,
      )
      .get(`seeds/${SEEDS.jilin}`) as { target: string; base: string };
    expect(row).toEqual({ target: '推进就业帮扶政策落实', base: '落实就业帮扶政策' });
  });
});

describe('columns say what they hold', () => {
  it('diff_numbers: region_name spells the province as documents do (吉林省), table_title the table', () => {
    const row = fromStart
      .prepare(
        `SELECT n.region, n.region_name, n.table_title, n.metric, t.region_name AS doc_region FROM diff_numbers n JOIN diffs d ON d.id = n.diff_id
           JOIN documents t ON t.id = d.document_id WHERE t.path = ?`,
      )
      .get(`seeds/${SEEDS.jilin}`) as Record<string, string>;
    expect(row.region_name).toBe('吉林省');
    expect(row.region_name).toBe(row.doc_region);
    expect(row.table_title).toBe('2022年度各省（区、市）脱贫人口务工目标任务表');
    expect(row.metric).toBe(row.table_title); // the old column stays for queries written against it
  });

  it('key_regions.name holds the region name (kind kept, the same)', () => {
    expect(fromStart.prepare('SELECT count(*) FROM key_regions WHERE name IS NOT kind').pluck().get()).toBe(0);
  });

  it('text_search ids and positions are INTEGER, not REAL', () => {
    const types = fromExtract.prepare('SELECT DISTINCT typeof(document_id), typeof(item_id), typeof(line), typeof(col) FROM text_search').raw().all();
    expect(types).toEqual([['integer', 'integer', 'integer', 'integer']]);
  });
});

describe('a printed path names its clause, section, or the clause holding an item', async () => {
  const { unitAtPath } = await import('../src/emit/sqlite.js');
  // 二、 holds （三） and （十三）; a notice section 一、 without clauses
  const clauses = [
    { id: 11, number: '三', path: '二（三）' },
    { id: 12, number: '十三', path: '二（十三）' },
  ];
  const sections = [
    { id: 1, number: '一', path: '一' },
    { id: 2, number: '二', path: '二' },
  ];
  it('by hand', () => {
    expect(unitAtPath(clauses, sections, '二（三）')).toEqual({ clause_id: 11 });
    expect(unitAtPath(clauses, sections, '一')).toEqual({ section_id: 1 });
    // item 1 of （十三） is held by （十三）, not by （三） (whose path is not a prefix of it)
    expect(unitAtPath(clauses, sections, '二（十三）1')).toEqual({ clause_id: 12 });
    expect(unitAtPath(clauses, sections, '二（三）1（2）')).toEqual({ clause_id: 11 });
    expect(unitAtPath(clauses, sections, '三（一）')).toBeNull();
  });
});
