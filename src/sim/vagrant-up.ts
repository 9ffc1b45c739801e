import { randomUUID } from 'node:crypto';
import type { LabMachine } from '../lab/lab-machines.js';
import type { SimLabConfig } from './lab-config-reader.js';
import { ansibleRun } from './ansible-play.js';
import { readLabPlaybook } from './lab-playbook.js';
import { virtualBoxName } from './lab-config-reader.js';
import { sleepSim } from './sim-clock.js';
import type { SimMachine, SimState } from './sim-state.js';
import { updateStateFile } from './state-file.js';
import * as text from './vagrant-texts.js';
import type { VagrantUi } from './vagrant-ui.js';

export interface UpContext {
  ui: VagrantUi;
  config: SimLabConfig;
  cwd: string;
  stateFile: string;
  state: SimState;
  speed: number;
  signal: AbortSignal;
}

/** Thrown inside a machine's action when the user pressed Ctrl-C. */
export class Interrupted extends Error {}

/** Thrown for a Vagrant error: printed as `ui,error` + `error-exit`. */
export class VagrantFailure extends Error {
  constructor(
    readonly errorClass: string,
    message: string,
  ) {
    super(message);
  }
}

const BOX_VERSION = '202502.21.0';

/** `vagrant up` for one machine: import (first time) or resume, boot, provision when new. */
export async function upMachine(ctx: UpContext, machine: LabMachine, index: number, provision: boolean | undefined): Promise<void> {
  const { ui, config } = ctx;
  const name = machine.name;
  const wait = async (ms: number) => {
    if (!(await sleepSim(ms, ctx.speed, ctx.signal))) throw new Interrupted();
  };
  const setMachine = (change: (m: SimMachine) => void) => {
    updateStateFile(ctx.stateFile, (s) => {
      const m = (s.machines[name] ??= { state: 'not_created', provisioned: false });
      change(m);
    });
  };
  const current = ctx.state.machines[name]?.state ?? 'not_created';
  ui.record(name, 'action', 'up', 'start');
  if (current === 'running') {
    // Vagrant 2.3.4's action_start: a running VM goes straight to the provision step, which
    // Vagrant's sentinel skips unless --provision is given.
    if (ctx.state.machines[name]?.provisioned === true && provision !== true) ui.machine(name, 'info', text.alreadyProvisioned);
    else if (provision !== false) await provisionMachine(ctx, machine, false);
    ui.record(name, 'action', 'up', 'end');
    return;
  }
  const fresh = current === 'not_created';
  const port = index === 0 ? 2222 : 2199 + index;
  if (fresh) {
    if (ctx.state.scenarios.includes('box-not-found')) {
      ui.machine(name, 'output', text.boxAutoAdding(config.box));
      ui.machine(name, 'detail', 'Box Provider: virtualbox');
      ui.machine(name, 'detail', 'Box Version: >= 0');
      await wait(1500);
      throw new VagrantFailure(text.errorClass.boxNotFound, text.boxNotFound(config.box));
    }
    ui.machine(name, 'info', `Importing base box '${config.box}'...`);
    await wait(3000);
    ui.machine(name, 'info', 'Matching MAC address for NAT networking...');
    await wait(300);
    ui.machine(name, 'output', `Checking if box '${config.box}' version '${BOX_VERSION}' is up to date...`);
    await wait(300);
    const vmName = virtualBoxName(config, name);
    ui.machine(name, 'info', `Setting the name of the VM: ${vmName}`);
    setMachine((m) => {
      m.state = 'poweroff';
      m.vmName = vmName;
    });
    if (index > 0) ui.machine(name, 'info', `Fixed port collision for 22 => 2222. Now on port ${port}.`);
  } else {
    ui.machine(name, 'output', `Checking if box '${config.box}' version '${BOX_VERSION}' is up to date...`);
    await wait(300);
    ui.machine(name, 'info', 'Clearing any previously set forwarded ports...');
  }
  ui.machine(name, 'info', 'Clearing any previously set network interfaces...');
  await wait(300);
  if (ctx.state.scenarios.includes('hostonly-range-refused')) {
    throw new VagrantFailure(text.errorClass.hostSubnet, text.invalidHostSubnet(machine.address));
  }
  ui.machine(name, 'output', 'Preparing network interfaces based on configuration...');
  ui.machine(name, 'detail', 'Adapter 1: nat');
  ui.machine(name, 'detail', 'Adapter 2: hostonly');
  ui.machine(name, 'output', 'Forwarding ports...');
  ui.machine(name, 'detail', `22 (guest) => ${port} (host) (adapter 1)`);
  ui.machine(name, 'info', "Running 'pre-boot' VM customizations...");
  await wait(300);
  ui.machine(name, 'info', 'Booting VM...');
  await wait(500);
  if (ctx.state.scenarios.includes('vtx-disabled')) {
    throw new VagrantFailure(text.errorClass.vboxManage, text.vtxUnavailable(randomUUID()));
  }
  ui.machine(name, 'output', 'Waiting for machine to boot. This may take a few minutes...');
  ui.machine(name, 'detail', `SSH address: 127.0.0.1:${port}`);
  ui.machine(name, 'detail', 'SSH username: vagrant');
  ui.machine(name, 'detail', 'SSH auth method: private key');
  await wait(3000);
  if (fresh) {
    ui.machine(name, 'detail', '\nVagrant insecure key detected. Vagrant will automatically replace\nthis with a newly generated keypair for better security.');
    ui.machine(name, 'detail', '\nInserting generated public key within guest...');
    ui.machine(name, 'detail', "Removing insecure key from the guest if it's present...");
    ui.machine(name, 'detail', 'Key inserted! Disconnecting and reconnecting using new SSH key...');
    await wait(800);
  }
  ui.machine(name, 'output', 'Machine booted and ready!');
  setMachine((m) => {
    m.state = 'running';
  });
  ui.machine(name, 'output', 'Checking for guest additions in VM...');
  await wait(300);
  ui.machine(name, 'info', 'Setting hostname...');
  await wait(300);
  ui.machine(name, 'info', 'Configuring and enabling network interfaces...');
  await wait(500);
  ui.machine(name, 'output', 'Mounting shared folders...');
  ui.machine(name, 'detail', `/vagrant => ${ctx.cwd}`);
  await wait(300);
  const alreadyProvisioned = ctx.state.machines[name]?.provisioned === true;
  if (provision === false || (alreadyProvisioned && provision !== true)) {
    if (alreadyProvisioned) ui.machine(name, 'info', text.alreadyProvisioned);
  } else {
    await provisionMachine(ctx, machine, true);
  }
  ui.record(name, 'action', 'up', 'end');
}

