import { defineConfig } from 'vitest/config';

// End-to-end tests: headless Chromium and the single executable. They fail, never skip,
// when CI=true.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 180_000,
    hookTimeout: 300_000,
    passWithNoTests: false,
  },
});
