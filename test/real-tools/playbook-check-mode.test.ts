// `ansible-playbook --check` of the lab's playbooks, for real, on this machine: connection
// local, become off (the test runs as root), the lab folder a temp directory made by `init`.
// Check mode changes nothing — and the test proves it did not: the files and the accounts the
// playbooks would touch are compared before and after. Without a running systemd (PID 1 here
// is not systemd) the tasks tagged `service` cannot ask systemd anything, so they are skipped
// with --skip-tags and the reason is printed. Needs root and python3-apt (the apt module's
// check mode); elsewhere the runs are skipped with the reason, and under CI=true they must run.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments, parseDocument } from 'yaml';
import { labConfigSchema, type LabConfig } from '../../src/lab/config-schema.js';
import { applyInit, planInit } from '../../src/lab/init-lab.js';
import { packageRoot } from '../../src/lab/package-root.js';

const root = packageRoot();
const ansibleDir = join(root, 'provisioning', 'ansible');
const run = (command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeout?: number } = {}) =>
  execa(command, args, { cwd: options.cwd, env: options.env, reject: false, timeout: options.timeout ?? 30_000, all: true, stdin: 'ignore' });

let work = '';
let labDir = '';
let config: LabConfig;
let unavailable: string | undefined;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  if (process.getuid?.() !== 0) unavailable = 'not root: the playbooks look at /root, /etc and the block devices';
  else if ((await run('ansible-playbook', ['--version'])).exitCode !== 0) unavailable = 'ansible-playbook is not installed (apt-get install ansible-core)';
  else if ((await run('/usr/bin/python3', ['-c', 'import apt'])).exitCode !== 0) unavailable = "python3-apt is not installed: the apt module's check mode needs it (apt-get install python3-apt)";
  if (unavailable) {
    if (process.env.CI === 'true') throw new Error(`CI=true but the check-mode runs cannot run: ${unavailable}`);
    console.warn(`skipping the check-mode runs of the playbooks: ${unavailable}`);
    return;
  }
  work = await mkdtemp(join(tmpdir(), 'gluster-lab-check-mode-'));
  labDir = join(work, 'lab');
  await applyInit(await planInit(labDir, join(root, 'provisioning')));
  config = labConfigSchema.parse(parseDocument(await readFile(join(labDir, 'gluster-lab.yaml'), 'utf8')).toJS());
  // Loopback only: the lab's addresses (192.168.56.x) must never be contacted from here, and
  // the playbooks wait on their nodes' ports. (The schema refuses loopback VM addresses; the
  // playbooks read the vars as given.)
  const loopback = { ...config, machines: config.machines.map((m, i) => ({ ...m, address: `127.0.2.${20 + i}` })), heketi: { ...config.heketi, url: 'http://127.0.2.20:8080' } };
  await writeFile(join(work, 'vars.json'), JSON.stringify({ lab: loopback, lab_dir: labDir, ansible_become: false }));
  env = {
    ...process.env,
    ANSIBLE_HOME: join(work, 'ansible-home'),
    ANSIBLE_LOCAL_TEMP: join(work, 'ansible-tmp'),
    ANSIBLE_NOCOLOR: '1',
    ANSIBLE_FORCE_COLOR: '0',
    NO_COLOR: '1',
    // Speed only: the minimal facts (they include the architecture heketi.yml needs), and
    // modules piped to Python instead of copied to a file first.
    ANSIBLE_GATHER_SUBSET: 'min',
    ANSIBLE_PIPELINING: '1',
  };
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

/** What the playbooks would change on this machine, to compare before and after a run. */
async function machineState(): Promise<Record<string, string>> {
  const hash = (path: string) => (existsSync(path) ? createHash('sha256').update(readFileSync(path)).digest('hex') : 'absent');
  const paths = ['/root/.ssh/authorized_keys', '/etc/heketi', '/var/lib/heketi', '/opt/heketi', '/etc/systemd/system/heketi.service', '/usr/local/bin/heketi', '/usr/local/bin/heketi-cli'];
  const state: Record<string, string> = Object.fromEntries(paths.map((path) => [path, hash(path)]));
  for (const [db, name] of [['passwd', 'heketi'], ['group', 'heketi']] as const) state[`${db} ${name}`] = (await run('getent', [db, name])).stdout;
  // The packages the playbooks install (other packages may come and go on a shared machine).
  const packages = ['glusterfs-server', 'glusterfs-client', 'lvm2', 'thin-provisioning-tools', 'xfsprogs'];
  state.packages = (await run('dpkg-query', ['--show', '--showformat', '${Package} ${Status} ${Version}\\n', ...packages])).stdout;
  return state;
}

/** The playbook run as Vagrant's ansible_local runs it: the inventory host is the machine's name. */
async function checkRun(playbook: string, host: string): Promise<{ exitCode: number | undefined; all: string; skipTags: string[] }> {
  const skipTags = existsSync('/run/systemd/system') ? [] : ['--skip-tags', 'service'];
  if (skipTags.length > 0) console.warn(`${playbook}: systemd is not running here (PID 1 is not systemd): the service tasks are skipped`);
  const result = await run('ansible-playbook', ['--check', '-i', `${host},`, '-c', 'local', '-e', `@${join(work, 'vars.json')}`, ...skipTags, join('ansible', playbook)], { cwd: labDir, env, timeout: 380_000 });
  return { exitCode: result.exitCode, all: result.all ?? '', skipTags };
}

/** Each task's status line: "TASK [name]" followed by ok/changed/skipping/fatal. */
function taskOutcomes(output: string): Record<string, string> {
  const outcomes: Record<string, string> = {};
  let task: string | undefined;
  for (const line of output.split('\n')) {
    const head = /^TASK \[(.+)\] \*+$/.exec(line);
    if (head) task = head[1];
    else if (task && /^(ok|changed|skipping|fatal):/.test(line)) {
      outcomes[task] ??= line.split(':')[0] as string;
    }
  }
  return outcomes;
}

