import type { LabMachine } from '../lab/lab-machines.js';
import type { Playbook } from './lab-playbook.js';

/**
 * One task of the stand-in playbook (used when the directory has no lab playbook) and what
 * it reports on a first and a repeated run.
 */
interface Task {
  name: string;
  first: 'ok' | 'changed';
  msg?: string;
}

const common: Task[] = [
  { name: 'Gathering Facts', first: 'ok' },
  { name: 'common : Wait for cloud-init to finish', first: 'ok' },
  { name: 'common : Update the apt cache', first: 'changed' },
  { name: 'common : Install base packages', first: 'changed' },
  { name: 'common : Write /etc/hosts entries for the lab', first: 'changed' },
];

const byRole: Record<LabMachine['role'], Task[]> = {
  gluster: [
    { name: 'glusterfs : Add the GlusterFS 11 repository', first: 'changed' },
    { name: 'glusterfs : Install glusterfs-server', first: 'changed' },
    { name: 'glusterfs : Start and enable glusterd', first: 'changed' },
    { name: 'glusterfs : Authorize the Heketi SSH key for root', first: 'changed' },
    { name: 'glusterfs : Probe the other gluster nodes', first: 'changed' },
  ],
  heketi: [
    { name: 'heketi : Install glusterfs-client', first: 'changed' },
    { name: 'heketi : Download the Heketi release', first: 'changed' },
    { name: 'heketi : Install heketi and heketi-cli', first: 'changed' },
    { name: 'heketi : Write /etc/heketi/heketi.json', first: 'changed' },
    { name: 'heketi : Install the Heketi SSH key', first: 'changed' },
    { name: 'heketi : Start and enable heketi', first: 'changed' },
    { name: 'heketi : Wait for Heketi to answer', first: 'ok' },
  ],
  kubernetes: [
    { name: 'kubernetes : Install containerd', first: 'changed' },
    { name: 'kubernetes : Install kubeadm, kubelet and kubectl', first: 'changed' },
    { name: 'kubernetes : Create the cluster with kubeadm init', first: 'changed' },
    { name: 'kubernetes : Install the CNI', first: 'changed' },
  ],
};

interface AnsibleLine {
  /** Simulated milliseconds before the line appears. */
  delayMs: number;
  text: string;
}

export interface AnsibleRun {
  lines: AnsibleLine[];
  failed: boolean;
}

/** Ansible's banner: the title, a space and stars up to 80 columns (at least 3). */
export function banner(title: string): string {
  return `${title} ${'*'.repeat(Math.max(3, 80 - title.length - 1))}`;
}

/** Ansible's PLAY RECAP row: host padded to 26, then `name=value` padded to 4. */
export function recapRow(host: string, counts: Record<'ok' | 'changed' | 'unreachable' | 'failed' | 'skipped' | 'rescued' | 'ignored', number>): string {
  const fields = (['ok', 'changed', 'unreachable', 'failed', 'skipped', 'rescued', 'ignored'] as const).map((key) => `${key}=${String(counts[key]).padEnd(4)}`);
  return `${host.padEnd(26)} : ${fields.join(' ')}`;
}

/**
 * The ansible-playbook output of one machine's `ansible_local` run (limited to that
 * machine, as ansible_local does by default). `failAt` makes one task fail.
 */
export function ansibleRun(machine: LabMachine, options: { repeat: boolean; failTask?: boolean; playbook?: Playbook }): AnsibleRun {
  const host = machine.name;
  const { playbook } = options;
  const tasks = playbook ? playbook.tasks : [...common, ...byRole[machine.role]];
  // The failing task is the package install, whose apt error the scenario prints.
  const installIndex = tasks.findIndex((t) => /^(\w+ : )?Install /.test(t.name));
  const failIndex = options.failTask ? (playbook ? installIndex : common.length + 1) : -1;
  const lines: AnsibleLine[] = [];
  const say = (delayMs: number, text: string) => lines.push({ delayMs, text });
  const counts = { ok: 0, changed: 0, unreachable: 0, failed: 0, skipped: 0, rescued: 0, ignored: 0 };
  say(400, '');
  say(0, banner(`PLAY [${playbook ? playbook.play : `Set up the ${machine.role} node`}]`));
  for (const [index, task] of tasks.entries()) {
    say(0, '');
    say(0, banner(`TASK [${task.name}]`));
    if (index === failIndex) {
      counts.failed += 1;
      say(900, `fatal: [${host}]: FAILED! => {"cache_update_time": 1717000000, "cache_updated": false, "changed": false, "msg": "'/usr/bin/apt-get -y -o \\"Dpkg::Options::=--force-confdef\\" -o \\"Dpkg::Options::=--force-confold\\"       install 'glusterfs-server'' failed: E: Unable to locate package glusterfs-server\\n", "rc": 100, "stderr": "E: Unable to locate package glusterfs-server\\n", "stderr_lines": ["E: Unable to locate package glusterfs-server"], "stdout": "Reading package lists...\\nBuilding dependency tree...\\nReading state information...\\n", "stdout_lines": ["Reading package lists...", "Building dependency tree...", "Reading state information..."]}`);
      break;
    }
    const status = options.repeat ? 'ok' : task.first;
    counts[status] += 1;
    if (status === 'changed') counts.ok += 1;
    // A debug task's result as the default callback prints it: the message JSON-encoded,
    // indented four spaces — guest text that may look like a Vagrant prefix.
    if (task.msg !== undefined) say(250, `${status}: [${host}] => {\n    "msg": ${JSON.stringify(task.msg)}\n}`);
    else say(status === 'changed' ? 700 : 250, `${status}: [${host}]`);
  }
  say(0, '');
  say(0, banner('PLAY RECAP'));
  say(0, recapRow(host, counts));
  say(0, '');
  return { lines, failed: counts.failed > 0 };
}
