// The real tools check the lab's assets: Debian's vagrant 2.3.4 validates the Vagrantfile
// on a lab made by `init`, ansible-playbook and ansible-lint check the playbooks, ansible
// renders the templates, yamllint checks all YAML, and every manifest has the apiVersion/kind
// of SPEC §2. A tool that is absent skips its tests with a message; on this machine and in
// CI they are installed, so they run.
import { accessSync, constants, existsSync } from 'node:fs';
import { chmod, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, isAbsolute, join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments, parseDocument, stringify } from 'yaml';
import { labConfigSchema, type LabConfig } from '../../src/lab/config-schema.js';
import { applyInit, planInit } from '../../src/lab/init-lab.js';
import { packageRoot } from '../../src/lab/package-root.js';
import { topologyJson } from '../../src/lab/topology.js';
import { realToolEnv } from './real-tool-env.js';

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
  toolEnv = realToolEnv(work);
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = toolEnv, timeout = 45_000) {
  return execa(command, args, { cwd, env, reject: false, timeout, all: true, stdin: 'ignore' });
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

  // Vagrant's own library loads the Vagrantfile and reports what it configured per machine,
  // and how it would expand VirtualBox's boot action, without running anything.
  it('hooks the data disk in before every VirtualBox boot of a GlusterFS VM, with no storage customize of its own', async (context) => {
    const { env } = await standInVBoxManage();
    const lab = join(work, 'inspect-lab');
    await cp(labDir, lab, { recursive: true, filter: (src) => !src.includes('.vagrant') });
    const script = [
      "require 'vagrant'",
      "require 'json'",
      'env = Vagrant::Environment.new(cwd: Dir.pwd)',
      'machines = env.machine_names.to_h { |name|',
      '  config = env.vagrantfile.machine_config(name, :virtualbox, env.boxes)[:config]',
      '  vb = config.vm.get_provider_config(:virtualbox)',
      '  [name, { name: vb.name, box: config.vm.box, box_version: config.vm.box_version,',
      '           customize: vb.customizations.map { |c| c[1].map { |a| a.is_a?(Symbol) ? ":#{a}" : a.to_s } },',
      '           triggers: config.trigger.before_triggers.map(&:name),',
      '           provisioners: config.vm.provisioners.map { |p| [p.name.to_s, p.type.to_s] } }]',
      '}',
      // The boot action as Vagrant expands it: the plugin's hook must sit right before Boot.
      'boot = VagrantPlugins::ProviderVirtualBox::Action.action_boot',
      'boot.apply_dynamic_updates({})',
      'order = boot.stack.map { |item| item.middleware.is_a?(Class) ? item.middleware.name.to_s : item.middleware.class.name.to_s }',
      "at = order.index('VagrantPlugins::ProviderVirtualBox::Action::Boot')",
      'puts JSON.generate(machines: machines, disks: GlusterLab::DataDisk.disks, boot: order[(at - 2)..at])',
    ].join('\n');
    const result = await run('ruby', ['-e', script], lab, env);
    // Debian's vagrant is a gem of the system ruby; HashiCorp's package embeds its own.
    if (/cannot load such file -- vagrant|ENOENT/.test(String(result.all))) context.skip('vagrant is not a gem of the system ruby: skipping the Vagrantfile plan check');
    expect(result.exitCode, result.all).toBe(0);
    const plan = JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as {
      machines: Record<string, { name: string; box: string; box_version: string; customize: string[][]; triggers: string[]; provisioners: string[][] }>;
      disks: Record<string, { path: string; size_mb: number }>;
      boot: string[];
    };

    const base = () => [
      ['modifyvm', ':id', '--cpus', '1'],
      ['modifyvm', ':id', '--memory', '1024'],
      ['modifyvm', ':id', '--groups', '/gluster-lab'],
    ];
    // No controller of our own any more: on PIIX3 boxes a second SATA controller is refused.
    for (const machine of ['gluster1', 'gluster2', 'gluster3', 'heketi']) expect(plan.machines[machine]?.customize).toEqual(base());
    expect(Object.values(plan.machines).map((m) => [m.box, m.box_version])).toEqual(Array(4).fill(['bento/ubuntu-24.04', config.box_version]));
    expect(plan.disks).toEqual(
      Object.fromEntries(['gluster1', 'gluster2', 'gluster3'].map((m) => [m, { path: join(lab, '.vagrant', 'disks', `gluster-lab-${m}-data.vdi`), size_mb: config.data_disk.size_gb * 1024 }])),
    );
    expect(plan.boot).toEqual(['VagrantPlugins::ProviderVirtualBox::Action::Customize', 'GlusterLab::AttachDataDisk', 'VagrantPlugins::ProviderVirtualBox::Action::Boot']);
    // GlusterFS nodes first (Vagrant brings machines up in this order): Heketi loads the
    // topology of nodes that are already up.
    expect(Object.keys(plan.machines)).toEqual(['gluster1', 'gluster2', 'gluster3', 'heketi']);
    expect(Object.values(plan.machines).map((m) => m.name)).toEqual(['gluster-lab-gluster1', 'gluster-lab-gluster2', 'gluster-lab-gluster3', 'gluster-lab-heketi']);
    expect(plan.machines.gluster3?.triggers).toEqual([]);
    // Ubuntu's ansible-core first (no PPA), then the role's playbook through ansible_local.
    expect(plan.machines.heketi?.provisioners).toEqual([['ansible-core', 'shell'], ['ansible', 'ansible_local']]);
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

// provisioning/vagrant/data_disk.rb in Ruby, on `VBoxManage showvminfo --machinereadable`
// output of the box layouts (test/fixtures/vboxmanage/): the plan, and the middleware Vagrant
// runs before Boot, driving a recording stand-in for Vagrant's VirtualBox driver.
describe.skipIf(!onPath('ruby'))('the data disk on the box\'s own controller (Ruby)', () => {
  const fixtures = join(root, 'test', 'fixtures', 'vboxmanage');
  const script = [
    "require 'json'",
    `require '${join(provisioningDir, 'vagrant', 'data_disk.rb')}'`,
    'fixture, path, exists = ARGV',
    'info = GlusterLab::DataDisk.parse_vm_info(File.read(fixture))',
    'begin',
    "  puts JSON.generate(plan: GlusterLab::DataDisk.plan(info, id: 'VM-ID', path: path, size_mb: 30720, disk_exists: exists == 'yes'))",
    'rescue RuntimeError => e',
    '  puts JSON.generate(error: e.message)',
    'end',
  ].join('\n');
  const plan = async (fixture: string, path = '/lab/.vagrant/disks/gluster-lab-gluster1-data.vdi', exists = 'no') => {
    const result = await run('ruby', ['-e', script, isAbsolute(fixture) ? fixture : join(fixtures, fixture), path, exists], work);
    expect(result.exitCode, result.all).toBe(0);
    return JSON.parse(result.stdout) as { plan?: string[][]; error?: string };
  };
  const attach = (controller: string, port: number, device = 0) => [
    'storageattach', 'VM-ID', '--storagectl', controller, '--port', String(port), '--device', String(device), '--type', 'hdd', '--medium', '/lab/.vagrant/disks/gluster-lab-gluster1-data.vdi',
  ];
  const create = ['createmedium', 'disk', '--filename', '/lab/.vagrant/disks/gluster-lab-gluster1-data.vdi', '--format', 'VDI', '--size', '30720'];

  it('adds a port to the SATA controller of a PIIX3 box instead of a second SATA controller', async () => {
    expect(await plan('showvminfo-sata-piix3.txt')).toEqual({ plan: [create, ['storagectl', 'VM-ID', '--name', 'SATA Controller', '--portcount', '2'], attach('SATA Controller', 1)] });
  });

  it('uses the VirtIO-SCSI controller of a box that boots from it, past its DVD slot', async () => {
    expect(await plan('showvminfo-virtio-scsi.txt', undefined, 'yes')).toEqual({ plan: [['storagectl', 'VM-ID', '--name', 'VirtIO Controller', '--portcount', '3'], attach('VirtIO Controller', 2)] });
  });

  it('sends nothing when the disk is attached already (a second up, a reload)', async () => {
    const attached = join(work, 'showvminfo-attached.txt');
    const text = await readFile(join(fixtures, 'showvminfo-sata-piix3.txt'), 'utf8');
    await writeFile(attached, `${text}"SATA Controller-1-0"="/lab/.vagrant/disks/gluster-lab-gluster1-data.vdi"\n"SATA Controller-ImageUUID-1-0"="1d2e3f40-5a6b-4c7d-8e9f-a0b1c2d3e4f5"\n`);
    expect(await plan(attached, undefined, 'yes')).toEqual({ plan: [] });
  });

  it('says what it found when the boot controller has no slot left', async () => {
    const { error } = await plan('showvminfo-ide-full.txt');
    expect(error).toContain('no free slot for the data disk on the controller this box boots from (IDE Controller (PIIX4, 2/2 ports))');
    expect(error).toContain('データディスクを付ける空きがありません');
  });

  it('runs the plan from the middleware before Boot, and attaches again to a re-created VM', async () => {
    const middleware = [
      "require 'json'",
      `require '${join(provisioningDir, 'vagrant', 'data_disk.rb')}'`,
      'fixture, disk = ARGV',
      // A stand-in for Vagrant's VirtualBox driver: answers showvminfo from the fixture, records every command.
      'Driver = Struct.new(:calls) do',
      '  def execute_command(command)',
      '    calls << command',
      "    command.first == 'showvminfo' ? File.read(ARGV[0]) : ''",
      '  end',
      'end',
      'UI = Struct.new(:lines) { def info(line) = lines << line }',
      "GlusterLab::DataDisk.disks['gluster1'] = { path: disk, size_mb: 30720 }",
      'out = %w[gluster1 heketi].map do |name|',
      '  driver = Driver.new([])',
      '  machine = Struct.new(:name, :provider_name, :id, :provider).new(name.to_sym, :virtualbox, "id-#{name}", Struct.new(:driver).new(driver))',
      '  env = { machine: machine, ui: UI.new([]) }',
      '  reached = false',
      '  GlusterLab::AttachDataDisk.new(->(_env) { reached = true }, env).call(env)',
      '  [name, { calls: driver.calls, said: env[:ui].lines, reached: reached }]',
      'end',
      'puts JSON.generate(out.to_h)',
    ].join('\n');
    const disk = join(work, 'recreated', '.vagrant', 'disks', 'gluster-lab-gluster1-data.vdi');
    const result = await run('ruby', ['-e', middleware, join(fixtures, 'showvminfo-sata-piix3.txt'), disk], work);
    expect(result.exitCode, result.all).toBe(0);
    const out = JSON.parse(result.stdout) as Record<string, { calls: string[][]; said: string[]; reached: boolean }>;
    // A new VM (a fresh id, no disk on it): the disk is made and attached before Boot runs.
    expect(out.gluster1?.calls).toEqual([
      ['showvminfo', 'id-gluster1', '--machinereadable'],
      ['createmedium', 'disk', '--filename', disk, '--format', 'VDI', '--size', '30720'],
      ['storagectl', 'id-gluster1', '--name', 'SATA Controller', '--portcount', '2'],
      ['storageattach', 'id-gluster1', '--storagectl', 'SATA Controller', '--port', '1', '--device', '0', '--type', 'hdd', '--medium', disk],
    ]);
    expect(out.gluster1?.said).toEqual([`gluster-lab: attaching the data disk ${disk}`]);
    // The disk folder is made by the middleware (VBoxManage makes none), not by `vagrant validate`.
    expect(existsSync(join(work, 'recreated', '.vagrant', 'disks'))).toBe(true);
    // The Heketi VM has no data disk: nothing is asked of VirtualBox, and Boot still runs.
    expect(out.heketi).toEqual({ calls: [], said: [], reached: true });
    expect(out.gluster1?.reached).toBe(true);
  });
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
    const GiB = 1024 ** 3;
    const dataBytes = config.data_disk.size_gb * GiB;
    // As `lsblk --json --paths --bytes --output NAME,TYPE,SIZE,FSTYPE,MOUNTPOINT` prints them.
    const rootDisk = (name: string) => ({ name, type: 'disk', size: 64 * GiB, fstype: null, mountpoint: null, children: [{ name: `${name}1`, type: 'part', size: 64 * GiB, fstype: 'ext4', mountpoint: '/' }] });
    const blank = (name: string, size = dataBytes) => ({ name, type: 'disk', size, fstype: null, mountpoint: null });
    const zram = { name: '/dev/zram0', type: 'disk', size: dataBytes, fstype: null, mountpoint: null };
    const heketiPv = { name: '/dev/sdb', type: 'disk', size: dataBytes, fstype: 'LVM2_member', mountpoint: null, children: [{ name: '/dev/mapper/vg_x-tp', type: 'lvm', size: GiB, fstype: null, mountpoint: null }] };
    const noPvs = { stdout_lines: [] };
    const auto = (devices: object[], pvs: object = noPvs) => ({ configured_device: 'auto', configured_device_real: 'auto', data_disk_bytes: dataBytes, lsblk_result: lsblk(devices), pvs_result: pvs });
    const cases = {
      // A stable by-id path is kept for Heketi; the checks use the disk it links to.
      configuredById: { ...auto([rootDisk('/dev/sda'), blank('/dev/sdb')]), configured_device: '/dev/disk/by-id/ata-VBOX_HARDDISK_VB1234-5678', configured_device_real: '/dev/sdb' },
      // A box that boots from SATA: the data disk comes second.
      autoSata: auto([rootDisk('/dev/sda'), blank('/dev/sdb'), { name: '/dev/sr0', type: 'rom', size: 1024, fstype: null, mountpoint: null }], { stdout_lines: ['  /dev/sda3|ubuntu-vg'] }),
      // A box that boots from VirtIO-SCSI: both are sd*, and the root disk may be sdb.
      autoVirtio: auto([blank('/dev/sda'), rootDisk('/dev/sdb')]),
      // zram swap is a "disk" too, even of the very size; a disk of another size is not ours.
      autoZramAndOtherSize: auto([zram, rootDisk('/dev/sda'), blank('/dev/sdb', 8 * GiB), blank('/dev/sdc')]),
      autoOurs: auto([rootDisk('/dev/sda'), heketiPv, blank('/dev/sdc')], { stdout_lines: ['  /dev/sda3|ubuntu-vg', `  /dev/sdb|vg_${'0123456789abcdef'.repeat(2)}`] }),
      autoTwoBlank: auto([rootDisk('/dev/sda'), blank('/dev/sdb'), blank('/dev/sdc')]),
      autoNone: auto([zram, { name: '/dev/vda', type: 'disk', size: 256 * GiB, fstype: 'ext4', mountpoint: '/' }, blank('/dev/vdb', 8 * GiB)]),
    };
    const devices = { gluster1: '/dev/sdb', gluster2: '/dev/sdc', gluster3: '/dev/vdb' };
    await mkdir(out, { recursive: true });
    const tasks = join(labDir, 'ansible', 'tasks', 'choose-data-disk.yml');
    const choose = Object.entries(cases).map(([name, vars]) => ({
      name: `Choose for ${name}`,
      block: [
        { name: 'Run the playbook\'s disk choice', 'ansible.builtin.include_tasks': tasks, vars },
        { name: 'Record the choice', 'ansible.builtin.set_fact': { choices: `{{ choices | combine({'${name}': [data_disk_device, data_disk_real]}) }}` } },
      ],
      rescue: [{ name: 'Record the failure', 'ansible.builtin.set_fact': { failures: `{{ failures | combine({'${name}': ansible_failed_result.msg}) }}` } }],
    }));
    // heketi.yml's own play vars, with the VM's architecture as Ansible's facts would give it.
    const heketiVars = (parseDocument(await readFile(join(labDir, 'ansible', 'heketi.yml'), 'utf8')).toJS() as Array<{ vars: Record<string, unknown> }>)[0]?.vars ?? {};
    const tarballTasks = ['x86_64', 'aarch64', 'armv7l'].map((architecture) => ({
      name: `Heketi tarball on ${architecture}`,
      block: [{ name: 'Name the tarball', vars: { ...heketiVars, ansible_facts: { architecture } }, 'ansible.builtin.set_fact': { tarballs: `{{ tarballs | combine({'${architecture}': heketi_tarball}) }}` } }],
      rescue: [{ name: 'Record the failure', 'ansible.builtin.set_fact': { tarballs: `{{ tarballs | combine({'${architecture}': 'failed'}) }}` } }],
    }));
    const playbook = [
      {
        name: 'Exercise the lab templates',
        hosts: 'localhost',
        connection: 'local',
        gather_facts: false,
        vars: { gluster_devices: devices, heketi_port: 8080, heketi_admin_key: 'test-admin-key', heketi_user_key: 'test-user-key' },
        tasks: [
          { name: 'Start with no choices', 'ansible.builtin.set_fact': { choices: {}, failures: {}, tarballs: {} } },
          { name: 'Topology', 'ansible.builtin.template': { src: join(labDir, 'ansible', 'templates', 'topology.json.j2'), dest: join(out, 'topology.json'), mode: '0644' } },
          { name: 'Heketi config', 'ansible.builtin.template': { src: join(labDir, 'ansible', 'templates', 'heketi.json.j2'), dest: join(out, 'heketi.json'), mode: '0644' } },
          ...choose,
          ...tarballTasks,
          { name: 'Write the choices', 'ansible.builtin.copy': { content: '{{ {"choices": choices, "failures": failures, "tarballs": tarballs} | to_json }}', dest: join(out, 'choices.json'), mode: '0644' } },
        ],
      },
    ];
    const playbookFile = join(work, 'exercise.yml');
    await writeFile(playbookFile, stringify(playbook));

    const result = await run('ansible-playbook', ['-i', 'localhost,', '-e', `@${extraVarsFile}`, playbookFile], work, toolEnv, 230_000);
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

    const { choices, failures, tarballs } = JSON.parse(await readFile(join(out, 'choices.json'), 'utf8')) as { choices: Record<string, string[]>; failures: Record<string, string>; tarballs: Record<string, string> };
    // Heketi's release has a tarball per architecture (its Makefile's `release`): the VM's.
    expect(tarballs).toEqual({ x86_64: 'heketi-v10.4.0-release-10.linux.amd64.tar.gz', aarch64: 'heketi-v10.4.0-release-10.linux.arm64.tar.gz', armv7l: 'failed' });
    // The disk Heketi initialised on an earlier provision wins over a new blank one.
    expect(choices).toEqual({
      configuredById: ['/dev/disk/by-id/ata-VBOX_HARDDISK_VB1234-5678', '/dev/sdb'],
      autoSata: ['/dev/sdb', '/dev/sdb'],
      autoVirtio: ['/dev/sda', '/dev/sda'],
      autoZramAndOtherSize: ['/dev/sdc', '/dev/sdc'],
      autoOurs: ['/dev/sdb', '/dev/sdb'],
    });
    expect(Object.keys(failures)).toEqual(['autoTwoBlank', 'autoNone']);
    const size = `${config.data_disk.size_gb}.0 GiB`;
    expect(failures.autoTwoBlank).toContain(`data_disk.device is "auto" but localhost has 2 empty disks of ${size} (/dev/sdb, /dev/sdc), not exactly one.`);
    expect(failures.autoTwoBlank).toContain('が1台ではありません');
    expect(failures.autoNone).toContain(`has 0 empty disks of ${size} (none)`);
    expect(failures.autoNone).toContain('Passed over: /dev/zram0 is a RAM disk; /dev/vda is mounted on /; /dev/vdb is 8.0 GiB.');
  }, 240_000);
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
    'nfs-storageclass.yml': ['storage.k8s.io/v1', 'StorageClass'],
    'nfs-probe-pod.yml': ['v1', 'Pod'],
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
