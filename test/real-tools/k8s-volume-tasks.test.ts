// The Heketi playbook's tasks for the CSI path's volume (provisioning/ansible/tasks/k8s-volume.yml)
// run by the real ansible-playbook against a stand-in heketi-cli on PATH (stand-ins/heketi-cli.mjs,
// which answers in heketi-cli's JSON): the volume is created once with the configured name and
// size, found again on the next run (nothing changed), and Heketi's refusals end the run with
// its words and what to change. The key travels in the environment, never on a command line.
import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { defaultLabConfig } from '../../src/lab/defaults.js';
import { packageRoot } from '../../src/lab/package-root.js';
import { findProgram } from '../real-daemons/harness/gate.js';

const tasks = join(packageRoot(), 'provisioning', 'ansible', 'tasks', 'k8s-volume.yml');
const hasAnsible = findProgram('ansible-playbook') !== undefined;
if (!hasAnsible) console.warn('ansible-playbook is not installed: skipping the k8s-volume tasks (apt-get install ansible-core)');
const key = 'test-admin-key-0123';
const hosts = ['127.1.1.1', '127.1.1.2', '127.1.1.3'];
let work: string;

interface Call {
  args: string[];
  server?: string;
  user?: string;
  key?: string;
}

interface Run {
  exitCode: number;
  output: string;
  calls: Call[];
  recap: { ok: number; changed: number; failed: number };
}

/** Runs the tasks once with the stand-in on PATH over `stateFile`; returns what ansible and the stand-in saw. */
async function runTasks(name: string, stateFile: string): Promise<Run> {
  const dir = join(work, name);
  const callsFile = join(dir, 'calls.jsonl');
  await writeFile(callsFile, '', { flag: 'a' });
  const playbook = join(dir, 'play.yml');
  await writeFile(
    playbook,
    stringify([
      {
        name: 'The Kubernetes volume',
        hosts: 'localhost',
        connection: 'local',
        gather_facts: false,
        // As heketi.yml sets it; the key here is a test value.
        vars: { heketi_cli_env: { HEKETI_CLI_SERVER: 'http://127.0.0.1:8080', HEKETI_CLI_USER: 'admin', HEKETI_CLI_KEY: key } },
        tasks: [{ name: 'Create the Kubernetes volume once', 'ansible.builtin.import_tasks': tasks }],
      },
    ]),
  );
  const before = (await readFile(callsFile, 'utf8')).split('\n').filter(Boolean).length;
  const result = await execa('ansible-playbook', ['-i', 'localhost,', '-e', JSON.stringify({ lab: defaultLabConfig }), playbook], {
    cwd: dir,
    reject: false,
    timeout: 120_000,
    stdin: 'ignore',
    all: true,
    env: {
      ...process.env,
      PATH: [join(work, 'bin'), dirname(process.execPath), process.env.PATH].join(delimiter),
      ANSIBLE_HOME: join(work, 'ansible-home'),
      ANSIBLE_LOCAL_TEMP: join(work, 'ansible-tmp'),
      ANSIBLE_NOCOLOR: '1',
      HEKETI_STANDIN_STATE: stateFile,
      HEKETI_STANDIN_CALLS: callsFile,
    },
  });
  const calls = (await readFile(callsFile, 'utf8')).split('\n').filter(Boolean).slice(before).map((line) => JSON.parse(line) as Call);
  const recap = /localhost\s+: ok=(\d+)\s+changed=(\d+)\s+unreachable=\d+\s+failed=(\d+)/.exec(String(result.all)) ?? [];
  return { exitCode: result.exitCode ?? -1, output: String(result.all), calls, recap: { ok: Number(recap[1]), changed: Number(recap[2]), failed: Number(recap[3]) } };
}

async function heketiState(name: string, state: object): Promise<string> {
  const { mkdir } = await import('node:fs/promises');
  await mkdir(join(work, name), { recursive: true });
  const file = join(work, name, 'heketi.json');
  await writeFile(file, JSON.stringify({ key, cluster: 'c'.repeat(32), hosts, volumes: [], ...state }));
  return file;
}

