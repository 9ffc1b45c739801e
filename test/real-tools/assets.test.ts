// The real tools check the lab's assets: Debian's vagrant 2.3.4 validates the Vagrantfile
// on a lab made by `init`, ansible-playbook and ansible-lint check the playbooks, ansible
// renders the templates, yamllint checks all YAML, and every manifest has the apiVersion/kind
// of SPEC §2. A tool that is absent skips its tests with a message; on this machine and in
// CI they are installed, so they run.
import { accessSync, constants, existsSync } from 'node:fs';
import { chmod, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments, parseDocument, stringify } from 'yaml';
import { labConfigSchema, type LabConfig } from '../../src/lab/config-schema.js';
import { applyInit, planInit } from '../../src/lab/init-lab.js';
import { packageRoot } from '../../src/lab/package-root.js';
import { topologyJson } from '../../src/lab/topology.js';

const root = packageRoot();
const provisioningDir = join(root, 'provisioning');
const playbooks = ['gluster.yml', 'heketi.yml'];

function onPath(tool: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, tool), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

function skipMessage(tool: string, pkg: string): string {
  return `${tool} is not installed: skipping its checks (apt-get install ${pkg})`;
}

const has = {
  vagrant: onPath('vagrant'),
  ansiblePlaybook: onPath('ansible-playbook'),
  ansibleLint: onPath('ansible-lint'),
  yamllint: onPath('yamllint'),
};
for (const [tool, present] of Object.entries(has)) if (!present) console.warn(skipMessage(tool, tool === 'ansiblePlaybook' ? 'ansible-core' : tool));

let work: string;
let labDir: string;
let config: LabConfig;
/** Extra vars exactly as the Vagrantfile passes them: the whole config as `lab`. */
let extraVarsFile: string;
/** Keeps vagrant's and ansible's state out of the user's home and away from the network. */
let toolEnv: NodeJS.ProcessEnv;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'gluster-lab-assets-'));
  labDir = join(work, 'lab');
  await applyInit(await planInit(labDir, provisioningDir));
  config = labConfigSchema.parse(parseDocument(await readFile(join(labDir, 'gluster-lab.yaml'), 'utf8')).toJS());
  extraVarsFile = join(work, 'extra-vars.json');
  await writeFile(extraVarsFile, JSON.stringify({ lab: config }));
  toolEnv = {
    ...process.env,
    VAGRANT_HOME: join(work, 'vagrant-home'),
    // Vagrant otherwise asks HashiCorp's server for a newer version.
    VAGRANT_CHECKPOINT_DISABLE: '1',
    ANSIBLE_HOME: join(work, 'ansible-home'),
    ANSIBLE_LOCAL_TEMP: join(work, 'ansible-tmp'),
    ANSIBLE_NOCOLOR: '1',
    NO_COLOR: '1',
  };
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = toolEnv) {
  return execa(command, args, { cwd, env, reject: false, timeout: 45_000, all: true, stdin: 'ignore' });
}

