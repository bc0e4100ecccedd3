import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../schemas/common.js';
import type { DiffRecord } from '../schemas/diff.js';
import type { LocatedFinding } from '../schemas/finding.js';
import type { NoticeRecord } from '../schemas/notice.js';
import { QUERIES } from '../src/emit/queries.js';
import { loadInto, loadSqlite, openStore, STORE_VERSION, TABLES } from '../src/emit/sqlite.js';
import { root, SEEDS, seedPath, seedRecords } from './helpers/context.js';

const has = (cmd: string) => spawnSync(cmd, ['--version'], { encoding: 'utf8' }).status === 0;
const HAS_SQLITE3 = has('sqlite3');
const HAS_JQ = has('jq');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
const docs = readFileSync(join(root, 'docs', 'loading.md'), 'utf8');

let records: NoticeRecord[] = [];
const tmp = () => mkdtempSync(join(tmpdir(), 'notices-sqlite-'));

beforeAll(async () => {
  for (const name of Object.values(SEEDS)) records.push(...(await seedRecords(name)));
});

/** Rows per table, for comparing two states of a store. */
function counts(path: string): Record<string, number> {
  const db = new Database(path, { readonly: true });
  try {
    return Object.fromEntries(TABLES.map((t) => [t, db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number]));
  } finally {
    db.close();
  }
}

/** Everything but the meta timestamps: to show a rolled-back batch changed nothing. */
function contents(path: string): string {
  const db = new Database(path, { readonly: true });
  try {
    return JSON.stringify(
      TABLES.filter((t) => t !== 'meta').map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()),
    );
  } finally {
    db.close();
  }
}

