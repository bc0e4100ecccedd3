import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // production validates a sample of records against the schema; the tests validate every one
    env: { NOTICES_VALIDATE: 'all' },
    // so zod's check is there when a test calls processSource directly (validate.ts loads it on demand)
    setupFiles: ['test/helpers/setup.ts'],
  },
});
