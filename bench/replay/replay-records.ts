/**
 * The records a replayed `vagrant up --machine-readable` prints: Vagrant's own lines for
 * each VM, then its ansible_local run, whose TASK lines are the lab's own playbook and
 * whose other lines are real guest output, taken from a real `vagrant up` with
 * ansible_local (../shared/samples/real), in the form Vagrant's machine-readable UI gives
 * unprefixed guest output: `ts,,ui,info,<line>\n` with `\n` and commas escaped.
 */
import { readFileSync } from 'node:fs';
import { banner, recapRow } from '../../src/sim/ansible-play.js';
import type { Playbook } from '../../src/sim/lab-playbook.js';
import { machineReadableLine } from '../../src/sim/machine-readable-format.js';

export const REAL_LOG = 'vagrant-up-plain-multi-ansible-local.log';

/**
 * The guest's lines of a plain `vagrant up` log: every line Vagrant printed without its
 * `==> vm:` / `    vm:` prefix (the shell and ansible_local provisioners' output), minus
 * Ansible's own banners and recap rows, which the lab's playbook supplies.
 */
export function realGuestLines(plainLog: string): string[] {
  return plainLog
    .split('\n')
    .map((line) => line.replace(/\r$/, ''))
    .filter((line) => !/^(==> |    [\w.-]+:)/.test(line))
    .filter((line) => line.trim() !== '' && !/^(PLAY|TASK|GATHERING FACTS|RUNNING HANDLER|NOTIFIED)|: ok=\d/.test(line));
}

export function readRealGuestLines(samplesDir: string): string[] {
  const lines = realGuestLines(readFileSync(`${samplesDir}/${REAL_LOG}`, 'utf8'));
  if (lines.length < 100) throw new Error(`${samplesDir}/${REAL_LOG}: only ${lines.length} guest lines`);
  return lines;
}

export interface ReplayMachine {
  name: string;
  playbook: Playbook;
}

/**
 * About `total` records (never fewer) of a bring-up of `machines`, one after the other;
 * the guest lines are spread evenly over the tasks, cycling through `guest`.
 */
export function replayRecords(machines: readonly ReplayMachine[], guest: readonly string[], total: number): string[] {
  const out: string[] = [];
  let ts = 1_717_000_000;
  const rec = (target: string, type: string, ...data: string[]) => out.push(machineReadableLine(target, type, data, ts));
  const say = (vm: string, level: string, text: string) => rec(vm, 'ui', level, `${level === 'detail' ? '    ' : '==> '}${vm}: ${text}`);
  const raw = (text: string) => rec('', 'ui', 'info', `${text}\n`);
  const tasks = machines.reduce((n, m) => n + m.playbook.tasks.length, 0);
  // Everything but the guest lines: about 30 records a VM and 2 a task.
  const fixed = machines.length * 32 + tasks * 2;
  const perTask = Math.max(1, Math.ceil((total - fixed) / tasks));
  let next = 0;
  for (const m of machines) rec(m.name, 'metadata', 'provider', 'virtualbox');
  for (const m of machines) rec('', 'ui', 'info', `Bringing machine '${m.name}' up with 'virtualbox' provider...`);
  machines.forEach((m, index) => {
    const port = index === 0 ? 2222 : 2199 + index;
    rec(m.name, 'action', 'up', 'start');
    say(m.name, 'info', "Importing base box 'bento/ubuntu-24.04'...");
    say(m.name, 'info', 'Matching MAC address for NAT networking...');
    say(m.name, 'output', "Checking if box 'bento/ubuntu-24.04' version '202502.21.0' is up to date...");
    say(m.name, 'info', `Setting the name of the VM: lab_${m.name}_1717000000000_12345`);
    say(m.name, 'info', 'Clearing any previously set network interfaces...');
    say(m.name, 'output', 'Preparing network interfaces based on configuration...');
    say(m.name, 'detail', 'Adapter 1: nat');
    say(m.name, 'detail', 'Adapter 2: hostonly');
    say(m.name, 'output', 'Forwarding ports...');
    say(m.name, 'detail', `22 (guest) => ${port} (host) (adapter 1)`);
    say(m.name, 'info', "Running 'pre-boot' VM customizations...");
    say(m.name, 'info', 'Booting VM...');
    say(m.name, 'output', 'Waiting for machine to boot. This may take a few minutes...');
    say(m.name, 'detail', `SSH address: 127.0.0.1:${port}`);
    say(m.name, 'detail', 'SSH username: vagrant');
    say(m.name, 'detail', 'SSH auth method: private key');
    say(m.name, 'output', 'Machine booted and ready!');
    say(m.name, 'output', 'Checking for guest additions in VM...');
    say(m.name, 'info', 'Setting hostname...');
    say(m.name, 'info', 'Configuring and enabling network interfaces...');
    say(m.name, 'output', 'Mounting shared folders...');
    say(m.name, 'detail', '/vagrant => /home/user/gluster-lab');
    say(m.name, 'info', 'Running provisioner: ansible_local...');
    say(m.name, 'detail', 'Installing Ansible...');
    say(m.name, 'detail', 'Running ansible-playbook...');
    raw('');
    raw(banner(`PLAY [${m.playbook.play}]`));
    const counts = { ok: 0, changed: 0, unreachable: 0, failed: 0, skipped: 0, rescued: 0, ignored: 0 };
    for (const task of m.playbook.tasks) {
      ts++;
      raw('');
      raw(banner(`TASK [${task.name}]`));
      for (let i = 0; i < perTask; i++) raw(guest[next++ % guest.length] as string);
      counts[task.first]++;
      if (task.first === 'changed') counts.ok++;
      raw(`${task.first}: [${m.name}]`);
    }
    raw('');
    raw(banner('PLAY RECAP'));
    raw(recapRow(m.name, counts));
    rec(m.name, 'action', 'up', 'end');
  });
  return out;
}
