import type { Argv, ArgumentsCamelCase } from 'yargs';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface Args {
  paths: string[];
  port: number;
  host: string;
  quiet: boolean;
}

export const command = 'serve <paths..>';
export const describe = 'Explore a corpus in the browser: overview with facets, full-text search, one page per notice, diffs, and a CSV and JSON twin of every list';

const port = (v: unknown) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`--port must be an integer from 0 to 65535, not ${String(v)}`);
  return n;
};

export const builder = (y: Argv) =>
  y
    .positional('paths', { type: 'string', array: true, demandOption: true, describe: 'a store (notices.sqlite, opened read-only), or notice files and folders to extract into a temporary store first' })
    .option('port', { type: 'number', default: 8080, coerce: port, describe: 'port to listen on; 0 picks a free one' })
    .option('host', { type: 'string', default: '127.0.0.1', describe: 'interface to listen on; anything but loopback makes the corpus reachable from the network' })
    .option('quiet', { type: 'boolean', default: false, describe: 'no progress on stderr while extracting' })
    .example('$0 serve out/notices.sqlite', 'browse a store written by `notices extract --format sqlite`')
    .example('$0 serve seeds --port 0', 'extract the seeds into a temporary store and browse it on a free port');

/** A SQLite database file starts with these 16 bytes. */
const SQLITE_MAGIC = 'SQLite format 3\0';

function isSqliteFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    const fd = openSync(path, 'r');
    try {
      const head = Buffer.alloc(16);
      readSync(fd, head, 0, 16, 0);
      return head.toString('latin1') === SQLITE_MAGIC;
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}

const LOOPBACK = /^(127(\.\d{1,3}){3}|::1|localhost)$/i;

export async function handler(argv: ArgumentsCamelCase<Args>): Promise<void> {
  const { sqliteDriver } = await import('../emit/sqlite-driver.js');
  try {
    sqliteDriver();
  } catch (e) {
    process.stderr.write(`notices: ${(e as Error).message}\n`);
    process.exitCode = 2;
    return;
  }
  const { serve } = await import('../serve/server.js');
  const { buildStore } = await import('../serve/store.js');
  let db: string;
  let scratch: string | null = null;
  if (argv.paths.length === 1 && isSqliteFile(argv.paths[0])) db = argv.paths[0];
  else {
    scratch = await mkdtemp(join(tmpdir(), 'notices-serve-'));
    db = join(scratch, 'notices.sqlite');
    const summary = await buildStore(argv.paths, db, (line) => argv.quiet || process.stderr.write(`${line}\n`));
    for (const f of summary.failures) process.stderr.write(`notices: ${f.path}: ${f.reason}\n`);
    if (!argv.quiet) process.stderr.write(`${summary.documents} notices from ${summary.files} files, ${summary.diffs} diffs\n`);
  }
  const cleanup = async () => {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  };
  let handle;
  try {
    handle = await serve({ db, port: argv.port, host: argv.host });
  } catch (e) {
    await cleanup();
    process.stderr.write(`notices: ${(e as Error).message}\n`);
    process.exitCode = 2;
    return;
  }
  const stop = async () => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await handle.close();
    await cleanup();
    process.exit(0);
  };
  // listening before the address is printed: whoever reads it may stop the server at once
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  if (!LOOPBACK.test(argv.host)) {
    process.stderr.write(`notices: warning: listening on ${argv.host}: anyone who can reach this machine on port ${handle.port} can read the corpus\n`);
  }
  process.stdout.write(`${handle.url}\n`);
}