function query<T = Record<string, unknown>>(path: string, sql: string): T[] {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

async function seededStore(): Promise<string> {
  const path = join(tmp(), 'notices.sqlite');
  await loadSqlite(path, records);
  return path;
}

describe('SQLite store', () => {
  it('loads one row per document, with foreign keys on and the versions in meta', async () => {
    expect(records).toHaveLength(5);
    const path = await seededStore();
    const db = openStore(path);
    try {
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('user_version', { simple: true })).toBe(STORE_VERSION);
      expect(db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(5);
      const meta = Object.fromEntries((db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[]).map((r) => [r.key, r.value]));
      expect(meta.schema_version).toBe(SCHEMA_VERSION);
      expect(meta.tool_version).toBe(pkg.version);
      expect(meta.store_version).toBe(String(STORE_VERSION));
      expect(Date.parse(meta.created)).not.toBeNaN();
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      // record_json round-trips the record
      const first = db.prepare('SELECT record_json FROM documents WHERE sha256 = ? AND document_index = ?').pluck().get(records[0].source.sha256, 0) as string;
      expect(JSON.parse(first)).toEqual(records[0]);
    } finally {
      db.close();
    }
  });

  it('holds every part of the records in the child tables', async () => {
    const path = await seededStore();
    const c = counts(path);
    const sum = (f: (r: NoticeRecord) => number) => records.reduce((a, r) => a + f(r), 0);
    expect(c.issuers).toBe(sum((r) => r.issuers.length));
    expect(c.sections).toBe(sum((r) => r.sections.length));
    expect(c.clauses).toBe(sum((r) => r.sections.reduce((a, s) => a + s.clauses.length, 0)));
    expect(c.targets).toBe(sum((r) => r.targets.length));
    expect(c.tables_).toBe(sum((r) => r.tables.length));
    expect(c.subsidies).toBe(sum((r) => r.subsidies.length));
    expect(c.findings).toBe(sum((r) => r.findings.length));
    expect(c.policy_mentions).toBe(sum((r) => r.policyMentions.length));
    expect(c.contacts).toBe(sum((r) => r.contacts.length));
    // one table_rows row per region × column, plus one total row per declared column
    const national = records.find((r) => r.fileNumber?.normalized === '人社部发〔2022〕13号')!;
    const annex1 = national.tables.find((t) => t.label === '附件1')!;
    const rows = query<{ n: number; totals: number }>(
      path,
      `SELECT count(*) AS n, sum(is_total) AS totals FROM table_rows r JOIN tables_ t ON t.id = r.table_id
       JOIN documents d ON d.id = t.document_id WHERE d.file_number = '人社部发〔2022〕13号' AND t.label = '附件1'`,
    )[0];
    expect(rows).toEqual({ n: annex1.rows.length * annex1.columns.length + 1, totals: 1 });
  });

  describe('the example queries of docs/loading.md', () => {
    let path: string;
    beforeAll(async () => {
      path = await seededStore();
    });

    it('are printed verbatim in the docs', () => {
      for (const q of Object.values(QUERIES)) expect(docs).toContain('```sql\n' + q.sql + '\n```');
    });

    it('figures: the national 3000万人 against each province\'s own figure, as the seeds print them', () => {
      const rows = query<Record<string, unknown>>(path, QUERIES.figures.sql).map((r) => [r.region, r.chosen_by, r.base_value, r.target_value, r.status]);
      // 001 全省…11.29万人, 004 全省…19.67万人, 002 省内…40.6万人 (each its province's share of 全国 3000万人, 000 line 107);
      // 广东 (000 #0) prints only 吸纳 387.6万人, people taken in: not the same metric, so the 3000 is dropped.
      // 吉林, 山东 and 广东 cite 人社部发〔2022〕13号; 黑龙江 does not, its title says the same thing (做好2022年脱贫人口稳岗就业工作)
      expect(rows).toEqual([
        ['吉林省', 'fileNumber', 3000, 11.29, 'part'],
        ['黑龙江省', 'titleSimilarity', 3000, 19.67, 'part'],
        ['山东省', 'fileNumber', 3000, 40.6, 'part'],
        ['广东省', 'fileNumber', 3000, null, 'dropped'],
      ]);
      // the target's position: 001 prints 11.29 on the line the span names
      const jilin = query<{ target_line: number; target_col: number }>(path, QUERIES.figures.sql)[0];
      const line = readFileSync(seedPath(SEEDS.jilin), 'utf8').split('\n')[jilin.target_line - 1];
      expect(line.slice(jilin.target_col - 1, jilin.target_col - 1 + 5)).toBe('11.29');
    });

    it('run, and list the five documents', () => {
      for (const q of Object.values(QUERIES)) expect(() => query(path, q.sql)).not.toThrow();
      const docsRows = query<{ file_number: string; level: string }>(path, QUERIES.documents.sql);
      expect(docsRows).toHaveLength(5);
      expect(docsRows[0]).toMatchObject({ file_number: '人社部发〔2022〕13号', level: 'national' });
    });

    it('full-text search (FTS5 trigram) finds every notice\'s clause on transport subsidies, with file number and position', () => {
      const rows = query<{ region: string; file_number: string; kind: string; number: string; line: number; col: number; excerpt: string }>(path, QUERIES.clauseSearch.sql);
      // read in the seeds by hand: 黑龙江 （四） 往返交通补助500元 and （十） 交通费补贴; 吉林 （八） 交通费补助;
      // 山东 （七） and the national （七） 交通费补贴; 广东 writes 一、二、 without clauses: section 三
      const hits = rows.map((r) => `${r.file_number} ${r.kind} ${r.number}`).sort();
      expect(hits).toEqual(
        [
          '人社部发〔2022〕13号 clause 七',
          '吉人社联〔2022〕81号 clause 八',
          '粤人社发〔2022〕15号 section 三',
          '鲁人社字〔2022〕48号 clause 七',
          '黑人社发〔2022〕18号 clause 十',
          '黑人社发〔2022〕18号 clause 四',
        ].sort(),
      );
      for (const r of rows) expect(r.excerpt).toMatch(/\[(交通补助|交通费补)\]/);
      // the position is the clause's own
      const hlj = records.find((r) => r.fileNumber?.normalized === '黑人社发〔2022〕18号')!;
      const clause4 = hlj.sections.flatMap((s) => s.clauses).find((c) => c.number === '四')!;
      expect(rows.find((r) => r.number === '四')).toMatchObject({ line: clause4.span.line, col: clause4.span.column });
      // Chinese substrings of three or more characters match; LIKE uses the same index
      expect(query(path, "SELECT count(*) AS n FROM text_search WHERE text LIKE '%往返交通补助%'")).toEqual([{ n: 1 }]);
      expect(query(path, "SELECT count(*) AS n FROM text_search WHERE kind = 'table' AND text_search MATCH '\"齐齐哈尔\"'")).toEqual([{ n: 1 }]);
    });

    it('targets per province: every target, under its region', () => {
      const rows = query<{ region: string; file_number: string }>(path, QUERIES.targetsPerProvince.sql);
      expect(rows).toHaveLength(records.reduce((a, r) => a + r.targets.length, 0));
      const regionOf = new Map(records.map((r) => [r.fileNumber?.normalized, r.region?.name ?? '全国']));
      for (const row of rows) expect(row.region).toBe(regionOf.get(row.file_number));
    });

    it("province allocations: Heilongjiang's row of the national 附件1 next to its own notice", () => {
      const rows = query<{ region: string; label: string; value: number; provincial_notice: string | null }>(path, QUERIES.provinceAllocations.sql);
      expect(rows.find((r) => r.region === '黑龙江' && r.label === '附件1')).toMatchObject({ value: 19.67, provincial_notice: '黑人社发〔2022〕18号' });
      expect(rows.find((r) => r.region === '河北')).toMatchObject({ provincial_notice: null });
    });

    it('subsidies: Heilongjiang grants 200, 500, 1000, 1000, 500 元', () => {
      const rows = query<{ file_number: string; amount: number; unit: string }>(path, QUERIES.subsidies.sql);
      const hlj = rows.filter((r) => r.file_number === '黑人社发〔2022〕18号');
      expect(hlj.map((r) => r.amount)).toEqual([200, 500, 1000, 1000, 500]);
      expect(hlj.every((r) => r.unit === '元')).toBe(true);
    });

    it('subsidies by recipient add up to all subsidies', () => {
      const all = query<{ amount: number }>(path, QUERIES.subsidies.sql);
      const grouped = query<{ recipient: string; subsidies: number; total_amount: number }>(path, QUERIES.subsidiesByRecipient.sql);
      expect(grouped.reduce((a, r) => a + r.subsidies, 0)).toBe(all.length);
      expect(grouped.reduce((a, r) => a + r.total_amount, 0)).toBe(all.reduce((a, r) => a + r.amount, 0));
      expect(new Set(grouped.map((r) => r.recipient)).size).toBe(grouped.length);
    });

    it('table totals: the national 附件1 has 25 rows adding up to its declared 3019.17', () => {
      const rows = query<Record<string, unknown>>(path, QUERIES.tableTotals.sql);
      expect(rows.find((r) => r.file_number === '人社部发〔2022〕13号' && r.label === '附件1')).toMatchObject({
        column_name: '目标任务',
        rows_filled: 25,
        row_sum: 3019.17,
        declared: 3019.17,
        gap: 0,
      });
    });

    it('table sum mismatches: only tables with a gap, the national 附件1 not among them', () => {
      const rows = query<{ file_number: string; label: string; gap: number; beyond_rounding: number }>(path, QUERIES.tableSumMismatches.sql);
      expect(rows.find((r) => r.file_number === '人社部发〔2022〕13号' && r.label === '附件1')).toBeUndefined();
      for (const r of rows) expect(Math.abs(r.gap)).toBeGreaterThan(0);
      // the national 附件2 prints 877.7 as its total; its rows add up to 877.9, within the rounding of 8 one-decimal rows
      expect(rows.find((r) => r.file_number === '人社部发〔2022〕13号' && r.label === '附件2')).toMatchObject({ gap: 0.2, beyond_rounding: 0 });
    });

    it('flags a table whose rows do not add up beyond rounding', async () => {
      const national = records.find((r) => r.fileNumber?.normalized === '人社部发〔2022〕13号')!;
      const broken: NoticeRecord = structuredClone(national);
      const annex1 = broken.tables.find((t) => t.label === '附件1')!;
      annex1.rows[0].values['目标任务'] = (annex1.rows[0].values['目标任务'] as number) + 1;
      annex1.rows[0].printed['目标任务'] = String(annex1.rows[0].values['目标任务']);
      const p = join(tmp(), 'broken.sqlite');
      await loadSqlite(p, [broken]);
      const rows = query<{ label: string; gap: number; beyond_rounding: number }>(p, QUERIES.tableSumMismatches.sql);
      expect(rows[0]).toMatchObject({ label: '附件1', gap: 1, beyond_rounding: 1 });
    });

    // the stock sqlite3 shell when installed, else scripts/query.mjs (what docs/loading.md offers
    // without it): a separate read-only process over the file, not the connection that wrote it
    const shell = (path: string, sql: string) =>
      HAS_SQLITE3
        ? spawnSync('sqlite3', ['-json', '-readonly', path], { input: sql, encoding: 'utf8' })
        : spawnSync(process.execPath, [join(root, 'scripts', 'query.mjs'), path], { input: sql, encoding: 'utf8' });

    it(`give the same rows in ${HAS_SQLITE3 ? 'the stock sqlite3 shell' : 'scripts/query.mjs'}`, () => {
      for (const q of Object.values(QUERIES)) {
        const r = shell(path, q.sql);
        expect(r.stderr).toBe('');
        expect(r.status).toBe(0);
        // the shell prints nothing at all for an empty result
        expect(r.stdout.trim() ? JSON.parse(r.stdout) : []).toEqual(query(path, q.sql));
      }
      const fk = shell(path, 'PRAGMA foreign_key_check; SELECT count(*) AS n FROM documents;');
      expect(JSON.parse(fk.stdout)).toEqual([{ n: 5 }]);
    });

    // jq when installed, else the same jq compiled to WebAssembly (npm jq-web)
    const jqRaw = async (filter: string, input: string): Promise<{ stdout: string; stderr: string }> => {
      if (HAS_JQ) return spawnSync('jq', ['-r', filter], { input, encoding: 'utf8' });
      // a CommonJS module whose export is a promise of the instance
      const jq = await (createRequire(import.meta.url)('jq-web') as Promise<{ raw(json: string, filter: string, flags: string[]): string }>);
      return { stdout: jq.raw(input, filter, ['-r']), stderr: '' };
    };

    it(`the jq examples read notices.jsonl (${HAS_JQ ? 'jq' : 'jq-web'})`, async () => {
      const filters = [...docs.matchAll(/^jq -r '(.+)' out\/notices\.jsonl$/gm)].map((m) => m[1]);
      expect(filters).toHaveLength(2);
      const jsonl = records.map((r) => JSON.stringify(r)).join('\n') + '\n';
      const outputs: string[][][] = [];
      for (const filter of filters) {
        const r = await jqRaw(filter, jsonl);
        expect(r.stderr).toBe('');
        outputs.push(r.stdout.trim().split('\n').map((l) => l.split('\t')));
      }
      const run = (filter: string) => outputs[filters.indexOf(filter)];
      const subsidies = run(filters[0]).filter((l) => l[0] === '黑人社发〔2022〕18号');
      expect(subsidies.map((l) => Number(l[1]))).toEqual([200, 500, 1000, 1000, 500]);
      const totals = run(filters[1]);
      expect(totals).toContainEqual(['人社部发〔2022〕13号', '附件1', '目标任务', '3019.17', '3019.17']);
    });
  });

  describe('loading again', () => {
    it('replaces, never duplicates: the same counts after loading the seeds twice more', async () => {
      const path = await seededStore();
      const once = counts(path);
      const before = contents(path);
      await loadSqlite(path, records);
      await loadSqlite(path, records);
      expect(counts(path)).toEqual(once);
      // ids are new (of rows and of the rows they point to: parents, linked diffs), the data the same
      const strip = (s: string) => s.replace(/"(id|[a-z_]+_id)":\d+/g, '');
      expect(strip(contents(path))).toBe(strip(before));
      // a batch of one file only touches that file's documents
      await loadSqlite(path, await seedRecords(SEEDS.jilin));
      expect(counts(path)).toEqual(once);
    });

    it('keeps the search index in step: reloading neither duplicates nor orphans entries', async () => {
      const path = await seededStore();
      const entries = () => query<{ n: number }>(path, 'SELECT count(*) AS n FROM text_search')[0].n;
      const once = entries();
      // every clause, every table, and the sections with text of their own
      const expected = records.reduce((a, r) => a + r.tables.length + r.sections.reduce((b, s) => b + s.clauses.length + (s.text.trim() ? 1 : 0), 0), 0);
      expect(once).toBe(expected);
      await loadSqlite(path, records);
      const jilin = records.find((r) => r.fileNumber?.normalized === '吉人社联〔2022〕81号')!;
      await loadSqlite(path, [{ ...structuredClone(jilin), source: { ...jilin.source, sha256: 'e'.repeat(64) } }]);
      expect(entries()).toBe(once);
      const orphans = `SELECT count(*) AS n FROM text_search s WHERE NOT EXISTS (
        SELECT 1 FROM clauses c WHERE s.kind = 'clause' AND c.id = s.item_id UNION ALL
        SELECT 1 FROM sections x WHERE s.kind = 'section' AND x.id = s.item_id UNION ALL
        SELECT 1 FROM tables_ t WHERE s.kind = 'table' AND t.id = s.item_id)`;
      expect(query(path, orphans)).toEqual([{ n: 0 }]);
    });

    it('drops the old version of an edited file', async () => {
      const path = await seededStore();
      const once = counts(path);
      const jilin = records.find((r) => r.fileNumber?.normalized === '吉人社联〔2022〕81号')!;
      const edited = { ...structuredClone(jilin), title: jilin.title + '（修订）', source: { ...jilin.source, sha256: 'f'.repeat(64) } };
      await loadSqlite(path, [edited]);
      expect(counts(path).documents).toBe(once.documents);
      expect(query(path, `SELECT title FROM documents WHERE path = '${jilin.source.path}'`)).toEqual([{ title: edited.title }]);
    });

    it('replaces check findings and diffs too', async () => {
      const path = await seededStore();
      const hlj = records.find((r) => r.fileNumber?.normalized === '黑人社发〔2022〕18号')!;
      const finding: LocatedFinding = {
        rule: 'table-sum-mismatch', severity: 'info', message: 'within rounding', span: { line: 3, column: 1 }, data: { gap: 0 },
        path: hlj.source.path, fileNumber: '黑人社发〔2022〕18号', documentIndex: 0,
      };
      const diff: DiffRecord = {
        schemaVersion: SCHEMA_VERSION, base: '人社部发〔2022〕13号', target: '黑人社发〔2022〕18号',
        basePath: records[1].source.path, targetPath: hlj.source.path, similarity: 0.5,
        counts: { unchanged: 1, modified: 1, added: 0, removed: 0 },
        clauses: [
          { base: '一', target: '一', status: 'unchanged', similarity: 1, tags: [], ops: [{ op: 'equal', text: '稳岗' }] },
          { base: '二', target: '二', status: 'modified', similarity: 0.5, tags: ['implementation'], ops: [{ op: 'insert', text: '黑龙江' }] },
        ],
        numbers: [{ metric: '目标任务', region: '黑龙江', base: 19.67, target: 19.67, status: 'match' }],
      };
      await loadSqlite(path, records, { findings: [finding], diffs: [diff] });
      const once = counts(path);
      // the given diff, and one the store worked out for each other seed that has a parent (广东, 吉林, 山东 cite 人社部发〔2022〕13号)
      const given = query<{ n: number; clauses: number; numbers: number }>(
        path,
        'SELECT count(*) AS n, (SELECT count(*) FROM diff_clauses c JOIN diffs x ON x.id = c.diff_id WHERE x.linked = 0) AS clauses, (SELECT count(*) FROM diff_numbers c JOIN diffs x ON x.id = c.diff_id WHERE x.linked = 0) AS numbers FROM diffs WHERE linked = 0',
      );
      expect(given).toEqual([{ n: 1, clauses: 2, numbers: 1 }]);
      expect(query(path, 'SELECT x.target, p.chosen_by FROM parents p JOIN diffs x ON x.id = p.diff_id WHERE x.linked = 1 ORDER BY x.target')).toEqual([
        { target: '吉人社联〔2022〕81号', chosen_by: 'fileNumber' },
        { target: '粤人社发〔2022〕15号', chosen_by: 'fileNumber' },
        { target: '鲁人社字〔2022〕48号', chosen_by: 'fileNumber' },
      ]);
      const linked = query<{ file_number: string }>(
        path,
        "SELECT d.file_number FROM findings f JOIN documents d ON d.id = f.document_id WHERE f.origin = 'check'",
      );
      expect(linked).toEqual([{ file_number: '黑人社发〔2022〕18号' }]);
      await loadSqlite(path, records, { findings: [finding], diffs: [diff] });
      await loadSqlite(path, [], { findings: [finding], diffs: [diff] });
      expect(counts(path)).toEqual(once);
    });
  });

  describe('one transaction per batch', () => {
    it('an invalid record mid-batch leaves the previous state intact', async () => {
      const path = await seededStore();
      const before = contents(path);
      const changed = records.map((r) => ({ ...r, title: r.title + '!' }));
      const bad = [...changed.slice(0, 3), { ...changed[3], title: 42 } as unknown as NoticeRecord, changed[4]];
      await expect(loadSqlite(path, bad)).rejects.toThrow(/not a valid NoticeRecord at title/);
      expect(contents(path)).toBe(before);
    });

    it('an insert failing mid-batch rolls back the documents already replaced', async () => {
      const path = await seededStore();
      const before = contents(path);
      const db = openStore(path);
      try {
        // a connection-local trigger that fails the fourth document's insert
        db.exec(`CREATE TEMP TRIGGER fail_fourth BEFORE INSERT ON main.documents
                 WHEN NEW.sha256 = '${records[3].source.sha256}' AND NEW.document_index = ${records[3].source.documentIndex}
                 BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`);
        const changed = records.map((r) => ({ ...r, title: r.title + '!' }));
        expect(() => loadInto(db, changed)).toThrow(/disk on fire/);
      } finally {
        db.close();
      }
      expect(contents(path)).toBe(before);
    });

    it('a crash mid-load (process killed inside the transaction) leaves the previous state intact', async () => {
      const dist = join(root, 'dist', 'src', 'emit', 'sqlite.js');
      expect(existsSync(dist), 'npm test builds dist/ first').toBe(true);
      const path = await seededStore();
      const before = contents(path);
      const script = `
        import { openStore, loadInto } from ${JSON.stringify(dist)};
        let input = '';
        for await (const chunk of process.stdin) input += chunk;
        const db = openStore(process.argv[1]);
        let inserted = 0;
        db.function('crash_after_three', () => { if (++inserted === 3) process.kill(process.pid, 'SIGKILL'); return 0; });
        db.exec('CREATE TEMP TRIGGER crash AFTER INSERT ON main.documents BEGIN SELECT crash_after_three(); END');
        loadInto(db, JSON.parse(input));
        console.log('not killed');
      `;
      const changed = records.map((r) => ({ ...r, title: r.title + '!' }));
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', script, path], { input: JSON.stringify(changed), encoding: 'utf8' });
      expect(r.signal).toBe('SIGKILL');
      expect(r.stdout).not.toContain('not killed');
      expect(existsSync(path + '-journal')).toBe(true); // the hot journal SQLite rolls back on the next open
      expect(contents(path)).toBe(before);
      expect(counts(path).documents).toBe(5);
    });
  });

  it('refuses a file written by another store layout', async () => {
    const path = await seededStore();
    const db = new Database(path);
    db.pragma(`user_version = ${STORE_VERSION + 1}`);
    db.close();
    await expect(loadSqlite(path, records)).rejects.toThrow(/layout/);
  });

  describe('notices extract --format sqlite', () => {
    const bin = join(root, 'bin', 'notices.js');
    const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: root });

    it('writes DIR/notices.sqlite, and loading again keeps the counts', () => {
      const out = tmp();
      const r = run('extract', join(root, 'seeds'), '--format', 'sqlite', '--out', out, '--quiet');
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const path = join(out, 'notices.sqlite');
      const once = counts(path);
      expect(once.documents).toBe(5);
      expect(run('extract', join(root, 'seeds'), '--format', 'sqlite', '--out', out, '--quiet').status).toBe(0);
      expect(counts(path)).toEqual(once);
    });

    it('needs --out', () => {
      const r = run('extract', join(root, 'seeds'), '--format', 'sqlite');
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/--out/);
    });
  });
});
