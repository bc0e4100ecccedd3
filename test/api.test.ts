import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { check, compare, diff, extractFile, extractFiles, extractText, SqliteDriverMissing, toSqlite, type ExtractResult, type NoticeRecord } from '../src/api/index.js';
import { inOrder } from '../src/api/in-order.js';
import { sqliteDriver } from '../src/emit/sqlite-driver.js';
import { NoticeRecord as NoticeRecordSchema } from '../schemas/index.js';
import { root, SEEDS, seedPath } from './helpers/context.js';

const henan = join(root, 'test', 'fixtures', 'notices', 'henan-2023.txt');
const all = async (it: AsyncIterable<ExtractResult>) => {
  const out: ExtractResult[] = [];
  for await (const r of it) out.push(r);
  return out;
};
const recordsOf = (r: ExtractResult): NoticeRecord[] => {
  if (!r.ok) throw new Error(`${r.path}: ${r.reason}`);
  return r.records;
};

describe('extractFile / extractText', () => {
  it('extracts a notice file into validated records', async () => {
    const [r] = recordsOf(await extractFile(seedPath(SEEDS.jilin)));
    expect(r.fileNumber?.normalized).toBe('吉人社联〔2022〕81号'); // printed as 吉人社联〔2022〕81 号
    expect(r.level).toBe('provincial');
    expect(r.targets.map((t) => [t.value, t.unit])).toContainEqual([11.29, '万人']);
    expect(NoticeRecordSchema.safeParse(r).success).toBe(true);
  });

  it('bytes in memory give the same records as the file', async () => {
    const bytes = new Uint8Array(readFileSync(seedPath(SEEDS.jilin)));
    expect(await extractFile({ path: seedPath(SEEDS.jilin), bytes })).toEqual(await extractFile(seedPath(SEEDS.jilin)));
  });

  it('extracts a string; `path` names it and picks the reader', async () => {
    const text = readFileSync(henan, 'utf8');
    const [plain] = recordsOf(await extractText(text));
    expect(plain.source.path).toBe('<text>');
    expect(plain.fileNumber?.normalized).toBe('豫人社〔2023〕12号');
    expect(plain.issuers.map((i) => i.name)).toEqual(['河南省人力资源和社会保障厅', '河南省财政厅', '河南省乡村振兴局']);
    const [named] = recordsOf(await extractText(text, { path: 'henan.txt' }));
    expect(named.source.path).toBe('henan.txt');

    // a page fragment (no <html> to sniff): the extension decides
    const page = '<h1>关于做好2023年脱贫人口稳岗就业工作的通知</h1><p>豫人社〔2023〕12号</p><p>一、明确目标任务</p><p>（一）稳定务工规模。全省务工规模稳定在200万人以上。</p>';
    expect(recordsOf(await extractText(page, { path: 'page.html' }))[0].source.format).toBe('html');
    expect(plain.source.format).toBe('text');
    expect(recordsOf(await extractText(text, { path: 'henan.md' }))[0].source.format).toBe('markdown');
  });

  it('bad input is a value, not an exception', async () => {
    expect(await extractText('买牛奶\n买鸡蛋\n')).toMatchObject({ ok: false, path: '<text>', reason: expect.stringMatching(/not a notice/) });
    expect(await extractText('')).toMatchObject({ ok: false, reason: expect.stringMatching(/empty/) });
    expect(await extractFile('/no/such/notice.txt')).toMatchObject({ ok: false, path: '/no/such/notice.txt', reason: 'no such file or directory' });
    expect(await extractFile({ path: 'x.pdf', bytes: new TextEncoder().encode('%PDF-1.7\n1 0 obj <<') })).toMatchObject({ ok: false, path: 'x.pdf' });
  });

  it('an aborted signal rejects with its reason', async () => {
    await expect(extractFile(henan, { signal: AbortSignal.abort(new Error('stop')) })).rejects.toThrow('stop');
  });
});

describe('extractFiles', () => {
  it('yields one result per file in input order, failures in their place', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'notices-api-'));
    mkdirSync(join(dir, 'b'));
    copyFileSync(henan, join(dir, 'b', 'henan.txt'));
    writeFileSync(join(dir, 'b', 'a-shopping.txt'), '买牛奶\n买鸡蛋\n');
    mkdirSync(join(dir, 'empty'));
    const results = await all(extractFiles([seedPath(SEEDS.jilin), join(dir, 'missing.txt'), join(dir, 'b'), join(dir, 'empty'), seedPath(SEEDS.guangdong)]));
    expect(results.map((r) => [r.path, r.ok])).toEqual([
      [seedPath(SEEDS.jilin), true],
      [join(dir, 'missing.txt'), false],
      [join(dir, 'b', 'a-shopping.txt'), false], // folders are walked in name order
      [join(dir, 'b', 'henan.txt'), true],
      [join(dir, 'empty'), false],
      [seedPath(SEEDS.guangdong), true],
    ]);
    expect(recordsOf(results[5]).map((r) => r.source.documentIndex)).toEqual([0, 1]); // a forwarding notice + the one it forwards
  });

  it('takes a single path too', async () => {
    const results = await all(extractFiles(join(root, 'seeds')));
    expect(results.flatMap(recordsOf)).toHaveLength(5);
  });
});

