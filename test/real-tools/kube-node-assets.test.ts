// The lab's Kubernetes node against the real tools: Debian's vagrant 2.3.4 validates the
// Vagrantfile with the node on and off, and Vagrant's own library reports the node it
// defines; ansible-playbook checks kubernetes.yml's syntax with the extra vars the
// Vagrantfile passes and runs it in check mode on this machine, which must change nothing.
// (ansible-lint and yamllint cover it with the other playbooks in assets.test.ts.)
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { labConfigSchema, type LabConfig } from '../../src/lab/config-schema.js';
import { applyInit, planInit } from '../../src/lab/init-lab.js';
import { withKubeNode } from '../../src/lab/kube-node-file.js';
import { renderLabConfig } from '../../src/lab/config-file.js';
import { packageRoot } from '../../src/lab/package-root.js';
import { realToolEnv } from './real-tool-env.js';

const root = packageRoot();
const onPath = (tool: string) => (process.env.PATH ?? '').split(delimiter).some((dir) => existsSync(join(dir, tool)));
const has = { vagrant: onPath('vagrant'), ansible: onPath('ansible-playbook'), ruby: onPath('ruby') };

let work = '';
let offLab = '';
let onLab = '';
let onConfig: LabConfig;
let toolEnv: NodeJS.ProcessEnv;

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = toolEnv, timeout = 60_000) {
  return execa(command, args, { cwd, env, reject: false, timeout, all: true, stdin: 'ignore' });
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'gluster-lab-kube-node-'));
  offLab = join(work, 'off');
  onLab = join(work, 'on');
  for (const dir of [offLab, onLab]) await applyInit(await planInit(dir, join(root, 'provisioning')));
  const base = labConfigSchema.parse(parseDocument(await readFile(join(onLab, 'gluster-lab.yaml'), 'utf8')).toJS());
  onConfig = withKubeNode(base, 'v1.35');
  await writeFile(join(onLab, 'gluster-lab.yaml'), renderLabConfig(onConfig));
  toolEnv = realToolEnv(work);
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe.skipIf(!has.vagrant)('vagrant validate with the Kubernetes node on and off', () => {
  it('validates both, and defines the node only when it is on', async () => {
    const off = await run('vagrant', ['validate', '--ignore-provider'], offLab);
    expect(off.all).toContain('Vagrantfile validated successfully.');
    expect(off.exitCode).toBe(0);
    expect(off.all).not.toContain('==> k8s:');
    const on = await run('vagrant', ['validate', '--ignore-provider'], onLab);
    expect(on.all).toContain('Vagrantfile validated successfully.');
    expect(on.exitCode).toBe(0);
    for (const name of ['gluster1', 'gluster2', 'gluster3', 'heketi', 'k8s']) expect(on.all).toContain(`==> ${name}: Ignoring provider config for validation...`);
  }, 120_000);

  /** No VirtualBox here: a stand-in VBoxManage that only reports a version lets the provider load. */
  async function withStandInVBoxManage(): Promise<NodeJS.ProcessEnv> {
    const bin = join(work, 'vbox-bin');
    await mkdir(bin, { recursive: true });
    await writeFile(join(bin, 'VBoxManage'), ['#!/bin/sh', 'if [ "$1" = "--version" ]; then echo 7.0.14r161095; exit 0; fi', 'exit 1', ''].join('\n'));
    await chmod(join(bin, 'VBoxManage'), 0o755);
    return { ...toolEnv, PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` };
  }

  it('validates the node\'s VirtualBox settings with a stand-in VBoxManage that only reports a version', async () => {
    const result = await run('vagrant', ['validate'], onLab, await withStandInVBoxManage());
    expect(result.all).toContain('Vagrantfile validated successfully.');
    expect(result.exitCode).toBe(0);
  }, 60_000);

  it('refuses a node kubeadm would refuse (1 CPU), naming the key in both languages', async () => {
    const small = join(work, 'small');
    await applyInit(await planInit(small, join(root, 'provisioning')));
    const node = { ...onConfig.kubernetes.node!, cpus: 1 };
    await writeFile(join(small, 'gluster-lab.yaml'), renderLabConfig({ ...onConfig, kubernetes: { ...onConfig.kubernetes, node } }));
    const result = await run('vagrant', ['validate', '--ignore-provider'], small);
    expect(result.exitCode).toBe(1);
    expect(result.all).toContain('kubernetes.node needs cpus >= 2 and memory_mb >= 1700 (kubeadm)');
    expect(result.all).toContain('kubernetes.node には cpus 2 以上と memory_mb 1700 以上が必要です');
  }, 60_000);

  it.skipIf(!has.ruby)('defines the node last, on its address, with its CPUs and memory, provisioned by ansible/kubernetes.yml', async (context) => {
    const script = [
      "require 'vagrant'",
      "require 'json'",
      'env = Vagrant::Environment.new(cwd: Dir.pwd)',
      'puts JSON.generate(env.machine_names.map { |name|',
      '  config = env.vagrantfile.machine_config(name, :virtualbox, env.boxes)[:config]',
      '  vb = config.vm.get_provider_config(:virtualbox)',
      '  ansible = config.vm.provisioners.find { |p| p.type.to_s == "ansible_local" }',
      '  ip = config.vm.networks.find { |n| n[0] == :private_network }[1][:ip]',
      '  [name.to_s, config.vm.hostname, ip, vb.name, vb.customizations.map { |c| c[1].map(&:to_s) }.select { |a| a[2] == "--cpus" || a[2] == "--memory" }, ansible.config.playbook]',
      '})',
    ].join('\n');
    const result = await run('ruby', ['-e', script], onLab, await withStandInVBoxManage());
    if (/cannot load such file -- vagrant/.test(String(result.all))) context.skip('vagrant is not a gem of the system ruby');
    expect(result.exitCode, result.all).toBe(0);
    const machines = JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '[]') as unknown[][];
    const node = onConfig.kubernetes.node!;
    expect(machines.map((m) => m[0])).toEqual(['gluster1', 'gluster2', 'gluster3', 'heketi', 'k8s']);
    expect(machines.at(-1)).toEqual([
      'k8s',
      'k8s',
      node.address,
      'gluster-lab-k8s',
      [
        ['modifyvm', 'id', '--cpus', String(node.cpus)],
        ['modifyvm', 'id', '--memory', String(node.memory_mb)],
      ],
      'ansible/kubernetes.yml',
    ]);
  }, 60_000);
});

describe.skipIf(!has.ansible)('ansible-playbook on kubernetes.yml', () => {
  it('accepts its syntax with the extra vars the Vagrantfile passes', async () => {
    const vars = join(work, 'extra-vars.json');
    await writeFile(vars, JSON.stringify({ lab: onConfig }));
    const result = await run('ansible-playbook', ['--syntax-check', '-i', 'localhost,', '-e', `@${vars}`, join('ansible', 'kubernetes.yml')], onLab);
    expect(result.all).toContain('playbook: ansible/kubernetes.yml');
    expect(result.exitCode).toBe(0);
  }, 60_000);

  /** What the playbook would change on this machine, to compare before and after. */
  async function machineState(): Promise<Record<string, string>> {
    const hash = (path: string) => (existsSync(path) ? createHash('sha256').update(readFileSync(path)).digest('hex') : 'absent');
    const paths = [
      '/etc/fstab',
      '/etc/modules-load.d/kubernetes.conf',
      '/etc/sysctl.d/99-kubernetes.conf',
      '/etc/containerd/config.toml',
      '/etc/apt/keyrings/kubernetes-v1.35.asc',
      '/etc/apt/sources.list.d/kubernetes.list',
      '/etc/default/kubelet',
      '/etc/kubernetes/admin.conf',
      '/home/vagrant/.kube/config',
    ];
    const state: Record<string, string> = Object.fromEntries(paths.map((path) => [path, hash(path)]));
    const packages = ['containerd', 'glusterfs-client', 'nfs-common', 'kubeadm', 'kubelet', 'kubectl'];
    state.packages = (await run('dpkg-query', ['--show', '--showformat', '${Package} ${Status} ${Version}\\n', ...packages], work)).stdout;
    state.swap = (await run('swapon', ['--show=NAME', '--noheadings'], work)).stdout;
    return state;
  }

  it('runs to the end in check mode on a machine that is no Kubernetes node, changing nothing', async (context) => {
    let unavailable: string | undefined;
    if (process.getuid?.() !== 0) unavailable = 'not root: the playbook looks at /etc and the packages';
    else if ((await run('/usr/bin/python3', ['-c', 'import apt'], work)).exitCode !== 0) unavailable = "python3-apt is not installed: the apt module's check mode needs it";
    if (unavailable) {
      if (process.env.CI === 'true') throw new Error(`CI=true but the check-mode run cannot run: ${unavailable}`);
      context.skip(unavailable);
    }
    const vars = join(work, 'check-vars.json');
    await writeFile(vars, JSON.stringify({ lab: onConfig, ansible_become: false }));
    // Without a running systemd the service tasks and handlers cannot ask it anything.
    const skipTags = existsSync('/run/systemd/system') ? [] : ['--skip-tags', 'service'];
    const before = await machineState();
    const result = await run('ansible-playbook', ['--check', '-i', 'localhost,', '-c', 'local', '-e', `@${vars}`, ...skipTags, join('ansible', 'kubernetes.yml')], onLab, { ...toolEnv, ANSIBLE_GATHER_SUBSET: 'min' }, 380_000);
    expect(await machineState()).toEqual(before);
    expect(result.exitCode, result.all).toBe(0);
    expect(result.all).toMatch(/PLAY RECAP \*+\nlocalhost +: ok=\d+ +changed=\d+ +unreachable=0 +failed=0/);
    const outcome = (task: string) => new RegExp(`TASK \\[${task.replace(/[[\]().]/g, '\\$&')}\\] \\*+\\n(\\w+):`).exec(result.all ?? '')?.[1];
    // Read-only steps run for real; what needs the packages or the cluster is skipped, not failed.
    expect(outcome('List the active swap areas')).toBe('ok');
    expect(outcome('Install kubeadm, kubelet and kubectl v1.35')).toBe('skipping');
    expect(outcome('Create the cluster with kubeadm init')).toBe('skipping');
    expect(outcome('Install the CNI (flannel v0.27.4)')).toBe('skipping');
  }, 400_000);
});
