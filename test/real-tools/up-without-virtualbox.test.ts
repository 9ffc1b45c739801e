import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { cliPath } from '../e2e/terminal.js';

// The real Debian vagrant 2.3.4 is installed here, VirtualBox is not.
const vagrant = await execa('vagrant', ['--version'], { reject: false }).catch(() => undefined);
const vbox = await execa('VBoxManage', ['--version'], { reject: false }).catch(() => undefined);
const usable = vagrant?.exitCode === 0 && (vbox === undefined || vbox.exitCode !== 0);

describe.skipIf(!usable)('gluster-lab up with the real vagrant and no VirtualBox', () => {
  const root = mkdtempSync(join(tmpdir(), 'gl-real-up-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('fails through the real code path in a pipe and says VirtualBox is missing', async () => {
    const lab = join(root, 'lab');
    await execa(process.execPath, [cliPath, 'init', lab, '--lang', 'en']);
    const result = await execa(process.execPath, [cliPath, 'up', '--dir', lab, '--lang', 'en'], { reject: false, timeout: 120_000 });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('vagrant up failed before any VM started.');
    expect(result.stderr).toMatch(/Vagrant says \(Vagrant::Errors::(NoDefaultProvider|ProviderNotUsable)\):/);
    expect(result.stderr).toMatch(/Known issue: .*VirtualBox is (missing|not installed)/);
    expect(result.stderr).toContain('Install VirtualBox');
    expect(result.stdout).toMatch(/gluster1: queued, -\ngluster2: queued, -\ngluster3: queued, -\nheketi: queued, -/);
    expect(result.stdout).toMatch(/Full log: .*\/logs\/up-.*\.log/);
    expect(readdirSync(join(lab, 'logs')).filter((f) => f.startsWith('up-'))).toHaveLength(1);
  });
});
