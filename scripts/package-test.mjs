#!/usr/bin/env node
/**
 * The package as a user gets it (`npm run test:package`; .ci/run runs it after `npm test`):
 *
 *   1. `npm pack` (prepack: a clean build) — what ships, and the tarball's size
 *   2. `npm install <tarball> --omit=optional` into a fresh temporary project (dependencies from
 *      the npm registry, or npm's cache) — so better-sqlite3 is absent, as for a JSON-only user
 *   3. `npx notices extract` on a seed there gives the seed's record; `--format sqlite` says what
 *      to install; the export map serves the schemas and hides the internals
 *   4. the README's "Use from code" example, compiled with tsc against the installed package's
 *      type declarations (skipLibCheck off) and run, stores the same record in its own database
 *      (better-sqlite3 and the @types are linked in from this checkout: they are the user's own
 *      dependencies, and linking spares a second native build)
 *   5. docs/api/ is what `npm run docs:api` generates from the declarations now
 *
 * Prints `ok - …` / `not ok - …` per check, then `package test: N passed, N failed`; with
 * `--report FILE` also writes {"passed", "failed"} there for .ci/run's summary. It rebuilds dist/
 * (prepack), so don't run it while vitest runs in the same checkout.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { isDeepStrictEqual } from 'node:util';

const root = new URL('..', import.meta.url).pathname;
const SEED = '001_73b8f0cfdb9dd94c.txt'; // 吉林: one document
const SEED_FILE_NUMBER = '吉人社联〔2022〕81号'; // printed in the seed as 吉人社联〔2022〕81 号
const reportFile = process.argv.includes('--report') ? process.argv[process.argv.indexOf('--report') + 1] : null;
const keep = process.argv.includes('--keep');

const results = { passed: 0, failed: 0 };
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

function check(name, fn) {
  try {
    const note = fn();
    results.passed++;
    console.log(`ok - ${name}${note ? ` (${note})` : ''}`);
  } catch (e) {
    results.failed++;
    console.log(`not ok - ${name}\n  ${String(e?.message ?? e).replace(/\n/g, '\n  ')}`);
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

function run(cmd, args, cwd, env = {}) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 << 20 });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? String(r.error ?? '') };
}

function mustRun(cmd, args, cwd) {
  const r = run(cmd, args, cwd);
  assert(r.status === 0, `${cmd} ${args.join(' ')} exited ${r.status}\n${r.stderr.slice(-2000)}`);
  return r;
}

/** The first fenced ```ts block of the README's "Use from code" section. */
function readmeExample() {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.split(/^## /m).find((s) => s.startsWith('Use from code'));
  const code = section && /```ts\n([\s\S]*?)```/.exec(section);
  assert(code, 'README.md has no ```ts block under "## Use from code"');
  return code[1];
}

function filesUnder(dir, base = dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name), base) : [relative(base, join(dir, e.name))],
  );
}

const work = mkdtempSync(join(tmpdir(), 'notices-package-'));
const app = join(work, 'app');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
let tarball = null;
let reference = null;