describe('extractFiles with a worker pool (jobs)', () => {
  it('gives the same results in the same order as one thread, failures in their place', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'notices-api-jobs-'));
    const seeds = Object.values(SEEDS);
    // ten files (the pool starts at eight), one of them not a notice
    for (let i = 0; i < 9; i++) copyFileSync(seedPath(seeds[i % seeds.length]), join(dir, `n${i}.txt`));
    writeFileSync(join(dir, 'n9.txt'), '买牛奶\n买鸡蛋\n');
    const paths = [dir, join(dir, 'missing.txt')];
    const one = await all(extractFiles(paths));
    const pooled = await all(extractFiles(paths, { jobs: 2 }));
    expect(pooled.map((r) => [r.path, r.ok])).toEqual(one.map((r) => [r.path, r.ok]));
    expect(pooled).toEqual(one);
    expect(pooled.filter((r) => !r.ok).map((r) => r.path)).toEqual([join(dir, 'n9.txt'), join(dir, 'missing.txt')]);
  });
});

describe('inOrder (the seam a worker pool plugs into)', () => {
  /** A runner whose files finish in the order of `finishOrder`, recording how many run at once. */
  function scheduled(files: string[], finishOrder: string[]) {
    const waiting = new Map<string, () => void>();
    let running = 0;
    const stats = { maxRunning: 0, started: [] as string[] };
    const run = (file: string) =>
      new Promise<{ ok: true; file: string }>((resolve) => {
        running++;
        stats.maxRunning = Math.max(stats.maxRunning, running);
        stats.started.push(file);
        waiting.set(file, () => {
          running--;
          resolve({ ok: true, file });
        });
      });
    // finish the waiting files in the given order, one per tick, whenever they have started
    const pump = setInterval(() => {
      const next = finishOrder.find((f) => waiting.has(f));
      if (next) {
        waiting.get(next)!();
        waiting.delete(next);
        finishOrder.splice(finishOrder.indexOf(next), 1);
      }
    }, 1);
    return { run, stats, stop: () => clearInterval(pump), files };
  }

  it('yields in input order whatever order files finish in, with at most `window` in flight', async () => {
    const files = ['a', 'b', 'c', 'd', 'e'];
    const s = scheduled(files, ['c', 'b', 'a', 'e', 'd']);
    const out: string[] = [];
    for await (const r of inOrder(files, s.run, { window: 3 })) if (r.ok) out.push(r.file);
    s.stop();
    expect(out).toEqual(files);
    expect(s.stats.maxRunning).toBe(3);
  });

  it('starts nothing more once the caller stops pulling', async () => {
    const s = scheduled(['a', 'b', 'c', 'd'], ['a', 'b', 'c', 'd']);
    for await (const r of inOrder(s.files, s.run, { window: 2 })) {
      expect(r.ok).toBe(true);
      break;
    }
    await new Promise((r) => setTimeout(r, 20));
    s.stop();
    expect(s.stats.started).toEqual(['a', 'b']);
  });

  it('an abort stops the batch before the next file', async () => {
    const controller = new AbortController();
    const started: string[] = [];
    const seen: string[] = [];
    const run = async (file: string) => (started.push(file), { ok: true as const, file });
    await expect(async () => {
      for await (const r of inOrder(['a', 'b', 'c'], run, { signal: controller.signal })) {
        if (r.ok) seen.push(r.file);
        controller.abort(new Error('cancelled'));
      }
    }).rejects.toThrow('cancelled');
    expect(seen).toEqual(['a']);
    expect(started).toEqual(['a']);
  });

  it('a runner that throws gives a failure value and the batch goes on', async () => {
    const run = async (file: string) => {
      if (file === 'b') throw new Error('worker died');
      return { ok: true as const, file };
    };
    const out = [];
    for await (const r of inOrder(['a', 'b', 'c', { ok: false as const, path: 'd', reason: 'no such file' }], run)) out.push(r);
    expect(out).toEqual([
      { ok: true, file: 'a' },
      { ok: false, path: 'b', reason: 'internal error while extracting: worker died' },
      { ok: true, file: 'c' },
      { ok: false, path: 'd', reason: 'no such file' },
    ]);
  });
});

describe('check, diff, compare', () => {
  const cli = (...args: string[]) => JSON.parse(spawnSync(process.execPath, [join(root, 'bin', 'notices.js'), ...args], { encoding: 'utf8', cwd: root }).stdout);
  const seedRecords = async () => (await all(extractFiles(join(root, 'seeds')))).flatMap(recordsOf);

  it('give what the CLI prints', async () => {
    const records = await seedRecords();
    const national = records.find((r) => r.level === 'national')!;
    const jilin = records.find((r) => r.fileNumber?.normalized === '吉人社联〔2022〕81号')!;
    expect(check(records)).toEqual(cli('check', join(root, 'seeds'), '--format', 'json'));
    expect(diff(national, jilin)).toEqual(cli('diff', seedPath(SEEDS.jilin), '--against', seedPath(SEEDS.guangdong) + '#1'));
    expect(compare(records)).toEqual(cli('compare', join(root, 'seeds')));
  });

  it('compare diffs every other notice against the national one', async () => {
    const rows = compare(await seedRecords());
    expect(rows).toHaveLength(5);
    const national = rows.filter((r) => r.level === 'national');
    expect(national).toHaveLength(1);
    expect(national[0].similarity).toBeNull();
    for (const row of rows.filter((r) => r.level !== 'national')) expect(row.similarity).toBeGreaterThan(0);
  });
});

