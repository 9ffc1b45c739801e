import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { AppContext } from '../../../src/context.js';
import { diagnoseFlow } from '../../../src/flows/diagnose.js';
import type { Lang } from '../../../src/i18n/define.js';
import { defaultLabConfig } from '../../../src/lab/defaults.js';
import { labFiles } from '../../../src/lab/lab-files.js';
import { fixtureDir } from './fixture-files.js';

function context(options: { lang?: Lang; labDir?: string } = {}) {
  let out = '';
  let err = '';
  const ctx = {
    lang: options.lang ?? 'en',
    json: false,
    labDir: options.labDir ?? mkdtempSync(join(tmpdir(), 'gluster-lab-nolab-')),
    stdout: { write: (c: string) => ((out += c), true) },
    stderr: { write: (c: string) => ((err += c), true) },
  } as unknown as AppContext;
  return { ctx, stdout: () => out, stderr: () => err };
}

describe('gluster-lab diagnose on empty input', () => {
  it('says the input was empty, not that nothing matched', async () => {
    const { ctx, stdout } = context();
    expect(await diagnoseFlow(ctx, '-', Readable.from(['\n', '   \n']))).toBe(0);
    expect(stdout()).toBe(
      'standard input was empty: there is nothing to diagnose. Paste the error output itself; when piping a command, add 2>&1 so its error output comes along (e.g. `vagrant up 2>&1 | gluster-lab diagnose -`).\n',
    );
  });

  it('says so in Japanese for the pasted log', async () => {
    const { ctx, stdout } = context({ lang: 'ja' });
    expect(await diagnoseFlow(ctx, '-', Readable.from([]), { pasted: true })).toBe(0);
    expect(stdout()).toMatch(/^貼り付けたログは空でした。診断するものがありません。/);
  });

  it('still exits 1 with a sentence for a missing file', async () => {
    const { ctx, stderr } = context();
    expect(await diagnoseFlow(ctx, '/nonexistent/vagrant.log')).toBe(1);
    expect(stderr()).toContain('Cannot read /nonexistent/vagrant.log: ');
  });
});

describe("gluster-lab diagnose in a lab directory", () => {
  it("fills the host-only fix with that lab's range", async () => {
    const labDir = mkdtempSync(join(tmpdir(), 'gluster-lab-lab-'));
    const config = { ...defaultLabConfig, machines: defaultLabConfig.machines.map((m, i) => ({ ...m, address: `192.168.70.${20 + i}` })) };
    writeFileSync(join(labDir, labFiles.config), stringify(config));
    const { ctx, stdout } = context({ labDir });
    expect(await diagnoseFlow(ctx, join(fixtureDir, 'hostonly-range-vagrant.kuberverse7.txt'))).toBe(0);
    expect(stdout()).toContain('echo "* 192.168.70.0/24 192.168.56.0/21" | sudo tee -a /etc/vbox/networks.conf');
  });
});
