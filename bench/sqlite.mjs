#!/usr/bin/env node
/**
 * Insert throughput of the SQLite store: the seeds' records × COPIES (5 records → 5,000 documents,
 * each copy with its own sha256 and path), loaded into a fresh file database in one transaction.
 *
 *   better-sqlite3 (loadInto)   the real loader: schema validation of every record + inserts
 *   better-sqlite3 (inserts)    the same INSERT statements, no validation
 *   sqlite + sqlite3 (inserts)  the same INSERT statements through the async `sqlite` wrapper
 *                               over `sqlite3`; skipped when they are not installed
 *                               (npm install --no-save --no-audit --no-fund sqlite sqlite3)
 *
 * Both drivers run the identical statement stream (recordInserts in src/emit/sqlite.ts), so the
 * ratio compares the drivers, not the code around them.
 *
 * Run after a build:  node bench/sqlite.mjs [copies=1000] [runs=3]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const versionOf = (name) => {
  try {
    return JSON.parse(readFileSync(new URL(`../node_modules/${name}/package.json`, import.meta.url), 'utf8')).version;
  } catch {
    return null;
  }
};

const dist = new URL('../dist/', import.meta.url);
const { processFile } = await import(new URL('pipelines/document.js', dist).href);
const { expandPaths } = await import(new URL('src/cli/paths.js', dist).href);
const { openStore, loadInto, recordInserts, SCHEMA_SQL, INSERT_SQL, DELETE_DOCUMENT_SQL } = await import(
  new URL('src/emit/sqlite.js', dist).href
);

const COPIES = Number(process.argv[2] ?? 1000);
const RUNS = Number(process.argv[3] ?? 3);
const seeds = new URL('../seeds/', import.meta.url).pathname;

const { files } = await expandPaths([seeds]);
const base = [];
for (const f of files) {
  const r = await processFile(f);
  if (!r.ok) throw new Error(`${f}: ${r.reason}`);
  base.push(...r.records);
}
const records = [];
for (let i = 0; i < COPIES; i++) {
  for (const r of base) {
    const tag = i.toString(16).padStart(8, '0');
    records.push({ ...r, source: { ...r.source, path: `copy-${tag}/${r.source.path}`, sha256: tag + r.source.sha256.slice(8) } });
  }
}
let statements = 0;
for (const r of base) {
  const gen = recordInserts(r);
  for (let n = gen.next(0); !n.done; n = gen.next(1)) statements++;
}
statements = (statements + 1) * COPIES; // + the DELETE of each document

const dir = mkdtempSync(join(tmpdir(), 'notices-bench-'));
let fileNo = 0;
const freshPath = () => join(dir, `bench-${fileNo++}.sqlite`);

/** best of RUNS, each into a new file */
async function measure(name, once) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const path = freshPath();
    times.push(await once(path));
    rmSync(path, { force: true });
  }
  const best = Math.min(...times);
  return { name, ms: best, docsPerSecond: records.length / (best / 1000) };
}

const results = [];

results.push(
  await measure('better-sqlite3 (loadInto)', async (path) => {
    const db = openStore(path);
    const t = performance.now();
    const summary = loadInto(db, records);
    const ms = performance.now() - t;
    if (summary.documents !== records.length) throw new Error('not every document was loaded');
    db.close();
    return ms;
  }),
);

results.push(
  await measure('better-sqlite3 (inserts)', async (path) => {
    const db = openStore(path);
    const t = performance.now();
    const insert = Object.fromEntries(Object.entries(INSERT_SQL).map(([k, sql]) => [k, db.prepare(sql)]));
    const del = db.prepare(DELETE_DOCUMENT_SQL);
    db.transaction(() => {
      for (const r of records) {
        del.run(r.source.sha256, r.source.documentIndex);
        const gen = recordInserts(r);
        for (let n = gen.next(0); !n.done; ) {
          const [table, values] = n.value;
          n = gen.next(Number(insert[table].run(values).lastInsertRowid));
        }
      }
    }).immediate();
    const ms = performance.now() - t;
    db.close();
    return ms;
  }),
);

let asyncPair = null;
try {
  const [{ open }, sqlite3] = await Promise.all([import('sqlite'), import('sqlite3')]);
  asyncPair = { open, driver: sqlite3.default.Database };
} catch (e) {
  console.log(`sqlite + sqlite3: skipped, not installed (${e.code ?? e.message}).`);
  console.log('  to compare: npm install --no-save --no-audit --no-fund sqlite sqlite3\n');
}

if (asyncPair) {
  results.push(
    await measure('sqlite + sqlite3 (inserts)', async (path) => {
      const db = await asyncPair.open({ filename: path, driver: asyncPair.driver });
      await db.exec('PRAGMA foreign_keys = ON');
      await db.exec(SCHEMA_SQL);
      const t = performance.now();
      const insert = {};
      for (const [k, sql] of Object.entries(INSERT_SQL)) insert[k] = await db.prepare(sql);
      const del = await db.prepare(DELETE_DOCUMENT_SQL);
      await db.exec('BEGIN IMMEDIATE');
      try {
        for (const r of records) {
          await del.run(r.source.sha256, r.source.documentIndex);
          const gen = recordInserts(r);
          for (let n = gen.next(0); !n.done; ) {
            const [table, values] = n.value;
            n = gen.next((await insert[table].run(values)).lastID);
          }
        }
        await db.exec('COMMIT');
      } catch (e) {
        await db.exec('ROLLBACK');
        throw e;
      }
      const ms = performance.now() - t;
      for (const s of [...Object.values(insert), del]) await s.finalize();
      const count = await db.get('SELECT count(*) AS n FROM documents');
      if (count.n !== records.length) throw new Error('not every document was loaded');
      await db.close();
      return ms;
    }),
  );
}

rmSync(dir, { recursive: true, force: true });

console.log(`${records.length} documents (${base.length} seed records × ${COPIES}), ${statements} statements per run, best of ${RUNS} runs, one transaction each`);
const versions = ['better-sqlite3', 'sqlite', 'sqlite3'].filter(versionOf).map((n) => `${n} ${versionOf(n)}`);
console.log(`node ${process.version}, ${versions.join(', ')}\n`);
const width = Math.max(...results.map((r) => r.name.length));
for (const r of results) {
  console.log(`${r.name.padEnd(width)}  ${r.ms.toFixed(0).padStart(6)} ms  ${Math.round(r.docsPerSecond).toString().padStart(7)} documents/s`);
}
const sync = results.find((r) => r.name === 'better-sqlite3 (inserts)');
const async_ = results.find((r) => r.name.startsWith('sqlite + sqlite3'));
if (sync && async_) console.log(`\nbetter-sqlite3 / sqlite3: ${(sync.docsPerSecond / async_.docsPerSecond).toFixed(1)}× the documents per second`);
