import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStore } from '../src/serve/store.js';
import { root } from './helpers/context.js';

/** `notices serve` as a user runs it (bin/notices.js runs the build in dist/). */

let dir: string;
let store: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'notices-serve-cli-'));
  store = join(dir, 'notices.sqlite');
  await buildStore([join(root, 'seeds')], store);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Running {
  child: ChildProcess;
  url: string;
  stderr: () => string;
}

/** Starts the CLI and waits for the address it prints on stdout. */
function start(args: string[]): Promise<Running> {
  const child = spawn(process.execPath, [join(root, 'bin', 'notices.js'), 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr!.on('data', (b) => (err += b));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (b) => {
      out += b;
      if (out.includes('\n')) resolve({ child, url: out.split('\n')[0], stderr: () => err });
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code} before printing an address: ${err}`)));
  });
}

const exitOf = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

describe('notices serve (CLI)', () => {
  it('serves a store on 127.0.0.1 at a free port, and closes cleanly on SIGINT', async () => {
    const s = await start([store, '--port', '0']);
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(Number(new URL(s.url).port)).toBeGreaterThan(0);
    const page = await (await fetch(s.url)).text();
    expect(page).toContain('人社部发〔2022〕13号');
    const exited = exitOf(s.child);
    s.child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(s.stderr()).toBe('');
  }, 60_000);

  it('closes on SIGTERM too, and the port is free again afterwards', async () => {
    const s = await start([store, '--port', '0']);
    const port = new URL(s.url).port;
    const exited = exitOf(s.child);
    s.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const again = await start([store, '--port', port]);
    expect(again.url).toBe(s.url);
    const done = exitOf(again.child);
    again.child.kill('SIGINT');
    expect(await done).toBe(0);
  }, 60_000);

  it('warns on stderr when --host makes it reachable from the network', async () => {
    const s = await start([store, '--port', '0', '--host', '0.0.0.0']);
    expect(s.url).toMatch(/^http:\/\/0\.0\.0\.0:\d+\/$/);
    expect(s.stderr()).toMatch(/warning: listening on 0\.0\.0\.0/);
    const exited = exitOf(s.child);
    s.child.kill('SIGINT');
    expect(await exited).toBe(0);
  }, 60_000);

  it('extracts notice files into a temporary store first, with progress on stderr', async () => {
    const s = await start([join(root, 'seeds'), '--port', '0']);
    expect(s.stderr()).toMatch(/\[1\/4\] .*000_7dc2baf39b3a8626\.txt/);
    expect(s.stderr()).toMatch(/5 notices from 4 files, 4 diffs/);
    const list = (await (await fetch(new URL('/api/notices?province=%E5%90%89%E6%9E%97', s.url))).json()) as { notices: { fileNumber: string }[] };
    expect(list.notices.map((n) => n.fileNumber)).toEqual(['吉人社联〔2022〕81号']);
    const exited = exitOf(s.child);
    s.child.kill('SIGINT');
    expect(await exited).toBe(0);
  }, 120_000);

  it('refuses a SQLite file that is not a store, and a bad port, with a message and status 2', async () => {
    const { sqliteDriver } = await import('../src/emit/sqlite-driver.js');
    const other = join(dir, 'other.sqlite');
    const db = new (sqliteDriver())(other);
    db.exec('CREATE TABLE t (x)');
    db.close();
    for (const [args, message] of [
      [[other, '--port', '0'], /is not a notices store/],
      [[store, '--port', '70000'], /--port must be an integer from 0 to 65535/],
    ] as const) {
      const child = spawn(process.execPath, [join(root, 'bin', 'notices.js'), 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      child.stderr!.on('data', (b) => (err += b));
      expect(await exitOf(child)).toBe(2);
      expect(err).toMatch(message);
    }
  }, 60_000);
});
