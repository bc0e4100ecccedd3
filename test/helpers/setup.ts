import { loadSchemaCheck } from '../../src/check/validate.js';

// The tests validate every record (vitest.config.ts), many through processSource, which is
// synchronous: the zod check it needs is loaded here once, as processFile loads it in production.
await loadSchemaCheck();
