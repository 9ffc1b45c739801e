import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { cliPath } from './terminal.js';

const demo = (scenario: string) => execa(process.execPath, [cliPath, 'demo', '--scenario', scenario, '--speed', '50', '--lang', 'en'], { reject: false, stdin: 'ignore' });

describe('demo without a terminal', () => {
  it("'permission-denied': doctor shows the non-root app's denied write, then fix-permissions repairs it", async () => {
    const r = await demo('permission-denied');
    expect(r.stdout).toMatch(/✗ Pod writes\s+\d+ pod\(s\) using GlusterFS claims, 1 denied writing/);
    expect(r.stdout).toMatch(/default\/uploader-gvol-1-\S+: sh: can't create \/mnt\/uploads\.log: Permission denied/);
    expect(r.stdout).toContain('Run gluster-lab fix-permissions default/gvol-1.');
    expect(r.stdout).toContain('demo: gluster-lab fix-permissions');
    expect(r.stdout).toMatch(/^default\s+gvol-1\s+Bound\s+10Gi\s+.*uploader-gvol-1-\S+\s+1000, image default\s+suspected$/m);
    expect(r.stdout).toContain('✓ default/gvol-1: fixed — a pod running as user 1000 can now write to the volume.');
    expect(r.stdout).toContain('1 fixed, 0 already writable, 0 failed.');
    expect(r.exitCode).toBe(0);
  }, 120_000);

  it("'k8s-1.31': the tour takes the CSI path, repairs the claim for a non-root writer and makes gluster-nfs the default", async () => {
    const r = await demo('k8s-1.31');
    expect(r.stdout).toContain('taking the CSI path');
    expect(r.stdout).toMatch(/persistentvolumeclaim\/gvol-1\s+Bound\s+pvc-\S+\s+10Gi\s+RWX\s+gluster-nfs/);
    expect(r.stdout).toMatch(/Both client pods run: gfs-client-gvol-1-\S+, gfs-client-gvol-1-\S+\./);
    expect(r.stdout).toContain('demo: gluster-lab fix-permissions default/gvol-1');
    expect(r.stdout).toContain('✓ default/gvol-1: fixed — a pod running as user 1000 can now write to the volume.');
    expect(r.stdout).toContain('Done: gluster-nfs is the default class.');
    expect(r.stdout).toMatch(/✓ CSI driver\s+csi-driver-nfs: 2 of 2 pods Ready/);
    expect(r.stdout).toContain('Everything checked is healthy: no findings.');
    expect(r.exitCode).toBe(0);
  }, 240_000);

  it("'healthy': the fresh Heketi claim is repaired for a non-root writer before the default class, and doctor then finds nothing", async () => {
    const r = await demo('healthy');
    // SPEC §2: a fresh GlusterFS volume's root belongs to root; doctor's write test would warn of it (issue 13).
    const repair = r.stdout.indexOf('demo: gluster-lab fix-permissions default/gvol-1');
    expect(repair).toBeGreaterThan(r.stdout.indexOf('demo: gluster-lab storage'));
    expect(repair).toBeLessThan(r.stdout.indexOf('demo: gluster-lab default-class'));
    expect(r.stdout).toContain('✓ default/gvol-1: fixed — a pod running as user 1000 can now write to the volume.');
    const doctor = r.stdout.slice(r.stdout.indexOf('demo: gluster-lab doctor'));
    expect(doctor).toMatch(/✓ Pod writes\s+2 pod\(s\) using GlusterFS claims, 0 denied writing; non-root write test refused on 0 of 1 claim\(s\)/);
    expect(doctor).not.toContain('Permission denied');
    expect(doctor).toContain('Everything checked is healthy: no findings.');
    expect(r.stdout).toMatch(/Setting the name of the VM: gluster-lab-gluster1$/m);
    expect(r.exitCode).toBe(0);
  }, 120_000);

  it("'virtualbox-missing': the driver check does not claim vboxdrv is loaded", async () => {
    const r = await demo('virtualbox-missing');
    expect(`${r.stdout}\n${r.stderr}`).not.toContain('vboxdrv loaded');
  }, 120_000);
});
