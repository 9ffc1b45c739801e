import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTerminal, type Terminal } from './terminal.js';

let term: Terminal | undefined;
const root = mkdtempSync(join(tmpdir(), 'gl-paste-'));
afterEach(async () => {
  await term?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the wizard explains a pasted log', () => {
  it('asks for a file, takes a paste ended by END, shows the finding and returns home', async () => {
    term = await startTerminal({ args: ['--dir', join(root, 'none'), '--lang', 'en'], cols: 120, rows: 40 });
    await term.waitFor('↑/↓ choose');
    // "Explain a log" is the last row: one step up from the first wraps to it.
    await term.pressUntil('up', /❯ Explain a log/);
    await term.press('enter');
    await term.waitFor('Log file to explain');
    await term.press('enter');
    await term.waitFor('type END on a line by itself');
    await term.type("==> gluster1: Box 'bento/ubuntu-24.04' could not be found. Attempting to find and install...");
    await term.press('enter');
    await term.type("The box 'bento/ubuntu-24.04' could not be found or could not be accessed in the remote catalog.");
    await term.press('enter');
    await term.type('END');
    await term.press('enter');
    const screen = await term.waitFor('Last: Explain a log — finished', 20_000);
    expect(screen).toContain('The Vagrant box could not be found or downloaded');
    expect(screen).toContain('found in the pasted log');
    await term.type('q');
    expect(await term.exitCode()).toBe(0);
  });
});
