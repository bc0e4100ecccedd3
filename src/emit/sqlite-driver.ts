import type Database from 'better-sqlite3';
import { createRequire } from 'node:module';

/**
 * better-sqlite3 is an optional dependency: it is a native module, and npm (11) asks a consumer to
 * approve its build script, so a user who only wants JSON must never meet it. It is loaded here,
 * on first use, and nowhere else in the library (src/emit/sqlite.ts imports only its types).
 *
 * A lazy `require` rather than `await import()`: `openStore` stays synchronous, as the tests and
 * bench/sqlite.mjs call it.
 */
export type SqliteDriver = typeof Database;

/** What to do about it, in one place (the CLI prints it, the API throws it). */
export const SQLITE_MISSING_HELP =
  'SQLite output needs better-sqlite3, an optional dependency of policy-notices that is not usable here. ' +
  'Install it with `npm install better-sqlite3`; if npm reports that its install script was not run, ' +
  'approve it with `npm approve-scripts better-sqlite3` and then run `npm rebuild better-sqlite3`. ' +
  'JSON and JSON Lines output work without it.';

/** Thrown when SQLite output is asked for and better-sqlite3 cannot be loaded; `cause` says why. */
export class SqliteDriverMissing extends Error {
  readonly code = 'NOTICES_SQLITE_MISSING';
  constructor(cause: unknown) {
    super(`${SQLITE_MISSING_HELP} (${reasonOf(cause)})`, { cause });
    this.name = 'SqliteDriverMissing';
  }
}

const reasonOf = (e: unknown) => String((e as Error)?.message ?? e).split('\n')[0];

/**
 * Loads better-sqlite3 and opens an in-memory database once: the package can be present without
 * its native binding (build script skipped, or built for another Node), which only shows when a
 * database is opened. `load` is the module loader (tests pass one that fails).
 */
export function sqliteDriver(load: (id: string) => unknown = createRequire(import.meta.url)): SqliteDriver {
  try {
    const Driver = load('better-sqlite3') as SqliteDriver;
    new Driver(':memory:').close();
    return Driver;
  } catch (e) {
    throw new SqliteDriverMissing(e);
  }
}
