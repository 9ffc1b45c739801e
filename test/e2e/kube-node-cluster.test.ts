import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { kubeNodeLab, recordingKubectl } from './kube-node-fixture.js';
import type { UpTestLab } from './sim-lab-fixture.js';
import { cliPath } from './terminal.js';

describe('the lab\'s own Kubernetes node, simulated', () => {
  let lab: UpTestLab | undefined;
  afterEach(async () => {
    await lab?.dispose();
    lab = undefined;
  });

  it('copies the node\'s kubeconfig into the lab (0600, context named after the lab) and sends every kubectl call there unless --context says otherwise', async () => {
    const nodeLab = await kubeNodeLab('heketi', 40);
    lab = nodeLab;
    const cli = (args: string[], env = nodeLab.sim.env) => execa(process.execPath, [cliPath, ...args, '--dir', nodeLab.labDir, '--lang', 'en'], { env, reject: false });
    expect(nodeLab.initOutput).toContain('Kubernetes node "k8s" (192.168.56.24, Kubernetes v1.25, 2 CPUs, 2048 MB) is on in');
    const up = await cli(['up']);
    expect(up.exitCode, up.stderr).toBe(0);
    const file = join(lab.labDir, 'secrets', 'kubeconfig');
    expect(up.stdout).toContain(`The lab's cluster: kubeconfig ${file} (context "gluster-lab", server https://192.168.56.24:6443)`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const kubeconfig = parse(readFileSync(file, 'utf8')) as { 'current-context': string; clusters: Array<{ cluster: { server: string } }> };
    expect(kubeconfig['current-context']).toBe('gluster-lab');
    expect(kubeconfig.clusters[0]?.cluster.server).toBe('https://192.168.56.24:6443');
    // Never printed: the client key stays in the file.
    expect(up.stdout + up.stderr).not.toContain('client-key-data');

    const recorder = await recordingKubectl(lab.root, lab.sim.binDir, lab.sim.env);
    const status = await cli(['status'], recorder.env);
    expect(status.exitCode, status.stderr).toBe(0);
    expect(status.stdout).toContain('context gluster-lab, server https://192.168.56.24:6443, version v1.25.16');
    const calls = await recorder.calls();
    expect(calls.length).toBeGreaterThan(0);
    for (const argv of calls) expect(argv.slice(0, 2)).toEqual(['--kubeconfig', file]);
    expect(calls).toContainEqual(['--kubeconfig', file, 'config', 'view', '--minify', '-o', 'json']);

    const other = await recordingKubectl(join(lab.root, 'other'), lab.sim.binDir, lab.sim.env);
    await cli(['status', '--context', 'minikube'], other.env);
    const otherCalls = await other.calls();
    expect(otherCalls.length).toBeGreaterThan(0);
    for (const argv of otherCalls) {
      expect(argv.slice(0, 2)).toEqual(['--context', 'minikube']);
      expect(argv).not.toContain('--kubeconfig');
    }

    // A second up changes nothing: same kubeconfig, no VM provisioned again.
    const before = readFileSync(file, 'utf8');
    const again = await cli(['up']);
    expect(again.exitCode, again.stderr).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(again.stdout).not.toContain('Running provisioner');
  }, 180_000);

  it.each([
    { option: [], version: 'v1.35', cls: 'gluster-nfs' },
    { option: ['heketi'], version: 'v1.25', cls: 'gluster-heketi' },
  ])('demo --kubernetes $option goes from init to a Bound, default, repaired claim of $cls on the lab\'s own $version cluster, with no other cluster', async ({ option, version, cls }) => {
    const result = await execa(process.execPath, [cliPath, 'demo', '--kubernetes', ...option, '--speed', '50', '--lang', 'en'], { reject: false, env: { ...process.env, KUBECONFIG: '/nonexistent/kubeconfig' } });
    expect(result.exitCode, `${result.stdout}\n${result.stderr}`).toBe(0);
    const out = result.stdout;
    expect(result.stderr).toContain(`The simulated lab has its own Kubernetes node (${version})`);
    expect(out).toContain('All 5 VMs are up');
    expect(out).toMatch(/The lab's cluster: kubeconfig \S+\/secrets\/kubeconfig \(context "gluster-lab", server https:\/\/192\.168\.56\.24:6443\)/);
    expect(out).toMatch(/gvol-1 is Bound to pvc-[0-9a-f-]+ after \d+ s\./);
    expect(out).toContain(`Done: ${cls} is the default class.`);
    expect(out).toContain('✓ default/gvol-1: fixed — a pod running as user 1000 can now write to the volume.');
    expect(out).toMatch(/✓ Pod writes .*refused on 0 of 1 claim\(s\)/);
    // The steps ran in this order, each against the lab's cluster.
    const steps = [...out.matchAll(/demo: gluster-lab (\S+)/g)].map((m) => m[1]);
    expect(steps).toEqual(['check', 'up', 'status', 'storage', 'default-class', 'fix-permissions', 'doctor']);
  }, 180_000);
});
