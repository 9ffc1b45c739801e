import { afterEach, describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/text/text-width.js';
import { startTerminal, type Terminal } from './terminal.js';

let term: Terminal | undefined;
afterEach(async () => {
  await term?.close();
  term = undefined;
});

describe('the home screen after a step, typed at once', () => {
  it('ja, 60 columns: Down Down Enter right after `up` returns runs the step two below the one the screen showed', async () => {
    term = await startTerminal({ args: ['demo', '--speed', '100', '--lang', 'ja'], cols: 60, rows: 50 });
    // The demo in a terminal first asks which Kubernetes to simulate; today's (v1.31) is the first answer.
    const question = await term.waitFor(/❯ v1\.31.*\n(?:.*\n)*?.*↑↓/, 30_000);
    for (const line of question.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(60);
    await term.press('enter');
    await term.waitFor(/❯ 前提条件を確認する.*← 次/, 30_000);
    await term.press('enter');
    await term.waitFor(/❯ VM を起動する.*← 次/, 30_000);
    await term.press('enter');
    // The first frame after `up` already shows the VMs running and the cursor on the next step.
    const screen = await term.waitFor('前回: VM を起動する — 完了しました', 60_000);
    await term.press('down', 'down', 'enter');
    expect(screen).toMatch(/❯ Kubernetes のストレージを\s+.*← 次/);
    expect(screen).toContain('4 台中 4 台が稼働中');
    for (const line of screen.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(60);
    // Storage → default class → doctor: the doctor runs, as the screen the keys were typed on said.
    await term.waitFor('gluster-lab doctor —', 30_000);
  }, 180_000);
});
