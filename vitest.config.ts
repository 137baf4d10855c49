import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'runtime/src/**/*.test.ts', 'tests/src/**/*.test.ts'],
    // Temporal's native worker and the shared dev server need separate processes, not threads.
    pool: 'forks',
    globalSetup: ['tests/src/setup/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