describe('no console output, no global state', () => {
  afterEach(() => vi.restoreAllMocks());

  it('the library never writes to stdout, stderr or the console', async () => {
    const writes = [vi.spyOn(process.stdout, 'write'), vi.spyOn(process.stderr, 'write')];
    const logs = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m));
    const records = (await all(extractFiles([join(root, 'seeds'), '/no/such/dir']))).flatMap((r) => (r.ok ? r.records : []));
    await extractText('买牛奶');
    compare(records);
    check(records);
    await toSqlite(records, join(mkdtempSync(join(tmpdir(), 'notices-api-')), 'quiet.sqlite'));
    for (const spy of [...writes, ...logs]) expect(spy).not.toHaveBeenCalled();
  });

  it('the same call twice gives the same result', async () => {
    const once = await extractFile(seedPath(SEEDS.guangdong));
    await extractFile(seedPath(SEEDS.jilin));
    expect(await extractFile(seedPath(SEEDS.guangdong))).toEqual(once);
  });
});

describe('toSqlite', () => {
  it('stores the records and replaces them on a second load', async () => {
    const records = recordsOf(await extractFile(seedPath(SEEDS.guangdong)));
    const file = join(mkdtempSync(join(tmpdir(), 'notices-api-')), 'sub', 'n.sqlite');
    // 粤人社发〔2022〕15号 cites the national notice printed after it in the same file: the store links it (one diff of its own)
    expect(await toSqlite(records, file)).toEqual({ documents: 2, replaced: 0, findings: 0, diffs: 0, linked: 1 });
    // given its diff, the store works none out
    expect(await toSqlite(records, file, { diffs: [diff(records[1], records[0])] })).toEqual({ documents: 2, replaced: 2, findings: 0, diffs: 1, linked: 0 });
  });
});

describe('without better-sqlite3', () => {
  const missing = (id: string) => {
    throw Object.assign(new Error(`Cannot find module '${id}'`), { code: 'MODULE_NOT_FOUND' });
  };

  it('one error names what to install and approve', () => {
    expect(() => sqliteDriver(missing)).toThrow(SqliteDriverMissing);
    expect(() => sqliteDriver(missing)).toThrow(/npm install better-sqlite3.*npm install-scripts approve better-sqlite3.*Cannot find module 'better-sqlite3'/);
  });

  it('a package present without its native build is caught when the driver is loaded', () => {
    const unbuilt = () =>
      function Database() {
        throw new Error('Could not locate the bindings file. Tried: build/Release/better_sqlite3.node');
      };
    expect(() => sqliteDriver(unbuilt)).toThrow(/npm rebuild better-sqlite3.*Could not locate the bindings file/);
  });

  // the module really unresolvable, in a child process (test/fixtures/api/without-better-sqlite3.cjs)
  const node = (args: string[]) =>
    spawnSync(process.execPath, ['--require', join(root, 'test', 'fixtures', 'api', 'without-better-sqlite3.cjs'), ...args], { encoding: 'utf8', cwd: root });

  it('the CLI says so on one line before extracting, and JSON output still works', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'notices-api-')), 'out');
    const sqlite = node([join(root, 'bin', 'notices.js'), 'extract', seedPath(SEEDS.jilin), '--format', 'sqlite', '--out', out]);
    expect(sqlite.status).toBe(2);
    expect(sqlite.stderr.trim().split('\n')).toHaveLength(1);
    expect(sqlite.stderr).toMatch(/^notices: SQLite output needs better-sqlite3.*npm install better-sqlite3/);
    expect(existsSync(out)).toBe(false);
    const json = node([join(root, 'bin', 'notices.js'), 'extract', seedPath(SEEDS.jilin)]);
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout)[0].fileNumber.normalized).toBe('吉人社联〔2022〕81号');
  });

  it('the library loads, extracts, and rejects only toSqlite', () => {
    const api = new URL('../dist/src/api/index.js', import.meta.url).href;
    const script = `
      const { extractFile, toSqlite } = await import(${JSON.stringify(api)});
      const r = await extractFile(${JSON.stringify(seedPath(SEEDS.jilin))});
      const e = await toSqlite(r.records, ':memory:').then(() => null, (e) => e);
      console.log(JSON.stringify({ ok: r.ok, error: e?.name, code: e?.code }));`;
    const r = node(['--input-type=module', '-e', script]);
    expect(JSON.parse(r.stdout)).toEqual({ ok: true, error: 'SqliteDriverMissing', code: 'NOTICES_SQLITE_MISSING' });
  });
});
