import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultLabConfig } from '../../../src/lab/defaults.js';
import type { ScenarioName } from '../../../src/sim/scenarios.js';
import { startSimLab, type SimLab } from '../../../src/sim/sim-lab.js';
import { distCliPath, distSimBinDir, run } from '../sim/sim-helpers.js';

/**
 * The built program against the simulated tools. Only the tools are simulated: the
 * host facts (driver, /proc/cpuinfo, networks.conf, memory, disk) are this machine's,
 * so those rows are not asserted here — the unit tests cover them on recorded inputs.
 */
interface Report {
  checks: Array<{ id: string; status: string; found: string; message: string; fix: string }>;
  summary: { ok: number; warnings: number; failures: number };
}

let simBinDir = '';
let cli = '';
const labs: SimLab[] = [];

beforeAll(() => {
  simBinDir = distSimBinDir;
  cli = distCliPath;
}, 180_000);
afterAll(async () => {
  for (const lab of labs) await lab.stop();
});

async function checkJson(scenarios: ScenarioName[]) {
  const labDir = mkdtempSync(join(tmpdir(), 'gluster-lab-check-sim-'));
  writeFileSync(join(labDir, 'gluster-lab.yaml'), stringify(defaultLabConfig));
  const lab = await startSimLab({ simBinDir, scenarios, labDir, heketiKey: 'k' });
  labs.push(lab);
  const ran = await run(process.execPath, [cli, 'check', '--json', '--dir', labDir], labDir, lab.env);
  const report = JSON.parse(ran.stdout) as Report;
  const byId = Object.fromEntries(report.checks.map((c) => [c.id, c]));
  return { ran, report, byId };
}

describe('node dist/cli.cjs check --json against the simulated lab', () => {
  it('healthy: the simulated tools are found with their versions', async () => {
    const { ran, report, byId } = await checkJson(['healthy']);
    expect(byId.vagrant).toMatchObject({ status: 'ok', found: '2.3.4' });
    expect(byId.virtualbox).toMatchObject({ status: 'ok', found: '7.0.20' });
    expect(byId['vagrant-vbox-compat']).toMatchObject({ status: 'ok', found: '2.3.4 / 7.0.20' });
    expect(byId.kubectl).toMatchObject({ status: 'ok', found: 'v1.32.4' });
    expect(byId['k8s-server']?.found).toMatch(/^v1\.\d+\.\d+ \(.+\)$/);
    expect(byId.git?.status).toBe('ok');
    expect(ran.status).toBe(report.summary.failures > 0 ? 1 : 0);
  }, 60_000);

  it('virtualbox-missing: the VirtualBox row fails with the install step, and exit is 1', async () => {
    const { ran, byId } = await checkJson(['virtualbox-missing']);
    expect(byId.virtualbox).toMatchObject({ status: 'failure', found: 'not installed', message: 'VirtualBox was not found on PATH.' });
    expect(byId.virtualbox?.fix).toContain('https://www.virtualbox.org/wiki/Linux_Downloads');
    expect(byId['vagrant-vbox-compat']?.status).toBe('warning');
    expect(byId.vagrant).toMatchObject({ status: 'ok', found: '2.3.4' });
    expect(ran.status).toBe(1);
  }, 60_000);

  it('k8s-1.27: the cluster row says the in-tree GlusterFS provisioner is gone and the CSI path will be taken', async () => {
    const { byId } = await checkJson(['k8s-1.27']);
    expect(byId['k8s-server']?.status).toBe('ok');
    expect(byId['k8s-server']?.found).toMatch(/^v1\.27\./);
    expect(byId['k8s-server']?.message).toContain('was removed in v1.26, so the storage step takes the CSI path');
  }, 60_000);
});