/** The ansible_local provisioner: its output goes through the environment UI, unprefixed. */
export async function provisionMachine(ctx: UpContext, machine: LabMachine, installing: boolean): Promise<void> {
  const { ui } = ctx;
  const name = machine.name;
  const repeat = ctx.state.machines[name]?.provisioned === true;
  ui.machine(name, 'info', 'Running provisioner: ansible_local...');
  if (installing && !repeat) {
    ui.machine(name, 'detail', 'Installing Ansible...');
    if (!(await sleepSim(2500, ctx.speed, ctx.signal))) throw new Interrupted();
  }
  ui.machine(name, 'detail', 'Running ansible-playbook...');
  const gluster = ctx.config.machines.filter((m) => m.role === 'gluster');
  const failing = gluster[1] ?? gluster[gluster.length - 1];
  const failTask = ctx.state.scenarios.includes('ansible-task-fails') && failing?.name === name;
  const run = ansibleRun(machine, { repeat, failTask, playbook: readLabPlaybook(ctx.cwd, machine.role, { heketi_version: ctx.config.heketi.version, kube_version: ctx.config.kubernetes.node?.version ?? '' }) });
  for (const line of run.lines) {
    if (!(await sleepSim(line.delayMs, ctx.speed, ctx.signal))) throw new Interrupted();
    ui.raw(`${line.text}\n`);
  }
  if (run.failed) throw new VagrantFailure(text.errorClass.ansible, text.ansibleFailed);
  updateStateFile(ctx.stateFile, (s) => {
    const m = (s.machines[name] ??= { state: 'running', provisioned: false });
    m.provisioned = true;
  });
}