try {
  check('npm pack ships the build, the JSON Schemas, README and LICENSE only', () => {
    const r = mustRun(npm, ['pack', '--json', '--pack-destination', work], root);
    const [info] = JSON.parse(r.stdout);
    tarball = join(work, info.filename);
    const paths = info.files.map((f) => f.path);
    for (const must of ['bin/notices.js', 'dist/src/api/index.js', 'dist/src/api/index.d.ts', 'dist/schemas/index.d.ts', 'dist/src/cli/main.js', 'schemas/notice.schema.json', 'LICENSE', 'README.md']) {
      assert(paths.includes(must), `the tarball lacks ${must}`);
    }
    const stray = paths.filter((p) => /^(test|seeds|src|bench|pipelines|docs|scripts|out)\//.test(p) || (p.endsWith('.ts') && !p.endsWith('.d.ts')) || p.includes('tsbuildinfo'));
    assert(stray.length === 0, `the tarball ships ${stray.slice(0, 5).join(', ')}`);
    return `${info.filename}: ${(info.size / 1024).toFixed(0)} kB packed, ${(info.unpackedSize / 1024).toFixed(0)} kB unpacked, ${paths.length} files; ${elapsed()}`;
  });

  check('the tarball installs into a fresh project without better-sqlite3', () => {
    assert(tarball, 'no tarball');
    mkdirSync(join(app, 'notices'), { recursive: true });
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'notices-consumer', private: true, type: 'module' }, null, 2));
    copyFileSync(join(root, 'seeds', SEED), join(app, 'notices', SEED));
    mustRun(npm, ['install', '--omit=optional', '--no-audit', '--no-fund', '--prefer-offline', tarball], app);
    assert(existsSync(join(app, 'node_modules', 'policy-notices', 'dist', 'src', 'api', 'index.js')), 'policy-notices is not in node_modules');
    assert(!existsSync(join(app, 'node_modules', 'better-sqlite3')), 'better-sqlite3 was installed despite --omit=optional');
    return elapsed();
  });

  check("this checkout's CLI gives the seed's record (the reference)", () => {
    const r = mustRun(process.execPath, [join(root, 'bin', 'notices.js'), 'extract', join('notices', SEED)], app);
    reference = JSON.parse(r.stdout);
    assert(reference.length === 1, `expected 1 record, got ${reference.length}`);
    assert(reference[0].fileNumber?.normalized === SEED_FILE_NUMBER, `file number ${reference[0].fileNumber?.normalized}`);
  });

  check('npx notices --help runs from the installed package', () => {
    const r = mustRun(npx, ['--no-install', 'notices', '--help'], app);
    assert(/notices extract/.test(r.stdout), r.stdout);
  });

  check("npx notices extract gives the seed's record", () => {
    const r = mustRun(npx, ['--no-install', 'notices', 'extract', join('notices', SEED)], app);
    assert(isDeepStrictEqual(JSON.parse(r.stdout), reference), 'the installed CLI gives another record than this checkout');
  });

  check('--format sqlite without better-sqlite3 says what to install, on one line', () => {
    const r = run(npx, ['--no-install', 'notices', 'extract', 'notices', '--format', 'sqlite', '--out', 'store'], app);
    assert(r.status === 2, `exit ${r.status}\n${r.stderr}`);
    assert(/^notices: SQLite output needs better-sqlite3.*npm install better-sqlite3/.test(r.stderr) && r.stderr.trim().split('\n').length === 1, r.stderr);
    assert(!existsSync(join(app, 'store')), 'the output folder was created anyway');
  });

  check('the export map serves the API, the zod schemas and the JSON Schemas, and nothing else', () => {
    const script = `
      const api = await import('policy-notices');
      const schemas = await import('policy-notices/schemas');
      const json = (await import('policy-notices/schemas/notice.schema.json', { with: { type: 'json' } })).default;
      const hidden = await import('policy-notices/dist/src/cli/main.js').then(() => 'importable', (e) => e.code);
      console.log(JSON.stringify({
        api: Object.keys(api).sort(), zod: typeof schemas.NoticeRecord.safeParse, json: Object.keys(json.properties ?? {}).includes('fileNumber'), hidden,
      }));`;
    const r = mustRun(process.execPath, ['--input-type=module', '-e', script], app);
    const got = JSON.parse(r.stdout);
    const want = ['SqliteDriverMissing', 'check', 'compare', 'diff', 'extractFile', 'extractFiles', 'extractText', 'serve', 'toSqlite'];
    assert(isDeepStrictEqual(got.api, want), `policy-notices exports ${got.api.join(', ')}`);
    assert(got.zod === 'function' && got.json === true, r.stdout);
    assert(got.hidden === 'ERR_PACKAGE_PATH_NOT_EXPORTED', `a deep import is ${got.hidden}`);
  });

  check("the README example type-checks against the installed package and stores the seed's record", () => {
    // the user's own dependencies of the example: better-sqlite3 and the type packages
    mkdirSync(join(app, 'node_modules', '@types'), { recursive: true });
    for (const dep of ['better-sqlite3', '@types/better-sqlite3', '@types/node']) symlinkSync(join(root, 'node_modules', dep), join(app, 'node_modules', dep));
    writeFileSync(join(app, 'load-notices.ts'), readmeExample());
    const tsconfig = { compilerOptions: { module: 'NodeNext', target: 'ES2022', strict: true, skipLibCheck: false, outDir: 'build', types: ['node'] }, files: ['load-notices.ts'] };
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
    const tsc = run(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], app);
    assert(tsc.status === 0, `tsc:\n${tsc.stdout}${tsc.stderr}`);
    const r = mustRun(process.execPath, [join('build', 'load-notices.js'), 'notices'], app);
    assert(/stored 1 notice\(s\)/.test(r.stdout), r.stdout + r.stderr);
    const Database = createRequire(join(root, 'package.json'))('better-sqlite3');
    const db = new Database(join(app, 'my-notices.db'), { readonly: true });
    const rows = db.prepare('SELECT file_number, record FROM notice').all();
    db.close();
    assert(rows.length === 1 && rows[0].file_number === SEED_FILE_NUMBER, JSON.stringify(rows.map((x) => x.file_number)));
    assert(isDeepStrictEqual(JSON.parse(rows[0].record), reference[0]), 'the example stored another record than the CLI gives');
    return elapsed();
  });

  check('docs/api is what `npm run docs:api` generates now', () => {
    const out = join(work, 'api-docs');
    mustRun(process.execPath, [join(root, 'node_modules', 'typedoc', 'bin', 'typedoc'), '--out', out], root);
    const committed = join(root, 'docs', 'api');
    const a = filesUnder(committed).sort();
    const b = filesUnder(out).sort();
    assert(isDeepStrictEqual(a, b), `files differ: ${a.filter((f) => !b.includes(f)).concat(b.filter((f) => !a.includes(f))).join(', ')}`);
    const stale = a.filter((f) => readFileSync(join(committed, f), 'utf8') !== readFileSync(join(out, f), 'utf8'));
    assert(stale.length === 0, `stale: ${stale.join(', ')} — run npm run docs:api`);
    return elapsed();
  });
} finally {
  if (!keep) rmSync(work, { recursive: true, force: true });
  else console.log(`# kept ${work}`);
}

console.log(`package test: ${results.passed} passed, ${results.failed} failed (${elapsed()})`);
if (reportFile) writeFileSync(reportFile, JSON.stringify(results) + '\n');
process.exitCode = results.failed ? 1 : 0;