describe.skipIf(!hasAnsible)('tasks/k8s-volume.yml with ansible-playbook and a stand-in heketi-cli', () => {
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'gl-k8s-volume-'));
    const { mkdir } = await import('node:fs/promises');
    await mkdir(join(work, 'bin'));
    await symlink(resolve(import.meta.dirname, 'stand-ins', 'heketi-cli.mjs'), join(work, 'bin', 'heketi-cli'));
  });
  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('creates the volume once (name, size, replica 3), then finds it by name and changes nothing', async () => {
    // Heketi already has a claim's volume: listed, read, and left alone.
    const claimVolume = { size: 1, name: 'vol_0123', durability: { type: 'replicate', replicate: { replica: 3 }, disperse: {} }, id: 'a'.repeat(32), cluster: 'c'.repeat(32), bricks: [] };
    const state = await heketiState('once', { volumes: [claimVolume] });

    const first = await runTasks('once', state);
    expect(first.exitCode, first.output).toBe(0);
    expect(first.recap).toMatchObject({ changed: 1, failed: 0 });
    expect(first.calls.map((c) => c.args)).toEqual([
      ['volume', 'list', '--json'],
      ['volume', 'info', claimVolume.id, '--json'],
      ['volume', 'create', `--name=${defaultLabConfig.nfs.volume}`, `--size=${defaultLabConfig.nfs.size_gb}`, '--durability=replicate', '--replica=3', '--json'],
    ]);
    const created = (JSON.parse(await readFile(state, 'utf8')) as { volumes: Array<{ id: string; name: string; size: number }> }).volumes[1]!;
    expect(created).toMatchObject({ name: 'k8s-nfs', size: 10 });

    const second = await runTasks('once', state);
    expect(second.exitCode, second.output).toBe(0);
    expect(second.recap).toMatchObject({ changed: 0, failed: 0 });
    expect(second.calls.map((c) => c.args)).toEqual([
      ['volume', 'list', '--json'],
      ['volume', 'info', claimVolume.id, '--json'],
      ['volume', 'info', created.id, '--json'],
    ]);

    // The key only ever in the environment, never in an argument or the output.
    for (const call of [...first.calls, ...second.calls]) {
      expect(call).toMatchObject({ server: 'http://127.0.0.1:8080', user: 'admin', key });
      expect(call.args.join(' ')).not.toContain(key);
    }
    expect(first.output + second.output).not.toContain(key);
  }, 240_000);

  it("a fresh Heketi lists no volume (null): the volume is created", async () => {
    const state = await heketiState('fresh', {});
    const run = await runTasks('fresh', state);
    expect(run.exitCode, run.output).toBe(0);
    expect(run.calls.map((c) => c.args[1])).toEqual(['list', 'create']);
  }, 120_000);

  it("Heketi's refusal stops the run with its own words and what to change in gluster-lab.yaml", async () => {
    const state = await heketiState('nospace', { createError: 'No space' });
    const run = await runTasks('nospace', state);
    expect(run.exitCode).toBe(2);
    expect(run.output).toContain('Heketi could not create the volume k8s-nfs (10 GiB, replica 3): Error: No space');
    expect(run.output).toContain('Lower nfs.size_gb or raise data_disk.size_gb in gluster-lab.yaml.');
    expect(run.output).toContain('data_disk.size_gb を大きくしてください');
    expect(run.output).not.toContain(key);
  }, 120_000);

  it('a volume of that name that is not replica 3 is reported, not used', async () => {
    const plain = { size: 10, name: 'k8s-nfs', durability: { type: 'none', replicate: {}, disperse: {} }, id: 'b'.repeat(32), cluster: 'c'.repeat(32), bricks: [] };
    const state = await heketiState('wrong', { volumes: [plain] });
    const run = await runTasks('wrong', state);
    expect(run.exitCode).toBe(2);
    expect(run.output).toContain('Heketi already has a volume named k8s-nfs, but it is not replica 3');
    expect(run.calls.map((c) => c.args[1])).toEqual(['list', 'info']);
  }, 120_000);

  it('a refused key: the list fails with heketi-cli\'s words, and nothing is created', async () => {
    const state = await heketiState('badkey', { key: 'another-key' });
    const run = await runTasks('badkey', state);
    expect(run.exitCode).toBe(2);
    expect(run.output).toContain('heketi-cli volume list failed: Error: Invalid JWT token');
    expect(run.calls.map((c) => c.args[1])).toEqual(['list']);
  }, 120_000);
});
