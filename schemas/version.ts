// The record contract's version numbers, apart from the zod schemas (common.ts re-exports them):
// a worker stamps every record with SCHEMA_VERSION and need not load zod to do so.

/**
 * The contract version records carry (`schemaVersion`): bumped when a field is renamed or dropped.
 */
export const SCHEMA_VERSION = '1' as const;

/**
 * Bumped whenever schemas/*.schema.json change at all (fields added): schemas/revisions.json holds
 * the hash of each revision's schemas and a test fails when they change without a new entry.
 */
export const SCHEMA_REVISION = 10;
