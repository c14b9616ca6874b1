import { defineConfig } from 'vitest/config';

// The long runs: every property test with its full number of runs from a fresh seed, the
// pathological inputs at full size, the interrupt at four moments (GONGBAO_TEST_LONG=1, read
// by tests/fuzz-helpers.ts). `npm test` runs the same files in a short, seeded version.
export default defineConfig({
  test: {
    include: [
      'tests/long/**/*.test.ts',
      'tests/help-examples.test.ts',
      'tests/readme-examples.test.ts',
      'tests/adversarial.test.ts',
      'tests/fuzz.test.ts',
      'tests/fuzz-output.test.ts',
      'tests/batch.test.ts',
      'tests/separators.test.ts',
      'tests/fuzz-names.test.ts',
      'tests/fuzz-damaged.test.ts',
      'tests/damaged-bytes.test.ts',
      'tests/people-fuzz.test.ts',
      'tests/sequence.test.ts',
      'tests/sluices.test.ts',
      'tests/conform.test.ts',
      'tests/tables.test.ts',
      'tests/tables-clean.test.ts',
      'tests/tables-scan.test.ts',
      'tests/hardening.test.ts',
      'tests/memory.test.ts',
      'tests/flood.test.ts',
      'tests/markdown.test.ts',
    ],
    env: { GONGBAO_TEST_LONG: '1' },
    // as in vitest.config.ts: V8 optimises later, which costs less CPU on a test run
    execArgv: ['--interrupt-budget=2162688'],
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    passWithNoTests: false,
  },
});
