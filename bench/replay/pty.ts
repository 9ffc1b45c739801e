import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface PtyRun {
  /** The program's process id (tmux runs it directly in the pane, no shell). */
  pid: number;
  screen(): string;
  /** Resolves once the program ended (or after `timeoutMs`: then false). */
  waitForExit(timeoutMs: number): Promise<boolean>;
  close(): void;
}

/**
 * Starts `args` in a fresh cols×rows pseudo-terminal (a private tmux server, as the e2e
 * tests do), as a person at a terminal would run it.
 */
export function startInPty(args: string[], env: NodeJS.ProcessEnv, cwd: string, cols = 120, rows = 40): PtyRun {
  const socket = `gl-bench-${process.pid}-${randomBytes(3).toString('hex')}`;
  const conf = join(cwd, `tmux-${socket}.conf`);
  // The pane stays after the program exits, so its end can be seen and its screen read.
  writeFileSync(conf, 'set -g remain-on-exit on\nset -g status off\n');
  const tmux = (...a: string[]) => execFileSync('tmux', ['-L', socket, '-f', conf, ...a], { env, encoding: 'utf8', timeout: 10_000 });
  tmux('new-session', '-d', '-s', 'b', '-x', String(cols), '-y', String(rows), '-c', cwd, '--', ...args);
  const pid = Number(tmux('display-message', '-p', '-t', 'b', '#{pane_pid}').trim());
  const dead = () => tmux('display-message', '-p', '-t', 'b', '#{pane_dead}').trim() === '1';
  return {
    pid,
    screen: () => tmux('capture-pane', '-p', '-t', 'b'),
    async waitForExit(timeoutMs) {
      const deadline = performance.now() + timeoutMs;
      while (performance.now() < deadline) {
        if (dead()) return true;
        await new Promise((r) => setTimeout(r, 250));
      }
      return false;
    },
    close() {
      try {
        tmux('kill-server');
      } catch {
        // the server ended with its only pane
      }
    },
  };
}
