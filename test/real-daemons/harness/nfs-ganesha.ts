// NFS-Ganesha for the real-daemon tests, configured by the lab's own playbook: the template
// tasks of provisioning/ansible/gluster.yml (ganesha.conf.j2, the unit drop-in) run by the real
// ansible-playbook for one gluster node, with vars/nfs-ganesha.yml and only the overrides a test
// names. Started in a test's network namespace in the foreground, stopped by its PID with TERM,
// then KILL after a grace (it sometimes hangs on TERM), also when a test fails.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { parse, stringify } from 'yaml';
import type { LabConfig } from '../../../src/lab/config-schema.js';
import { packageRoot } from '../../../src/lab/package-root.js';
import type { Cleanup } from './cleanup.js';
import { waitFor } from './cleanup.js';
import { alive, signal, type NetNamespace } from './netns.js';

const ansibleDir = join(packageRoot(), 'provisioning', 'ansible');

interface Play {
  vars: Record<string, unknown>;
  vars_files: string[];
  tasks: Array<{ name: string; 'ansible.builtin.template'?: { src: string; dest: string } }>;
}

/**
 * Renders gluster.yml's template tasks for `node` of `lab` into `dir`, once per named set of
 * overrides (task vars, which win over the playbook's vars and vars_files): returns each file by
 * `<set>/<basename of its destination>`. One ansible-playbook run for all sets.
 */
export async function renderGaneshaFiles(dir: string, lab: LabConfig, node: string, sets: Record<string, Record<string, unknown>>): Promise<Record<string, string>> {
  const [play] = parse(await readFile(join(ansibleDir, 'gluster.yml'), 'utf8')) as Play[];
  if (!play) throw new Error('gluster.yml has no play');
  const templates = play.tasks.flatMap((task) => {
    const template = task['ansible.builtin.template'];
    return template ? [{ name: task.name, src: join(ansibleDir, template.src), dest: template.dest }] : [];
  });
  if (!templates.some((t) => t.dest === '/etc/ganesha/ganesha.conf')) throw new Error('gluster.yml no longer writes /etc/ganesha/ganesha.conf');
  const files: Record<string, string> = {};
  const plays = Object.entries(sets).map(([set, overrides]) => ({
    name: `Render for ${set}`,
    hosts: node,
    connection: 'local',
    gather_facts: false,
    vars_files: play.vars_files.map((file) => join(ansibleDir, file)),
    // The playbook's own vars (ganesha_address, …).
    vars: play.vars,
    tasks: templates.map((t) => {
      const dest = join(dir, set, t.dest.split('/').at(-1) ?? t.name);
      files[`${set}/${t.dest.split('/').at(-1)}`] = dest;
      // Task vars win over the play's vars_files: the set's overrides, and nothing else.
      return { name: t.name, 'ansible.builtin.template': { src: t.src, dest, mode: '0644' }, vars: overrides };
    }),
  }));
  for (const set of Object.keys(sets)) await mkdir(join(dir, set), { recursive: true });
  const playbook = join(dir, 'render.yml');
  await writeFile(playbook, stringify(plays));
  const result = await execa('ansible-playbook', ['-i', `${node},`, '-e', JSON.stringify({ lab }), playbook], {
    cwd: dir,
    reject: false,
    stdin: 'ignore',
    all: true,
    timeout: 180_000,
    env: { ...process.env, ANSIBLE_HOME: join(dir, 'ansible-home'), ANSIBLE_LOCAL_TEMP: join(dir, 'ansible-tmp'), ANSIBLE_NOCOLOR: '1' },
  });
  if (result.exitCode !== 0) throw new Error(`rendering the Ganesha templates failed:\n${String(result.all)}`);
  return files;
}

export interface Ganesha {
  pid: number;
  logFile: string;
  log(): Promise<string>;
  /** TERM, then KILL after `graceMs`; resolves once the process is gone. */
  stop(graceMs?: number): Promise<void>;
}

/** Log lines of Ganesha's configuration errors: it has no check mode and keeps running after them. */
export function configCritLines(log: string): string[] {
  return log.split('\n').filter((line) => line.includes(':CONFIG :CRIT'));
}

/**
 * Starts ganesha.nfsd in the foreground in `ns` with `conf`, logging to `<runDir>/ganesha.log`;
 * resolves once it logs "NFS SERVER INITIALIZED" (it serves from then on), and throws when it
 * exits before. Registered with `cleanup` to be stopped.
 */
export async function startGanesha(ns: NetNamespace, conf: string, runDir: string, cleanup: Cleanup): Promise<Ganesha> {
  const logFile = join(runDir, 'ganesha.log');
  const started = ns.start(['ganesha.nfsd', '-F', '-L', logFile, '-f', conf, '-p', join(runDir, 'ganesha.pid'), '-N', 'NIV_EVENT'], join(runDir, 'ganesha.out'));
  let exited = false;
  void started.exited.then(() => {
    exited = true;
  });
  const log = () => readFile(logFile, 'utf8').catch(() => '');
  const stop = async (graceMs = 5_000) => {
    if (!alive(started.pid)) return;
    signal(started.pid, 'SIGTERM');
    const deadline = Date.now() + graceMs;
    while (alive(started.pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    if (alive(started.pid)) signal(started.pid, 'SIGKILL');
    await started.exited;
  };
  cleanup.add(`stop ganesha.nfsd (${started.pid})`, () => stop());
  const state = await waitFor('ganesha.nfsd to start serving', 30_000, async () => {
    if (exited) return 'exited';
    return (await log()).includes('NFS SERVER INITIALIZED') ? 'serving' : undefined;
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  if (state === 'exited') throw new Error(`ganesha.nfsd exited while starting:\n${(await log()).split('\n').slice(-15).join('\n')}`);
  return { pid: started.pid, logFile, log, stop };
}
