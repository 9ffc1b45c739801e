import { createHmac } from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { heketiQsh as qsh } from '../../../src/tools/heketi-jwt.js';
import type { KubeList, KubeObject } from '../../../src/sim/kube-object.js';
import { type SimLab, startSimLab } from '../../../src/sim/sim-lab.js';
import type { KubeVersionInfo } from '../../../src/tools/kubectl-types.js';
import { distSimBinDir, run, tempLabDir, untimed } from './sim-helpers.js';

let lab: SimLab | undefined;
let simBinDir = '';
beforeAll(() => {
  simBinDir = distSimBinDir;
}, 120_000);
afterEach(async () => {
  await lab?.stop();
  lab = undefined;
});

function heketiToken(key: string, method: string, path: string): string {
  const enc = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const head = enc({ alg: 'HS256', typ: 'JWT' });
  const body = enc({ iss: 'admin', iat: now, exp: now + 60, qsh: qsh(method, path) });
  return `${head}.${body}.${createHmac('sha256', key).update(`${head}.${body}`).digest('base64url')}`;
}

describe('simulated vagrant', () => {
  it('brings the four VMs up in order, then reports them running', async () => {
    lab = await startSimLab({ simBinDir, speed: 500, heketiKey: 'k' });
    const dir = tempLabDir();
    const up = await run('vagrant', ['up', '--machine-readable'], dir, lab.env);
    expect(up.status).toBe(0);
    const starts = up.stdout.split('\n').filter((l) => l.includes(',action,up,start')).map((l) => l.split(',')[1]);
    expect(starts).toEqual(['gluster1', 'gluster2', 'gluster3', 'heketi']);
    expect(up.stdout).toContain(',heketi,ui,info,==> heketi: Running provisioner: ansible_local...\n');
    expect(up.stdout).toMatch(/,,ui,info,gluster3 {19}: ok=\d+ +changed=\d+ +unreachable=0 +failed=0 /);
    const status = await run('vagrant', ['status', '--machine-readable'], dir, lab.env);
    expect(status.stdout).toContain(',gluster2,state,running\n');
    expect(lab.readState().machines.heketi).toMatchObject({ state: 'running', provisioned: true });
  });

  it('resumes a halted VM without importing or provisioning again', async () => {
    lab = await startSimLab({ simBinDir, speed: 500, heketiKey: 'k', machines: 'running' });
    const dir = tempLabDir();
    expect((await run('vagrant', ['halt', '--machine-readable'], dir, lab.env)).stdout).toContain('==> gluster3: Attempting graceful shutdown of VM...');
    const up = await run('vagrant', ['up', '--machine-readable'], dir, lab.env);
    expect(up.stdout).not.toContain('Importing base box');
    expect(up.stdout).toContain('==> heketi: Machine already provisioned. Run `vagrant provision` or use the `--provision`\\n==> heketi: flag to force provisioning.');
  });

  it("stops at the failing Ansible task with Vagrant's ansible error", async () => {
    lab = await startSimLab({ simBinDir, speed: 500, heketiKey: 'k', scenarios: ['ansible-task-fails'] });
    const up = await run('vagrant', ['up', '--machine-readable'], tempLabDir(), lab.env);
    expect(up.status).toBe(1);
    expect(up.stdout).toContain(',,ui,info,fatal: [gluster2]: FAILED! => {');
    expect(up.stdout).toMatch(/gluster2 +: ok=\d+ +changed=\d+ +unreachable=0 +failed=1 /);
    expect(up.stdout).toContain(',,error-exit,VagrantPlugins::Ansible::Errors::AnsibleCommandFailed,Ansible failed to complete successfully. Any error output should be\\nvisible above. Please fix these errors and try again.\n');
    expect(up.stdout).not.toContain('gluster3,action,up,start');
  });

  it('answers `gluster peer status --xml` with the other two nodes', async () => {
    lab = await startSimLab({ simBinDir, speed: 500, heketiKey: 'k', machines: 'running' });
    const out = await run('vagrant', ['ssh', 'gluster1', '-c', 'sudo gluster peer status --xml'], tempLabDir(), lab.env);
    expect(out.status).toBe(0);
    expect(out.stdout.match(/<hostname>192\.168\.56\.2[23]<\/hostname>/g)).toHaveLength(4);
    expect(out.stdout).toContain('<stateStr>Peer in Cluster</stateStr>');
  });

  it('on Ctrl-C says it is cleaning up, exits 1 within a second and leaves no process', async () => {
    lab = await startSimLab({ simBinDir, speed: 1, heketiKey: 'k' });
    const child = spawn('vagrant', ['up', '--machine-readable'], { cwd: tempLabDir(), env: lab.env, detached: true });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    await new Promise<void>((resolve) => {
      const check = () => (out.includes('Importing base box') ? resolve() : setTimeout(check, 20));
      check();
    });
    const sentAt = Date.now();
    process.kill(-(child.pid as number), 'SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(Date.now() - sentAt).toBeLessThan(1000);
    expect(code).toBe(1);
    expect(untimed(out)).toContain('T,gluster1,ui,warn,==> gluster1: Waiting for cleanup before exiting...\nT,,ui,error,Vagrant exited after cleanup due to external interrupt.\nT,,error-exit,Vagrant::Errors::VagrantInterrupt,');
    // ps exits 1 and prints nothing when no process of the group is left.
    const left = spawnSync('ps', ['-o', 'pid=', '-g', String(child.pid)], { encoding: 'utf8' }).stdout.trim();
    expect(left).toBe('');
  });
});

describe('simulated Heketi', () => {
  it('answers /hello without a token and the REST calls with a valid one', async () => {
    lab = await startSimLab({ simBinDir, heketiKey: 'admin-secret', machines: 'running' });
    expect(await (await fetch(`${lab.heketiUrl}/hello`)).text()).toBe('Hello from Heketi');
    const denied = await fetch(`${lab.heketiUrl}/clusters`);
    expect([denied.status, await denied.text()]).toEqual([401, 'Required authorization token not found\n']);
    const auth = (path: string) => ({ headers: { Authorization: `bearer ${heketiToken('admin-secret', 'GET', path)}` } });
    const clusters = (await (await fetch(`${lab.heketiUrl}/clusters`, auth('/clusters'))).json()) as { clusters: string[] };
    expect(clusters.clusters).toHaveLength(1);
    const id = clusters.clusters[0] as string;
    const cluster = (await (await fetch(`${lab.heketiUrl}/clusters/${id}`, auth(`/clusters/${id}`))).json()) as { nodes: string[] };
    expect(cluster.nodes).toHaveLength(3);
    const node = (await (await fetch(`${lab.heketiUrl}/nodes/${cluster.nodes[0]}`, auth(`/nodes/${cluster.nodes[0]}`))).json()) as { hostnames: { manage: string[] } };
    expect(node.hostnames.manage).toEqual(['192.168.56.21']);
  });

  it('drops connections while the Heketi VM is not running, and listens nowhere in heketi-unreachable', async () => {
    lab = await startSimLab({ simBinDir, heketiKey: 'k' });
    await expect(fetch(`${lab.heketiUrl}/hello`)).rejects.toThrow();
    await lab.stop();
    lab = await startSimLab({ simBinDir, heketiKey: 'k', machines: 'running', scenarios: ['heketi-unreachable'] });
    await expect(fetch(`${lab.heketiUrl}/hello`)).rejects.toThrow();
  });
});

describe('simulated kubectl', () => {
  const sc = { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'gluster-heketi' }, provisioner: 'kubernetes.io/glusterfs', parameters: { resturl: 'http://192.168.56.20:8080', restuser: 'admin', secretName: 'heketi-secret', secretNamespace: 'default' } };
  const pvc = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'gfs-pvc-1' }, spec: { storageClassName: 'gluster-heketi', accessModes: ['ReadWriteMany'], resources: { requests: { storage: '10Gi' } } } };

  it('applies a class (unchanged the second time), binds a claim and shows the volume in df', async () => {
    lab = await startSimLab({ simBinDir, speed: 50, heketiKey: 'k', machines: 'running' });
    const dir = tempLabDir();
    const k = (args: string[], input?: string) => run('kubectl', ['--context', 'minikube', ...args], dir, lab!.env, input);
    const applied = await k(['apply', '-f', '-', '-o', 'json'], JSON.stringify(sc));
    expect(applied.status).toBe(0);
    expect((JSON.parse(applied.stdout) as KubeObject).metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect((await k(['apply', '-f', '-'], JSON.stringify(sc))).stdout).toBe('storageclass.storage.k8s.io/gluster-heketi unchanged\n');
    expect((await k(['create', '-f', '-', '-o', 'json'], JSON.stringify(pvc))).status).toBe(0);
    await new Promise((r) => setTimeout(r, 200));
    const got = JSON.parse((await k(['get', 'pvc', 'gfs-pvc-1', '-n', 'default', '-o', 'json'])).stdout) as KubeObject;
    expect(got.status?.phase).toBe('Bound');
    const events = JSON.parse((await k(['get', 'events', '-n', 'default', '--field-selector', 'involvedObject.kind=PersistentVolumeClaim,involvedObject.name=gfs-pvc-1', '-o', 'json'])).stdout) as KubeList;
    expect(events.kind).toBe('List');
    expect(events.items.map((e) => e.reason)).toEqual(['ProvisioningSucceeded']);
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'client' }, spec: { securityContext: { runAsUser: 1000 }, containers: [{ name: 'c', image: 'busybox:1.36', command: ['sleep', '3600'] }], volumes: [{ name: 'v', persistentVolumeClaim: { claimName: 'gfs-pvc-1' } }] } };
    await k(['create', '-f', '-'], JSON.stringify(pod));
    await new Promise((r) => setTimeout(r, 200));
    const df = await k(['exec', 'client', '-n', 'default', '--', 'df', '-h', '/mnt']);
    expect(df.stdout).toMatch(/^192\.168\.56\.21:vol_[0-9a-f]{32} +10G .* \/mnt$/m);
    const write = await k(['exec', 'client', '-n', 'default', '--', 'sh', '-c', 'touch /mnt/.write-test']);
    expect([write.status, write.stderr]).toEqual([1, 'touch: /mnt/.write-test: Permission denied\ncommand terminated with exit code 1\n']);
  });

  it('rejects an unknown context and unknown flags like kubectl', async () => {
    lab = await startSimLab({ simBinDir, heketiKey: 'k' });
    const dir = tempLabDir();
    expect((await run('kubectl', ['--context', 'nope', 'get', 'pvc', '-o', 'json'], dir, lab.env)).stderr).toBe('error: context "nope" does not exist\n');
    const bad = await run('kubectl', ['get', 'pvc', '--bogus'], dir, lab.env);
    expect([bad.status, bad.stderr]).toEqual([1, "Error: unknown flag: --bogus\nSee 'kubectl get --help' for usage.\n"]);
  });

  it('reports the server version per scenario', async () => {
    lab = await startSimLab({ simBinDir, scenarios: ['k8s-1.27'], heketiKey: 'k' });
    const version = JSON.parse((await run('kubectl', ['version', '-o', 'json'], tempLabDir(), lab.env)).stdout) as { serverVersion?: KubeVersionInfo };
    expect(version.serverVersion).toMatchObject({ major: '1', minor: '27' });
  });
});
