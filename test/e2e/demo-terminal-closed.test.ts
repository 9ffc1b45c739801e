import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startTerminal } from './terminal.js';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function eventually(check: () => boolean, timeoutMs = 15_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return check();
}

describe('closing the terminal', () => {
  it('during a bring-up in the demo stops the program and removes its temporary files', async () => {
    // --scenario: the demo does not first ask which Kubernetes to simulate.
    const term = await startTerminal({ args: ['demo', '--scenario', 'healthy', '--speed', '2', '--lang', 'en'] });
    const screen = await term.waitFor('↑/↓ choose', 30_000);
    const labDir = /Lab: (\S+)/.exec(screen)?.[1] ?? '';
    const pid = await term.pid();
    await term.pressUntil('down', /❯ Bring the VMs up/);
    await term.press('enter');
    await term.waitFor('Bringing up lab', 30_000);
    await term.close();
    expect(await eventually(() => !alive(pid))).toBe(true);
    expect(existsSync(dirname(labDir))).toBe(false);
  }, 90_000);
});
