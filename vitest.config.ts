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
    // V8 optimises a function later, as bin/gongbao has it do for the CLI: a test runs most
    // code a few times only, and the background compilations of TurboFan cost more CPU than
    // they save (measured on 13 of the heaviest in-process files: 59–61 s of CPU by default,
    // 49–51 s with this budget, 56 s with four times it; docs/performance.md).
    execArgv: ['--interrupt-budget=2162688'],
  },
});
