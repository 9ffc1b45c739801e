import { defineConfig } from 'vitest/config';

// Test files that replace a module (vi.mock): each keeps a module graph of its own.
const mocking = ['test/unit/storage/storage-flow.test.ts', 'test/unit/storage/storage-csi-flow.test.ts', 'test/unit/storage/storage-user-report.test.ts'];

export default defineConfig({
  test: {
    setupFiles: ['test/setup/test-env.ts'],
    // One build per run: tests use dist/ directly (the CLI and the simulator's bins).
    globalSetup: ['test/setup/global-build.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Pseudo-terminal and real-tool tests start processes; two cores are shared.
    maxWorkers: 2,
    projects: [
      {
        // Functions, screens and the layer rules: one module graph per worker, not per file
        // (vitest's isolate: false). These files share no state but what they import, and
        // importing src/ and Ink afresh for each of them was a third of their time: test/unit
        // took 76 s, 134 CPU-seconds isolated, 53 s and 89 CPU-seconds not (2 cores).
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.{ts,tsx}', 'test/unit/**/*.test.{ts,tsx}', 'test/screens/**/*.test.{ts,tsx}', 'test/architecture/**/*.test.{ts,tsx}'],
          exclude: mocking,
          isolate: false,
        },
      },
      {
        // The built program in a terminal, real tools and real daemons, and the files that
        // mock a module: each file in a fresh worker, as vitest does by default.
        extends: true,
        test: {
          name: 'integration',
          include: ['test/e2e/**/*.test.{ts,tsx}', 'test/real-tools/**/*.test.{ts,tsx}', 'test/real-daemons/**/*.test.{ts,tsx}', ...mocking],
        },
      },
    ],
  },
});
