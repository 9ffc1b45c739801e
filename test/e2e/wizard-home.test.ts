import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTerminal, type Terminal } from './terminal.js';

describe('the wizard in a terminal', () => {
  let term: Terminal | undefined;
  const root = mkdtempSync(join(tmpdir(), 'gl-wiz-'));
  afterEach(async () => {
    await term?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('prepares a lab from the home screen, comes back with the state refreshed, and q exits', async () => {
    const lab = join(root, 'lab');
    term = await startTerminal({ args: ['--dir', lab, '--lang', 'en'], cols: 120, rows: 40 });
    let screen = await term.waitFor('↑/↓ choose');
    expect(screen).toMatch(/❯ Prepare the lab directory\s+no lab yet\s+← next/);
    await term.press('enter');
    screen = await term.waitFor('Last: Prepare the lab directory finished');
    expect(existsSync(join(lab, 'gluster-lab.yaml'))).toBe(true);
    expect(screen).toMatch(/Prepare the lab directory\s+4 VMs, box bento\/ubuntu-24\.04/);
    expect(screen).toMatch(/❯ Check the prerequisites\s+not checked yet\s+← next/);
    await term.press('down', 'up');
    await term.type('q');
    expect(await term.exitCode()).toBe(0);
  });

  it('speaks Japanese under a Japanese locale', async () => {
    term = await startTerminal({ args: ['--dir', join(root, 'none')], env: { ...process.env, LANG: 'ja_JP.UTF-8', LC_ALL: '' } });
    await term.waitFor('ラボのディレクトリを準備する');
    // A key pressed before Ink listens is lost (the screen can be drawn a moment earlier).
    let code: number | undefined;
    for (let i = 0; i < 10 && code === undefined; i++) {
      await term.press('ctrlC');
      code = await term.exitCode(1_000).catch(() => undefined);
    }
    // Ctrl-C is an interruption, also on the home screen (q is the quiet way out).
    expect(code).toBe(130);
  });
});
