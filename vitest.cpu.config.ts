import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.ts';

// npm run test:cpu: `npm test` with the CPU time of each file and test recorded
// (tests/helpers/cpu-usage.ts), then printed by tests/helpers/test-cpu.mjs.
export default mergeConfig(base, defineConfig({ test: { setupFiles: ['tests/helpers/cpu-usage.ts'] } }));
