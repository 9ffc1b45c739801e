import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const repoRoot = new URL('../../../', import.meta.url).pathname;

/**
 * The simulator runs as built bundles; build once if a test run finds none, then work
 * on a private copy so a concurrent `npm run build` (which empties dist/) cannot pull
 * the files away mid-test. Returns the copy's sim-bin directory.
 */
export function ensureBuilt(): string {
  if (!existsSync(join(repoRoot, 'dist', 'sim-bin', 'vagrant.js'))) {
    const result = spawnSync('npm', ['run', 'build'], { cwd: repoRoot, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`npm run build failed:\n${result.stderr}`);
  }
  const copy = mkdtempSync(join(tmpdir(), 'gluster-lab-simdist-'));
  cpSync(join(repoRoot, 'dist'), copy, { recursive: true });
  return join(copy, 'sim-bin');
}

/** A lab directory with a Vagrantfile (its content does not matter to the simulator). */
export function tempLabDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gluster-lab-simtest-'));
  writeFileSync(join(dir, 'Vagrantfile'), '# gluster-lab test lab\n');
  return dir;
}

export interface Ran {
  stdout: string;
  stderr: string;
  status: number | null;
}

export function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, input?: string): Ran {
  const result = spawnSync(command, args, { cwd, env, input, encoding: 'utf8' });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

/** Drops the leading timestamp of machine-readable lines, which differ run to run. */
export function untimed(text: string): string {
  return text.replace(/^\d+,/gm, 'T,');
}
