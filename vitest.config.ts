import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // tests/long/ and the full versions of the fuzz tests: npm run test:long (vitest.long.config.ts)
    exclude: ['tests/e2e/**', 'tests/long/**'],
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two files at a time. vitest's default on 2 cores is one worker (cores − 1), and many
    // files wait on the CLI processes they start, leaving a core idle (docs/performance.md).
    maxWorkers: 2,
    // The test files share the modules of src/ within a worker instead of importing them
    // afresh for each file: no file mocks a module or changes process-wide state.
    isolate: false,
  },
});
