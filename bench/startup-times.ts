import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Milliseconds from spawn to the first byte on stdout (or to exit when nothing is printed). */
export function timeToFirstOutput(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'ignore'] });
    let done = false;
    const finish = () => {
      if (!done) {
        done = true;
        resolve(performance.now() - start);
      }
    };
    child.stdout.once('data', finish);
    child.on('exit', finish);
    child.on('error', reject);
  });
}

/** Milliseconds from spawn to exit, output read through a pipe (as a script calling it would). */
export function timeToExit(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'ignore'] });
    child.stdout.resume();
    child.on('close', () => resolve(performance.now() - start));
    child.on('error', reject);
  });
}

/**
 * Milliseconds from starting `args` in a fresh 120×40 tmux pane until `text` shows on
 * its screen (polled every 5 ms), as a person at a terminal would see it.
 */
export function timeToScreenText(args: string[], text: string, env: NodeJS.ProcessEnv, cwd: string): number {
  const socket = `gl-bench-${process.pid}-${randomBytes(3).toString('hex')}`;
  const conf = join(cwd, 'bench-tmux.conf');
  // The pane must outlive a program that exits at once (the `node -e` baseline).
  writeFileSync(conf, 'set -g remain-on-exit on\nset -g status off\n');
  const tmux = (...a: string[]) => execFileSync('tmux', ['-L', socket, '-f', conf, ...a], { env, encoding: 'utf8' });
  try {
    const start = performance.now();
    tmux('new-session', '-d', '-s', 'b', '-x', '120', '-y', '40', '-c', cwd, '--', ...args);
    for (;;) {
      const screen = tmux('capture-pane', '-p', '-t', 'b');
      if (screen.includes(text)) return performance.now() - start;
      if (performance.now() - start > 20_000) throw new Error(`"${text}" did not appear within 20 s:\n${screen}`);
      execFileSync('sleep', ['0.005']);
    }
  } finally {
    try {
      tmux('kill-server');
    } catch {
      // The server ended with its only pane.
    }
  }
}
