import type Database from 'better-sqlite3';
import { createRequire } from 'node:module';
import { SqliteDriverMissing } from './sqlite-missing.js';

/**
 * better-sqlite3 is an optional dependency: it is a native module, and npm (11) asks a consumer to
 * approve its build script, so a user who only wants JSON must never meet it. It is loaded here,
 * on first use, and nowhere else in the library (src/emit/sqlite.ts imports only its types).
 *
 * A lazy `require` rather than `await import()`: `openStore` stays synchronous, as the tests and
 * bench/sqlite.mjs call it.
 */
export type SqliteDriver = typeof Database;

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
