/**
 * policy-notices as a library: extract records from notices, check and diff them, store them.
 *
 * Every function is pure apart from reading the files it is given (and {@link toSqlite} writing
 * its store): no global state, nothing printed. Bad input is a value (`{ ok: false, path, reason }`),
 * not an exception. The zod schemas of the records are in `policy-notices/schemas`, their JSON
 * Schemas in `policy-notices/schemas/*.schema.json`.
 *
 * @packageDocumentation
 * @module policy-notices
 */
export { extractFile, extractFiles, extractText } from './extract.js';
export type { Extracted, ExtractFilesOptions, ExtractOptions, ExtractResult, ExtractTextOptions, FileInput } from './extract.js';
export { check, compare, diff } from './analyse.js';
export { toSqlite } from './sqlite.js';
export type { SqliteExtras, SqliteSummary } from './sqlite.js';
export { SqliteDriverMissing } from '../emit/sqlite-missing.js';
export type { CompareRow } from '../compare/rows.js';
export type { Failure } from '../util/result.js';
export type { NoticeRecord } from '../../schemas/notice.js';
export type { DiffRecord } from '../../schemas/diff.js';
export type { Finding, LocatedFinding } from '../../schemas/finding.js';
export { serve } from '../serve/server.js';
export type { ServeHandle, ServeOptions } from '../serve/server.js';
