// Apart from src/emit/sqlite-driver.ts so that the library's type declarations, which export this
// error, never mention better-sqlite3's types (a consumer without them must still type-check).

/** What to do about it, in one place (the CLI prints it, the API throws it). */
export const SQLITE_MISSING_HELP =
  'SQLite output needs better-sqlite3, an optional dependency of policy-notices that is not usable here. ' +
  'Install it with `npm install better-sqlite3`; if npm reports that its install script was not run, ' +
  'approve it with `npm install-scripts approve better-sqlite3` and then run `npm rebuild better-sqlite3`. ' +
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