describe('ansible-playbook --check of each playbook on this machine', () => {
  it('gluster.yml reads the disks in check mode and stops only where this machine has no data disk', async (context) => {
    if (unavailable) context.skip(unavailable);
    const before = await machineState();
    const { exitCode, all } = await checkRun('gluster.yml', 'gluster1');
    expect(await machineState()).toEqual(before);

    const tasks = taskOutcomes(all);
    // The read-only commands ran although this is check mode: the old playbook skipped them
    // and its next set_fact failed on a result without stdout.
    expect(tasks['List block devices'], all).toBe('ok');
    expect(tasks['List LVM physical volumes'], all).toBe('ok');
    expect(tasks["Sort the disks into empty, blank and Heketi's own"], all).toBe('ok');
    const lsblk = JSON.parse((await run('lsblk', ['--json', '--paths', '--bytes', '--output', 'NAME,TYPE,SIZE,FSTYPE,MOUNTPOINT'])).stdout) as { blockdevices: Array<{ name: string; type: string; size: number | string; fstype: string | null; mountpoint: string | null; children?: unknown[] }> };
    const dataBytes = config.data_disk.size_gb * 1024 ** 3;
    const blank = lsblk.blockdevices.filter((d) => d.type === 'disk' && !/^\/dev\/(zram|ram|loop|nbd)\d/.test(d.name) && !d.children && !d.fstype && !d.mountpoint && Number(d.size) === dataBytes);
    if (blank.length === 1) {
      expect(exitCode, all).toBe(0);
      return;
    }
    // A build machine is not a gluster node: no empty disk of the data disk's size. The run
    // says so, naming what it passed over — RAM disks (zram) included, never chosen.
    expect(exitCode, all).toBe(2);
    expect(tasks['Check that exactly one disk could be detected']).toBe('fatal');
    expect(all).toContain(`data_disk.device is \\"auto\\" but gluster1 has ${blank.length} empty disks of ${config.data_disk.size_gb}.0 GiB`);
    for (const ram of lsblk.blockdevices.filter((d) => /^\/dev\/zram\d/.test(d.name))) expect(all).toContain(`${ram.name} is a RAM disk`);
  }, 400_000);

  it('heketi.yml runs to the end in check mode on a machine without Heketi, changing nothing', async (context) => {
    if (unavailable) context.skip(unavailable);
    // What the gluster nodes' runs leave in the lab folder for the Heketi VM.
    await mkdir(join(labDir, 'state', 'data-disk'), { recursive: true });
    for (const m of config.machines.filter((m) => m.role === 'gluster')) await writeFile(join(labDir, 'state', 'data-disk', m.name), '/dev/sdb\n');
    const before = await machineState();
    const { exitCode, all } = await checkRun('heketi.yml', 'heketi');
    expect(await machineState()).toEqual(before);
    expect(exitCode, all).toBe(0);
    expect(all).toMatch(/PLAY RECAP \*+\nheketi +: ok=\d+ +changed=\d+ +unreachable=0 +failed=0/);
    const tasks = taskOutcomes(all);
    // Nothing is downloaded or started in check mode; the topology is read but not loaded.
    expect(tasks['Download the Heketi release v10.4.0']).toBe('skipping');
    expect(tasks['Read the data disk each GlusterFS node recorded']).toBe('ok');
    expect(tasks['Load the topology into Heketi']).toBe('skipping');
  }, 400_000);
});

describe('check mode in the playbooks as written', () => {
  interface Task {
    name?: string;
    register?: string;
    changed_when?: unknown;
    check_mode?: boolean;
    block?: Task[];
    rescue?: Task[];
    always?: Task[];
    [module: string]: unknown;
  }
  const flatten = (tasks: Task[]): Task[] => tasks.flatMap((t) => [t, ...flatten([...(t.block ?? []), ...(t.rescue ?? []), ...(t.always ?? [])])]);
  const files = ['gluster.yml', 'heketi.yml', 'tasks/choose-data-disk.yml'];
  const tasksOf = (file: string): Task[] => {
    const doc = parseAllDocuments(readFileSync(join(ansibleDir, file), 'utf8'))[0]?.toJS() as Array<{ tasks?: Task[]; handlers?: Task[] }> | Task[];
    return flatten(file.startsWith('tasks/') ? (doc) : (doc as Array<{ tasks?: Task[]; handlers?: Task[] }>).flatMap((play) => [...(play.tasks ?? []), ...(play.handlers ?? [])]));
  };

  it('runs every read-only command (changed_when: false) in check mode too, so what follows gets its output', () => {
    const commands = files.flatMap((file) => tasksOf(file).filter((t) => 'ansible.builtin.command' in t || 'ansible.builtin.shell' in t).map((t) => ({ file, ...t })));
    const readOnly = commands.filter((t) => t.changed_when === false);
    expect(readOnly.map((t) => t.name)).toEqual(['List block devices', 'List LVM physical volumes', 'Read filesystem and partition-table signatures on the data disk']);
    for (const task of readOnly) expect(task.check_mode, `${task.file}: ${task.name}`).toBe(false);
    // The one command that changes something (loading the topology) is left to check mode,
    // and what follows it looks at it only when it ran.
    const changing = commands.filter((t) => t.changed_when !== false);
    expect(changing.map((t) => t.name)).toEqual(['Load the topology into Heketi']);
    const later = tasksOf('heketi.yml').filter((t) => JSON.stringify(t).includes('topology_load') && t.register !== 'topology_load');
    for (const task of later) expect(JSON.stringify(task), task.name).toContain('topology_load is not skipped');
  });
});
