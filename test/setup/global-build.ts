import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * Vitest globalSetup: builds dist/ once per test run, before any test file starts, so
 * every test that runs the CLI or the simulator's bins tests the current source.
 */
export default function buildOnce(): void {
  const root = resolve(import.meta.dirname, '../..');
  const result = spawnSync(process.execPath, ['build.mjs'], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`node build.mjs failed (exit ${result.status}):\n${result.stderr}${result.stdout}`);
}
