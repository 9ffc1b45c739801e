import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execa } from 'execa';

/** Key names as tmux's send-keys understands them. */
const Keys = {
  enter: 'Enter',
  up: 'Up',
  down: 'Down',
  left: 'Left',
  right: 'Right',
  tab: 'Tab',
  escape: 'Escape',
  space: 'Space',
  backspace: 'BSpace',
  ctrlC: 'C-c',
} as const;
type KeyName = keyof typeof Keys;

export interface TerminalOptions {
  /** Arguments after `node dist/cli.cjs`. */
  args: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  cols?: number;
  rows?: number;
}

export interface Terminal {
  /** Presses named keys one after the other. */
  press(...keys: KeyName[]): Promise<void>;
  /**
   * Presses `key` until the screen matches `screen` (a menu cursor on the wanted row): a
   * key sent before the program listens is lost, and the cursor may start anywhere.
   */
  pressUntil(key: KeyName, screen: RegExp, tries?: number): Promise<void>;
  /** Types literal text (no key names interpreted). */
  type(text: string): Promise<void>;
  /** Waits until the screen shows `text`; returns the screen. Throws with the screen on timeout. */
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<string>;
  screen(): Promise<string>;
  /** Waits for the program to end; its exit code. */
  exitCode(timeoutMs?: number): Promise<number>;
  /** PID of the CLI process (for counting what it leaves behind). */
  pid(): Promise<number>;
  close(): Promise<void>;
}

/** The program as package.json's "bin" names it. */
export const cliPath = resolve(import.meta.dirname, '../../dist/cli.cjs');

/**
 * Starts the built CLI in a real pseudo-terminal (tmux, one private server per call)
 * at the given size. A person's view: keys in, the screen's text out.
 */
export async function startTerminal(options: TerminalOptions): Promise<Terminal> {
  const socket = `gl-test-${process.pid}-${randomBytes(4).toString('hex')}`;
  const confDir = mkdtempSync(join(tmpdir(), 'gl-tmux-'));
  const conf = join(confDir, 'tmux.conf');
  const exitFile = join(confDir, 'exit-code');
  // The pane stays after the program exits so that its exit status can be read.
  writeFileSync(conf, 'set -g remain-on-exit on\nset -g history-limit 5000\nset -g status off\n');
  const env = { ...(options.env ?? process.env), TERM: 'xterm-256color', CI: '', FORCE_COLOR: '0' };
  delete (env as Record<string, unknown>).CI;
  // extendEnv false: execa would otherwise merge process.env back in, CI=true included,
  // and Ink in CI mode draws nothing until the program ends.
  const tmux = (...args: string[]) => execa('tmux', ['-L', socket, '-f', conf, ...args], { env, extendEnv: false, timeout: 10_000 });
  await tmux(
    'new-session', '-d', '-s', 'main',
    '-x', String(options.cols ?? 120), '-y', String(options.rows ?? 40),
    '-c', options.cwd ?? process.cwd(),
    // tmux 3.3a sometimes marks a pane dead without ever filling #{pane_dead_status}
    // (seen under load): a shell around the CLI writes the exit code to a file instead.
    // `trap : INT` keeps the shell waiting through a Ctrl-C; the CLI gets the default handler.
    '--', '/bin/sh', '-c', `trap : INT; "$@"; echo $? > '${exitFile}'`, 'sh', process.execPath, cliPath, ...options.args,
  );

  const screen = async () => (await tmux('capture-pane', '-p', '-t', 'main')).stdout;
  const paneState = async () => {
    const { stdout } = await tmux('display-message', '-p', '-t', 'main', '#{pane_dead} #{pane_dead_status} #{pane_pid}');
    const [dead, status, pid] = stdout.trim().split(' ');
    return { dead: dead === '1', status: Number(status), pid: Number(pid) };
  };

  return {
    async press(...keys) {
      for (const key of keys) await tmux('send-keys', '-t', 'main', Keys[key]);
    },
    async pressUntil(key, wanted, tries = 15) {
      for (let i = 0; i < tries; i++) {
        if (wanted.test(await screen())) return;
        await tmux('send-keys', '-t', 'main', Keys[key]);
        await new Promise((r) => setTimeout(r, 150));
      }
      if (!wanted.test(await screen())) throw new Error(`pressing ${key} ${tries} times never showed ${String(wanted)}; the screen shows:\n${await screen()}`);
    },
    async type(text) {
      await tmux('send-keys', '-t', 'main', '-l', text);
    },
    async waitFor(text, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      let last = '';
      while (Date.now() < deadline) {
        last = await screen();
        if (typeof text === 'string' ? last.includes(text) : text.test(last)) return last;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${String(text)}; the screen shows:\n${last}`);
    },
    screen,
    async exitCode(timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const code = existsSync(exitFile) ? readFileSync(exitFile, 'utf8').trim() : '';
        if (code !== '') return Number(code);
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`the program did not exit within ${timeoutMs} ms; the screen shows:\n${await screen()}`);
    },
    async pid() {
      // The pane runs the shell; the CLI is its child.
      const shell = (await paneState()).pid;
      const { stdout } = await execa('ps', ['-o', 'pid=', '--ppid', String(shell)]);
      return Number(stdout.trim().split('\n')[0]);
    },
    async close() {
      await tmux('kill-server').catch(() => {});
      rmSync(confDir, { recursive: true, force: true });
    },
  };
}
