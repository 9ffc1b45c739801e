import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { cliPath } from './terminal.js';
import { simulatedLab, type UpTestLab } from './up-sim-lab.js';

describe('status and halt against the simulated lab (no terminal)', () => {
  let lab: UpTestLab | undefined;
  afterEach(async () => {
    await lab?.dispose();
    lab = undefined;
  });
  const cli = (...args: string[]) => execa(process.execPath, [cliPath, ...args, '--dir', lab!.labDir, '--lang', 'en'], { env: lab!.sim.env, reject: false });

  it('status --json reports VMs, Heketi topology and the Kubernetes target with stable keys', async () => {
    lab = await simulatedLab(['healthy'], 100, 'running');
    const result = await cli('status', '--json');
    expect(result.exitCode).toBe(0);
    const status = JSON.parse(result.stdout);
    expect(Object.keys(status)).toEqual(['lab', 'vms', 'heketi', 'kubernetes']);
    expect(status.vms.ok).toBe(true);
    expect(status.vms.machines.map((m: { name: string; state: string }) => `${m.name}=${m.state}`).sort()).toEqual(['gluster1=running', 'gluster2=running', 'gluster3=running', 'heketi=running']);
    expect(status.heketi).toMatchObject({ url: lab.sim.heketiUrl, reachable: true, hello: 'Hello from Heketi', topology: { nodes: 3, devices: 3 } });
    expect(status.kubernetes).toMatchObject({ configured: true, context: 'minikube', reachable: true });
  });

  it('halt stops every VM; status then says poweroff and Heketi unreachable, without failing', async () => {
    lab = await simulatedLab(['healthy'], 100, 'running');
    const halt = await cli('halt');
    expect(halt.exitCode).toBe(0);
    expect(halt.stdout).toContain('heketi | Attempting graceful shutdown of VM...');
    expect(halt.stdout).toContain('All VMs are stopped.');
    const status = await cli('status');
    expect(status.exitCode).toBe(0);
    expect(status.stdout).toMatch(/VMs \(vagrant status\):\n(  \S+: poweroff\n){4}/);
    expect(status.stdout).toContain('not reachable');
    expect(status.stdout).toContain('Is the heketi VM running ("gluster-lab up")?');
  });
});
