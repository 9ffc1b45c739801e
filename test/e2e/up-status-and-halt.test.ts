import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { loadLabConfig } from '../../src/lab/config.js';
import type { LabStatus } from '../../src/status/lab-status.js';
import { cliPath } from './terminal.js';
import { doctorLab, SIM_SPEED, simulatedLab, type DoctorLab, type UpTestLab } from './sim-lab-fixture.js';

describe('status and halt against the simulated lab (no terminal)', () => {
  let lab: UpTestLab | undefined;
  afterEach(async () => {
    await lab?.dispose();
    lab = undefined;
  });
  const cli = (...args: string[]) => execa(process.execPath, [cliPath, ...args, '--dir', lab!.labDir, '--lang', 'en'], { env: lab!.sim.env, reject: false });

  it('status --json reports VMs, Heketi topology and the Kubernetes target with stable keys', async () => {
    lab = await simulatedLab(['healthy'], SIM_SPEED, 'running');
    const result = await cli('status', '--json');
    expect(result.exitCode).toBe(0);
    const status = JSON.parse(result.stdout) as LabStatus;
    expect(Object.keys(status)).toEqual(['lab', 'vms', 'glusterPeers', 'heketi', 'nfsExport', 'kubernetes', 'storagePath', 'storageClass', 'claims']);
    expect(status.vms.ok).toBe(true);
    const machines = status.vms.ok ? status.vms.machines : [];
    expect(machines.map((m) => `${m.name}=${m.state}`).sort()).toEqual(['gluster1=running', 'gluster2=running', 'gluster3=running', 'heketi=running']);
    expect(status.heketi).toMatchObject({ url: lab.sim.heketiUrl, reachable: true, hello: 'Hello from Heketi', topology: { nodes: 3, devices: 3 } });
    expect(status.kubernetes).toMatchObject({ configured: true, context: 'minikube', reachable: true });
    expect(status.glusterPeers.vm).toBe('gluster1');
    expect(status.glusterPeers.asked).toBe(true);
    expect(status.glusterPeers.peers?.map((p) => `${p.hostname} ${p.state} ${p.connected}`).sort()).toEqual([
      '192.168.56.22 Peer in Cluster true',
      '192.168.56.23 Peer in Cluster true',
    ]);
    // NFS-Ganesha's port on each gluster VM: the simulated lab's loopback stand-in answers for them.
    expect(status.nfsExport).toMatchObject({ export: '/k8s-nfs', volume: 'k8s-nfs', port: 2049 });
    expect(status.nfsExport.servers.map((s) => `${s.vm} ${s.address} ${s.asked} ${s.answers}`)).toEqual([
      'gluster1 192.168.56.21 true true',
      'gluster2 192.168.56.22 true true',
      'gluster3 192.168.56.23 true true',
    ]);
    // The fresh simulated cluster (v1.24) has no lab class yet, hence no path in use and no claims.
    expect(status.storagePath).toMatchObject({ checked: true, paths: [], heketiClass: 'gluster-heketi', nfs: { server: '192.168.56.21', share: '/k8s-nfs', className: 'gluster-nfs' } });
    expect(status.storageClass).toEqual({ name: 'gluster-heketi', checked: true, present: false });
    expect(status.claims).toEqual({ checked: true, items: [] });
  });

  it('status shows the lab\'s StorageClass as configured and its PVCs (namespace, name, status, capacity)', async () => {
    const doctor: DoctorLab = await doctorLab(['healthy']);
    lab = doctor;
    await doctor.applyLabClass();
    await doctor.claim('team-a', 'data', '2Gi');
    await doctor.claim('default', 'logs', '1Gi');
    await doctor.waitFor(() => doctor.sim.readState().kube.objects.filter((o) => o.kind === 'PersistentVolumeClaim' && (o as { status?: { phase?: string } }).status?.phase === 'Bound').length === 2);
    const json = JSON.parse((await cli('status', '--json')).stdout) as LabStatus;
    expect(json.storageClass).toEqual({ name: 'gluster-heketi', checked: true, present: true, asConfigured: true, differences: [] });
    expect(json.claims.items).toEqual([
      { namespace: 'default', name: 'logs', status: 'Bound', capacity: '1Gi' },
      { namespace: 'team-a', name: 'data', status: 'Bound', capacity: '2Gi' },
    ]);
    const plain = await cli('status');
    expect(plain.exitCode).toBe(0);
    expect(plain.stdout).toContain("StorageClass gluster-heketi:\n  present, with the lab's parameters\n");
    expect(plain.stdout).toContain(
      ['PVCs of class gluster-heketi:', '  NAMESPACE   NAME   STATUS   CAPACITY', '  default     logs   Bound    1Gi', '  team-a      data   Bound    2Gi'].join('\n'),
    );
    expect(plain.stdout).toMatch(/Gluster peers \(asked gluster1\):\n {2}192\.168\.56\.2[23]: Peer in Cluster, connected\n {2}192\.168\.56\.2[23]: Peer in Cluster, connected\n/);
  });

  it('status says the Heketi admin key is missing instead of reporting a refused key', async () => {
    lab = await simulatedLab(['healthy'], SIM_SPEED, 'running');
    const keyFile = join(lab.labDir, 'secrets', 'heketi_admin_key');
    await rm(keyFile);
    const json = JSON.parse((await cli('status', '--json')).stdout) as LabStatus;
    expect(json.heketi).toEqual({ url: lab.sim.heketiUrl, reachable: true, hello: 'Hello from Heketi', keyError: { path: keyFile, reason: 'ENOENT' } });
    const plain = await cli('status');
    expect(plain.stdout).toContain(`  admin key missing/unreadable: ${keyFile} (ENOENT); the topology was not asked for. Run "gluster-lab init" to create the key.`);
    expect(plain.stdout).not.toMatch(/401|auth/i);
  });

  it('halt stops every VM; status then says poweroff and Heketi unreachable, without failing', async () => {
    lab = await simulatedLab(['healthy'], SIM_SPEED, 'running');
    const halt = await cli('halt');
    expect(halt.exitCode).toBe(0);
    expect(halt.stdout).toContain('heketi | Attempting graceful shutdown of VM...');
    expect(halt.stdout).toContain('All VMs are stopped.');
    const status = await cli('status');
    expect(status.exitCode).toBe(0);
    expect(status.stdout).toMatch(/VMs \(vagrant status\):\n( {2}\S+: poweroff\n){4}/);
    expect(status.stdout).toContain('not reachable');
    expect(status.stdout).toContain('Is the heketi VM running ("gluster-lab up")?');
    // gluster1 is stopped: its peers are not asked (ssh to a stopped VM would only hang).
    expect(status.stdout).toContain('Gluster peers (asked gluster1):\n  not asked: gluster1 is not running');
    // Every gluster node serves the export (issue 12): each is listed, with the lab's own address.
    const { nfs, machines } = await loadLabConfig(lab.labDir, 'en');
    const nodes = machines.filter((m) => m.role === 'gluster').map((m) => `  ${m.name} (${m.address}): not asked: ${m.name} is not running ("gluster-lab up" starts it)\n`);
    expect(nodes).toHaveLength(3);
    expect(status.stdout).toContain(`NFS export ${nfs.export} (volume ${nfs.volume}, port 2049):\n${nodes.join('')}`);
  });
});
