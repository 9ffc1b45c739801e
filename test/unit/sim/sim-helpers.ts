import { execa } from 'execa';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const repoRoot = new URL('../../../', import.meta.url).pathname;

/** The simulator's bins in dist/, built once per test run by test/setup/global-build.ts. */
export const distSimBinDir = join(repoRoot, 'dist', 'sim-bin');
/** The built CLI beside them. */
export const distCliPath = join(repoRoot, 'dist', 'cli.cjs');

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

/**
 * Runs a tool with exactly `env` and waits for it without blocking this process: the
 * simulated kubectl's answers come from the simulated lab's server in this very process.
 */
export async function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, input?: string): Promise<Ran> {
  const result = await execa(command, args, { cwd, env, extendEnv: false, input: input ?? '', reject: false, stripFinalNewline: false, timeout: 120_000 });
  return { stdout: result.stdout, stderr: result.stderr, status: result.exitCode ?? null };
}

/** Drops the leading timestamp of machine-readable lines, which differ run to run. */
export function untimed(text: string): string {
  return text.replace(/^\d+,/gm, 'T,');
}
