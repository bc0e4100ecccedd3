// Runs SQL from standard input on a notices.sqlite file and prints the rows as JSON arrays,
// like `sqlite3 -json -readonly`, for machines without the sqlite3 shell (better-sqlite3 is
// already installed with the project). Usage: node scripts/query.mjs out/notices.sqlite < query.sql
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';

const [path] = process.argv.slice(2);
if (!path) {
  console.error('usage: node scripts/query.mjs DB.sqlite < query.sql');
  process.exit(2);
}
const db = new Database(path, { readonly: true, fileMustExist: true });
try {
  const sql = readFileSync(0, 'utf8');
  // like the shell: one JSON array per statement that returns rows, nothing for an empty result
  for (const statement of splitStatements(sql)) {
    const s = db.prepare(statement);
    if (!s.reader) s.run();
    else {
      const rows = s.all();
      if (rows.length) console.log(JSON.stringify(rows));
    }
  }
} finally {
  db.close();
}

/** Statements split at `;` outside quotes and comments. */
function splitStatements(sql) {
  const out = [];
  let current = '';
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i];
    if (c === "'" || c === '"') {
      const end = sql.indexOf(c, i + 1);
      const stop = end < 0 ? sql.length : end + 1;
      current += sql.slice(i, stop);
      i = stop - 1;
    } else if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      i = end < 0 ? sql.length : end;
      current += '\n';
    } else if (c === ';') {
      if (current.trim()) out.push(current);
      current = '';
    } else current += c;
  }
  if (current.trim()) out.push(current);
  return out;
}