describe.skipIf(!has.vagrant)('vagrant 2.3.4 on the lab made by init', () => {
  it('validates the Vagrantfile without VirtualBox (--ignore-provider), for every machine of gluster-lab.yaml', async () => {
    const result = await run('vagrant', ['validate', '--ignore-provider'], labDir);
    expect(result.all).toContain('Vagrantfile validated successfully.');
    expect(result.exitCode).toBe(0);
    for (const machine of config.machines) expect(result.all).toContain(`==> ${machine.name}: Ignoring provider config for validation...`);
  }, 60_000);

  // There is no VirtualBox here. `vagrant validate` without --ignore-provider only asks
  // `VBoxManage --version` to pick its driver, then validates the VirtualBox settings (cpus,
  // memory, name, the data-disk customize commands). A stand-in that answers only that and
  // fails on anything else, recording every call, lets the real provider validation run.
  async function standInVBoxManage(): Promise<{ env: NodeJS.ProcessEnv; calls: string }> {
    const bin = join(work, 'vbox-bin');
    const calls = join(work, 'vboxmanage-calls.log');
    await mkdir(bin, { recursive: true });
    await writeFile(
      join(bin, 'VBoxManage'),
      ['#!/bin/sh', `echo "$*" >> '${calls}'`, 'if [ "$1" = "--version" ]; then echo 7.0.14r161095; exit 0; fi', 'echo "stand-in VBoxManage: unexpected call: $*" >&2', 'exit 1', ''].join('\n'),
    );
    await chmod(join(bin, 'VBoxManage'), 0o755);
    return { env: { ...toolEnv, PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` }, calls };
  }

  it('validates the VirtualBox settings too, with a stand-in VBoxManage that only reports a version', async () => {
    const { env, calls } = await standInVBoxManage();

    const validate = await run('vagrant', ['validate'], labDir, env);
    expect(validate.all).toContain('Vagrantfile validated successfully.');
    expect(validate.exitCode).toBe(0);

    expect([...new Set((await readFile(calls, 'utf8')).trim().split('\n'))]).toEqual(['--version']);
    // Disks are made by `vagrant up` only: validating created no disk folder.
    expect(existsSync(join(labDir, '.vagrant', 'disks'))).toBe(false);
  }, 60_000);

  // Vagrant's own library loads the Vagrantfile and reports what `vagrant up` would send to
  // VBoxManage, without running it: the exact argument lists, per machine and lab state.
  it('plans the data disk only for GlusterFS VMs not yet created, reusing an existing disk image', async (context) => {
    const { env } = await standInVBoxManage();
    const lab = join(work, 'inspect-lab');
    await cp(labDir, lab, { recursive: true, filter: (src) => !src.includes('.vagrant') });
    // gluster1 already exists (Vagrant keeps its VirtualBox id); gluster2's disk image is left over.
    await mkdir(join(lab, '.vagrant', 'machines', 'gluster1', 'virtualbox'), { recursive: true });
    await writeFile(join(lab, '.vagrant', 'machines', 'gluster1', 'virtualbox', 'id'), '5a3c5d9e-0000-4000-8000-000000000001');
    await mkdir(join(lab, '.vagrant', 'disks'), { recursive: true });
    await writeFile(join(lab, '.vagrant', 'disks', 'gluster-lab-gluster2-data.vdi'), '');
    const script = [
      "require 'vagrant'",
      "require 'json'",
      'env = Vagrant::Environment.new(cwd: Dir.pwd)',
      'puts JSON.generate(env.machine_names.to_h { |name|',
      '  config = env.vagrantfile.machine_config(name, :virtualbox, env.boxes)[:config]',
      '  vb = config.vm.get_provider_config(:virtualbox)',
      '  [name, { name: vb.name,',
      '           customize: vb.customizations.map { |c| c[1].map { |a| a.is_a?(Symbol) ? ":#{a}" : a.to_s } },',
      '           triggers: config.trigger.before_triggers.map(&:name),',
      '           provisioners: config.vm.provisioners.map { |p| [p.name.to_s, p.type.to_s] } }]',
      '})',
    ].join('\n');
    const result = await run('ruby', ['-e', script], lab, env);
    // Debian's vagrant is a gem of the system ruby; HashiCorp's package embeds its own.
    if (/cannot load such file -- vagrant|ENOENT/.test(String(result.all))) context.skip('vagrant is not a gem of the system ruby: skipping the VBoxManage plan check');
    expect(result.exitCode, result.all).toBe(0);
    const plan = JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, { name: string; customize: string[][]; triggers: string[]; provisioners: string[][] }>;

    const disk = (machine: string) => join(lab, '.vagrant', 'disks', `gluster-lab-${machine}-data.vdi`);
    const base = (machine: string) => [
      ['modifyvm', ':id', '--cpus', '1'],
      ['modifyvm', ':id', '--memory', '1024'],
      ['modifyvm', ':id', '--groups', '/gluster-lab'],
    ];
    const attach = (machine: string) => [
      ['storagectl', ':id', '--name', 'GlusterLabData', '--add', 'sata', '--portcount', '1'],
      ['storageattach', ':id', '--storagectl', 'GlusterLabData', '--port', '0', '--device', '0', '--type', 'hdd', '--medium', disk(machine)],
    ];
    expect(plan.gluster1?.customize).toEqual(base('gluster1'));
    expect(plan.gluster2?.customize).toEqual([...base('gluster2'), ...attach('gluster2')]);
    expect(plan.gluster3?.customize).toEqual([
      ...base('gluster3'),
      ['createmedium', 'disk', '--filename', disk('gluster3'), '--format', 'VDI', '--size', '20480'],
      ...attach('gluster3'),
    ]);
    expect(plan.heketi?.customize).toEqual(base('heketi'));
    // GlusterFS nodes first (Vagrant brings machines up in this order): Heketi loads the
    // topology of nodes that are already up.
    expect(Object.keys(plan)).toEqual(['gluster1', 'gluster2', 'gluster3', 'heketi']);
    expect(Object.values(plan).map((m) => m.name)).toEqual(['gluster-lab-gluster1', 'gluster-lab-gluster2', 'gluster-lab-gluster3', 'gluster-lab-heketi']);
    expect(plan.gluster3?.triggers).toEqual(['data disk folder']);
    expect(plan.heketi?.triggers).toEqual([]);
    // Ubuntu's ansible-core first (no PPA), then the role's playbook through ansible_local.
    expect(plan.heketi?.provisioners).toEqual([['ansible-core', 'shell'], ['ansible', 'ansible_local']]);
  }, 60_000);

  it('stops with a clear message naming the file and the fix when machines is missing', async () => {
    const broken = join(work, 'broken-lab');
    await cp(labDir, broken, { recursive: true, filter: (src) => !src.includes('.vagrant') });
    const { machines: _machines, ...withoutMachines } = config;
    await writeFile(join(broken, 'gluster-lab.yaml'), stringify(withoutMachines));

    const result = await run('vagrant', ['validate', '--ignore-provider'], broken);
    expect(result.exitCode).toBe(1);
    expect(result.all).toContain('There was an error loading a Vagrantfile');
    expect(result.all).toContain(`gluster-lab.yaml is not usable: "machines" is missing (${join(broken, 'gluster-lab.yaml')})`);
    expect(result.all).toContain('run `gluster-lab init` to write the defaults');
    expect(result.all).toContain('"machines" がありません');
  }, 60_000);
});

describe.skipIf(!has.ansiblePlaybook)('ansible-playbook', () => {
  it('accepts the syntax of every playbook with the extra vars the Vagrantfile passes', async () => {
    const result = await run('ansible-playbook', ['--syntax-check', '-i', 'localhost,', '-e', `@${extraVarsFile}`, ...playbooks.map((p) => join('ansible', p))], labDir);
    for (const playbook of playbooks) expect(result.all).toContain(`playbook: ansible/${playbook}`);
    expect(result.exitCode).toBe(0);
  }, 60_000);

  // The disk choice and the templates are Jinja that only runs inside the VMs; here the real
  // ansible runs them on sample disks and fake keys, locally, touching only the temp folder.
  it('chooses the data disk, and renders topology.json and heketi.json as the program expects', async () => {
    const out = join(work, 'rendered');
    const lsblk = (devices: object[]) => ({ stdout: JSON.stringify({ blockdevices: devices }) });
    const rootDisk = { name: '/dev/sda', type: 'disk', fstype: null, mountpoint: null, children: [{ name: '/dev/sda1', type: 'part', fstype: 'ext4', mountpoint: '/' }] };
    const blank = (name: string) => ({ name, type: 'disk', fstype: null, mountpoint: null });
    const heketiPv = { name: '/dev/sdb', type: 'disk', fstype: 'LVM2_member', mountpoint: null, children: [{ name: '/dev/mapper/vg_x-tp', type: 'lvm', fstype: null, mountpoint: null }] };
    const cases = {
      configured: { configured_device: '/dev/vdb', lsblk_result: lsblk([rootDisk, blank('/dev/sdb')]), pvs_result: { stdout_lines: [] } },
      autoBlank: { configured_device: 'auto', lsblk_result: lsblk([rootDisk, blank('/dev/sdc'), { name: '/dev/sr0', type: 'rom', fstype: null, mountpoint: null }]), pvs_result: { stdout_lines: ['  /dev/sda3|ubuntu-vg'] } },
      autoOurs: {
        configured_device: 'auto',
        lsblk_result: lsblk([rootDisk, heketiPv, blank('/dev/sdc')]),
        pvs_result: { stdout_lines: ['  /dev/sda3|ubuntu-vg', `  /dev/sdb|vg_${'0123456789abcdef'.repeat(2)}`] },
      },
      autoTwoBlank: { configured_device: 'auto', lsblk_result: lsblk([rootDisk, blank('/dev/sdb'), blank('/dev/sdc')]), pvs_result: { stdout_lines: [] } },
    };
    const devices = { gluster1: '/dev/sdb', gluster2: '/dev/sdc', gluster3: '/dev/vdb' };
    await mkdir(out, { recursive: true });
    const tasks = join(labDir, 'ansible', 'tasks', 'choose-data-disk.yml');
    const choose = Object.entries(cases).map(([name, vars]) => ({
      name: `Choose for ${name}`,
      block: [
        { name: 'Run the playbook\'s disk choice', 'ansible.builtin.include_tasks': tasks, vars },
        { name: 'Record the choice', 'ansible.builtin.set_fact': { choices: `{{ choices | combine({'${name}': data_disk_device}) }}` } },
      ],
      rescue: [{ name: 'Record the failure', 'ansible.builtin.set_fact': { failures: `{{ failures | combine({'${name}': ansible_failed_result.msg}) }}` } }],
    }));
    const playbook = [
      {
        name: 'Exercise the lab templates',
        hosts: 'localhost',
        connection: 'local',
        gather_facts: false,
        vars: { gluster_devices: devices, heketi_port: 8080, heketi_admin_key: 'test-admin-key', heketi_user_key: 'test-user-key' },
        tasks: [
          { name: 'Start with no choices', 'ansible.builtin.set_fact': { choices: {}, failures: {} } },
          { name: 'Topology', 'ansible.builtin.template': { src: join(labDir, 'ansible', 'templates', 'topology.json.j2'), dest: join(out, 'topology.json'), mode: '0644' } },
          { name: 'Heketi config', 'ansible.builtin.template': { src: join(labDir, 'ansible', 'templates', 'heketi.json.j2'), dest: join(out, 'heketi.json'), mode: '0644' } },
          ...choose,
          { name: 'Write the choices', 'ansible.builtin.copy': { content: '{{ {"choices": choices, "failures": failures} | to_json }}', dest: join(out, 'choices.json'), mode: '0644' } },
        ],
      },
    ];
    const playbookFile = join(work, 'exercise.yml');
    await writeFile(playbookFile, stringify(playbook));

    const result = await run('ansible-playbook', ['-i', 'localhost,', '-e', `@${extraVarsFile}`, playbookFile], work);
    expect(result.exitCode, result.all).toBe(0);

    // One source of truth: the Jinja template the lab uses; topologyJson mirrors it.
    expect(JSON.parse(await readFile(join(out, 'topology.json'), 'utf8'))).toEqual(topologyJson(config, devices));
    expect(JSON.parse(await readFile(join(out, 'heketi.json'), 'utf8'))).toEqual({
      port: '8080',
      use_auth: true,
      jwt: { admin: { key: 'test-admin-key' }, user: { key: 'test-user-key' } },
      glusterfs: {
        executor: 'ssh',
        sshexec: { keyfile: '/etc/heketi/heketi_key', user: 'root', port: '22', fstab: '/etc/fstab' },
        db: '/var/lib/heketi/heketi.db',
        loglevel: 'info',
      },
    });

    const { choices, failures } = JSON.parse(await readFile(join(out, 'choices.json'), 'utf8')) as { choices: Record<string, string>; failures: Record<string, string> };
    // The disk Heketi initialised on an earlier provision wins over a new blank one.
    expect(choices).toEqual({ configured: '/dev/vdb', autoBlank: '/dev/sdc', autoOurs: '/dev/sdb' });
    expect(Object.keys(failures)).toEqual(['autoTwoBlank']);
    const failure = failures.autoTwoBlank ?? '';
    expect(failure).toContain('data_disk.device is "auto" but localhost has 2 blank disks (/dev/sdb, /dev/sdc), not exactly one.');
    expect(failure).toContain('空のディスクが1台ではありません');
  }, 60_000);
});

describe.skipIf(!has.ansibleLint)('ansible-lint', () => {
  it('passes every playbook with the production profile and no warning', async () => {
    const result = await run('ansible-lint', ['provisioning/ansible'], root, { ...toolEnv, ANSIBLE_HOME: join(work, 'lint-home') });
    expect(result.all).toMatch(/Passed with production profile: 0 failure\(s\), 0 warning\(s\) on \d+ files\./);
    expect(result.exitCode).toBe(0);
  }, 60_000);
});

describe.skipIf(!has.yamllint)('yamllint', () => {
  it('passes on all YAML of provisioning/ and k8s-yaml/', async () => {
    const listed = await run('yamllint', ['--list-files', 'provisioning', 'k8s-yaml'], root);
    const files = listed.stdout.split('\n').filter(Boolean).sort();
    // Guards against a config that silently lints nothing.
    expect(files).toEqual(expect.arrayContaining(['provisioning/ansible/gluster.yml', 'provisioning/ansible/heketi.yml', 'k8s-yaml/storageclass.yml']));
    expect(files).toHaveLength((await yamlFiles('provisioning')).length + (await yamlFiles('k8s-yaml')).length);

    const result = await run('yamllint', ['--strict', '--format', 'parsable', 'provisioning', 'k8s-yaml'], root);
    expect(result.all).toBe('');
    expect(result.exitCode).toBe(0);
  });
});

async function yamlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(join(root, dir), { recursive: true });
  return entries.filter((name) => /\.ya?ml$/.test(name));
}

describe('k8s-yaml manifests', () => {
  // SPEC §2: current API versions (storage.k8s.io/v1, apps/v1, v1).
  const expected: Record<string, [string, string]> = {
    'heketi-secret.yml': ['v1', 'Secret'],
    'storageclass.yml': ['storage.k8s.io/v1', 'StorageClass'],
    'gfs-pvc-1.yml': ['v1', 'PersistentVolumeClaim'],
    'gfs-pvc-2.yml': ['v1', 'PersistentVolumeClaim'],
    'gfs-client.yml': ['apps/v1', 'Deployment'],
    'chmod-pod.yml': ['v1', 'Pod'],
  };

  it('are each one valid YAML document with the apiVersion and kind SPEC names', async () => {
    const files = (await readdir(join(root, 'k8s-yaml'))).filter((name) => name.endsWith('.yml')).sort();
    expect(files).toEqual(Object.keys(expected).sort());
    for (const file of files) {
      const docs = parseAllDocuments(await readFile(join(root, 'k8s-yaml', file), 'utf8'));
      expect(docs, file).toHaveLength(1);
      const doc = docs[0];
      expect(doc?.errors, file).toEqual([]);
      const object = doc?.toJS() as { apiVersion?: string; kind?: string };
      expect([object.apiVersion, object.kind], file).toEqual(expected[file]);
    }
  });
});
