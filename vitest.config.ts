import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // tests/long/ and the full versions of the fuzz tests: npm run test:long (vitest.long.config.ts)
    exclude: ['tests/e2e/**', 'tests/long/**'],
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
