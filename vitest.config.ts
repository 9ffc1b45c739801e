import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    setupFiles: ['test/setup/test-env.ts'],
    // One build per run: tests use dist/ directly (the CLI and the simulator's bins).
    globalSetup: ['test/setup/global-build.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Pseudo-terminal and real-tool tests start processes; two cores are shared.
    maxWorkers: 2,
  },
});
