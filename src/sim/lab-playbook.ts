import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import type { LabMachine } from '../lab/lab-machines.js';

/** A task as the simulated ansible-playbook reports it on a first run. */
interface PlaybookTask {
  name: string;
  first: 'ok' | 'changed';
  /** A debug task's message, which ansible-playbook prints under its result. */
  msg?: string;
}

export interface Playbook {
  play: string;
  tasks: PlaybookTask[];
}

type TaskYaml = Record<string, unknown> & { name?: string; changed_when?: unknown };

// Modules that only read or decide: a first run reports them "ok", as Ansible does.
const readOnlyModules = new Set(['stat', 'slurp', 'set_fact', 'assert', 'debug', 'fail', 'wait_for', 'uri', 'getent', 'package_facts']);

/**
 * The play name and task names of the lab's own playbook for `role` (the Vagrantfile runs
 * ansible/<role>.yml), so the simulated `vagrant up` shows the tasks a real run would;
 * undefined when the lab has no such playbook (a bare test directory).
 */
export function readLabPlaybook(labDir: string, role: LabMachine['role'], vars: Record<string, string> = {}): Playbook | undefined {
  const file = join(labDir, 'ansible', `${role}.yml`);
  if (!existsSync(file)) return undefined;
  const plays = parse(readFileSync(file, 'utf8')) as Array<{ name?: string; tasks?: TaskYaml[]; gather_facts?: boolean; vars?: Record<string, unknown> }> | null;
  const play = plays?.[0];
  if (!play?.tasks) return undefined;
  const tasks: PlaybookTask[] = play.gather_facts === false ? [] : [{ name: 'Gathering Facts', first: 'ok' }];
  tasks.push(...flatten(play.tasks, dirname(file)));
  // Ansible prints task names with their variables filled in.
  // The play's own literal vars (a pinned release) fill in as well as the ones given.
  const literal = Object.fromEntries(Object.entries(play.vars ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string' && !e[1].includes('{{')));
  const known: Record<string, string> = { ...literal, ...vars };
  const fill = (text: string) => text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => known[name] ?? whole);
  return { play: fill(play.name ?? role), tasks: tasks.map((t) => ({ ...t, name: fill(t.name) })) };
}

function flatten(tasks: TaskYaml[], dir: string): PlaybookTask[] {
  return tasks.flatMap((task): PlaybookTask[] => {
    const include = moduleArg(task, 'import_tasks') ?? moduleArg(task, 'include_tasks');
    if (typeof include === 'string') {
      const path = join(dir, include);
      return existsSync(path) ? flatten((parse(readFileSync(path, 'utf8')) as TaskYaml[] | null) ?? [], dirname(path)) : [];
    }
    if (Array.isArray(task.block)) return flatten(task.block as TaskYaml[], dir);
    const module = Object.keys(task).map((k) => k.replace(/^ansible\.builtin\./, '')).find((k) => readOnlyModules.has(k));
    const first = task.changed_when === false || module !== undefined ? 'ok' : 'changed';
    const msg = (moduleArg(task, 'debug') as { msg?: unknown } | undefined)?.msg;
    return [typeof msg === 'string' ? { name: task.name ?? 'unnamed task', first, msg } : { name: task.name ?? 'unnamed task', first }];
  });
}

function moduleArg(task: TaskYaml, module: string): unknown {
  return task[module] ?? task[`ansible.builtin.${module}`];
}
