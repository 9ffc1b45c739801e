import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const built = Symbol.for('gluster-lab.test.dist-built');

/**
 * Vitest globalSetup: builds dist/ once per test run, before any test file starts, so
 * every test that runs the CLI or the simulator's bins tests the current source. Vitest
 * calls it for the root config and for each project (vitest.config.ts), in its own
 * process: the first call builds, the others find it done.
 */
export default function buildOnce(): void {
  const state = globalThis as { [built]?: true };
  if (state[built]) return;
  const root = resolve(import.meta.dirname, '../..');
  const result = spawnSync(process.execPath, ['build.mjs'], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`node build.mjs failed (exit ${result.status}):\n${result.stderr}${result.stdout}`);
  state[built] = true;
}
