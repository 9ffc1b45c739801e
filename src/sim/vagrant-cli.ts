import type { LabMachine } from '../lab/lab-machines.js';
import { recordCall } from './call-log.js';
import type { SimLabConfig } from './lab-config-reader.js';
import { runGuestCommand } from './guest-commands.js';
import { MachineLocked, withMachineLock } from './machine-lock.js';
import { runBox } from './vagrant-box.js';
import { hasVagrantfile, readLabConfig } from './lab-config-reader.js';
import { sleepSim, speedFromEnv } from './sim-clock.js';
import type { SimState } from './sim-state.js';
import { readStateFile, updateStateFile } from './state-file.js';
import { globalFlags, parseCommand, vagrantSubcommands } from './vagrant-argv-parser.js';
import { commandHelp, mainHelp } from './vagrant-help.js';
import * as text from './vagrant-texts.js';
import { VagrantUi, type Streams } from './vagrant-ui.js';
import { Interrupted, provisionMachine, type UpContext, upMachine, VagrantFailure } from './vagrant-up.js';

export interface VagrantIo extends Streams {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Aborted on the first SIGINT. */
  signal: AbortSignal;
}

const stateLabel: Record<string, string> = { not_created: 'not created', running: 'running', poweroff: 'poweroff' };

/** `vagrant ARGV`, its start and end recorded in the simulator's call log (tests read which commands ran, and when). */
export async function runRecordedVagrant(argv: string[], io: VagrantIo, pid = process.pid): Promise<number> {
  const stateFile = io.env.GLUSTER_LAB_SIM_STATE || undefined;
  recordCall(stateFile, { tool: 'vagrant', argv, event: 'start' }, pid);
  const code = await runVagrant(argv, io);
  recordCall(stateFile, { tool: 'vagrant', argv, event: 'end', exitCode: code }, pid);
  return code;
}

/** The simulated `vagrant` command; returns its exit code. */
async function runVagrant(argv: readonly string[], io: VagrantIo): Promise<number> {
  const machineReadable = argv.includes('--machine-readable');
  const ui = new VagrantUi(io, machineReadable);
  let i = 0;
  while (i < argv.length && (argv[i] as string).startsWith('-')) {
    const flag = argv[i] as string;
    if (flag === '-v' || flag === '--version') {
      io.stdout.write(`${text.vagrantVersionLine}\n`);
      return 0;
    }
    if (!globalFlags.includes(flag)) return unknownCommand(ui, io);
    i++;
  }
  const command = argv[i];
  if (command === 'box') {
    // Boxes belong to the host, not to a project: no Vagrantfile needed.
    const stateFile = io.env.GLUSTER_LAB_SIM_STATE;
    if (!stateFile) throw new Error('GLUSTER_LAB_SIM_STATE is not set: the simulated vagrant runs only inside a simulated lab');
    return runBox(argv.slice(i + 1), { ui, stdout: io.stdout, cwd: io.cwd, stateFile, speed: speedFromEnv(io.env), signal: io.signal });
  }
  if (command === undefined || !vagrantSubcommands.includes(command)) return unknownCommand(ui, io);
  const parsed = parseCommand(command, argv.slice(i + 1));
  const help = commandHelp[command] ?? '';
  if (!parsed) return ui.fail(text.errorClass.invalidOptions, `${text.invalidOptions}\n\n${help}`);
  if (parsed.flags.has('--help')) {
    io.stdout.write(`${help}\n`);
    return 0;
  }
  if (parsed.flags.has('--version')) {
    io.stdout.write(`${text.vagrantVersionLine}\n`);
    return 0;
  }
  if (!hasVagrantfile(io.cwd)) return ui.fail(text.errorClass.noEnv, text.noEnv);
  const stateFile = io.env.GLUSTER_LAB_SIM_STATE;
  if (!stateFile) throw new Error('GLUSTER_LAB_SIM_STATE is not set: the simulated vagrant runs only inside a simulated lab');
  const state = readStateFile(stateFile);
  const config = readLabConfig(io.cwd);
  const first = config.machines[0]?.name ?? 'default';
  const unknown = parsed.names.find((n) => !config.machines.some((m) => m.name === n));
  if (unknown !== undefined) return ui.fail(text.errorClass.machineNotFound, text.machineNotFound(unknown));
  const targets = parsed.names.length > 0 ? config.machines.filter((m) => parsed.names.includes(m.name)) : config.machines;
  // Vagrant asks the provider while loading the first targeted machine.
  if (state.scenarios.includes('virtualbox-missing')) return ui.fail(text.errorClass.providerNotUsable, text.providerNotUsable(targets[0]?.name ?? first));
  const ctx: UpContext = { ui, config, cwd: io.cwd, stateFile, state, speed: speedFromEnv(io.env), signal: io.signal };
  switch (command) {
    case 'status':
      return status(ui, state, targets);
    case 'validate':
      for (const m of targets) ui.record(m.name, 'metadata', 'provider', 'virtualbox');
      if (parsed.flags.has('--plain') || parsed.flags.has('--ignore-provider')) for (const m of targets) ui.machine(m.name, 'warn', 'Ignoring provider config for validation...');
      ui.env('info', text.validated);
      return 0;
    case 'ssh':
      return ssh(io, ui, state, config, parsed.names[0] ?? first, parsed.values.get('--command'));
    case 'up':
      return guarded(ctx, targets, async (m, index) => {
        const provision = parsed.flags.has('--provision') ? true : parsed.flags.has('--no-provision') ? false : undefined;
        await upMachine(ctx, m, index, provision);
      }, 'up');
    case 'provision':
      return guarded(ctx, targets, async (m) => {
        const s = state.machines[m.name]?.state ?? 'not_created';
        if (s !== 'running') {
          ui.machine(m.name, 'info', s === 'not_created' ? text.vmNotCreated : 'VM is not currently running. Please, first bring it up with `vagrant up` then run this command.');
          return;
        }
        ui.record(m.name, 'action', 'provision', 'start');
        await provisionMachine(ctx, m, false);
        ui.record(m.name, 'action', 'provision', 'end');
      }, 'provision');
    case 'halt':
      return guarded(ctx, [...targets].reverse(), async (m) => {
        const s = state.machines[m.name]?.state ?? 'not_created';
        if (s === 'not_created') return ui.machine(m.name, 'info', text.vmNotCreated);
        if (s !== 'running') return;
        ui.record(m.name, 'action', 'halt', 'start');
        ui.machine(m.name, 'output', 'Attempting graceful shutdown of VM...');
        await wait(ctx, 2500);
        setState(ctx, m.name, 'poweroff');
        ui.record(m.name, 'action', 'halt', 'end');
      }, 'halt');
    case 'destroy':
      return guarded(ctx, [...targets].reverse(), async (m) => {
        const s = state.machines[m.name]?.state ?? 'not_created';
        if (s === 'not_created') return ui.machine(m.name, 'info', text.vmNotCreated);
        ui.record(m.name, 'action', 'destroy', 'start');
        if (s === 'running') {
          ui.machine(m.name, 'info', 'Forcing shutdown of VM...');
          await wait(ctx, 1000);
        }
        ui.machine(m.name, 'info', 'Destroying VM and associated drives...');
        await wait(ctx, 1500);
        updateStateFile(ctx.stateFile, (st) => {
          delete st.machines[m.name];
          // The data disks go with the VMs: every Heketi volume is gone.
          if (m.role === 'gluster') st.heketi.volumes = [];
        });
        ui.record(m.name, 'action', 'destroy', 'end');
      }, 'destroy');
    default:
      return unknownCommand(ui, io);
  }
}

function unknownCommand(ui: VagrantUi, io: Streams): number {
  if (ui.machineReadable) {
    for (const name of mainHelpCommands()) ui.record('', 'cli-command', name);
    ui.record('', 'ui', 'info', mainHelp);
  } else {
    io.stdout.write(mainHelp);
  }
  return 1;
}

function mainHelpCommands(): string[] {
  return [...mainHelp.matchAll(/^ {5}([a-z-]+) {2,}/gm)].map((m) => m[1] as string);
}

function status(ui: VagrantUi, state: SimState, targets: readonly LabMachine[]): number {
  const width = Math.max(25, ...targets.map((m) => m.name.length));
  for (const m of targets) ui.record(m.name, 'metadata', 'provider', 'virtualbox');
  const rows: string[] = [];
  for (const m of targets) {
    const s = state.machines[m.name]?.state ?? 'not_created';
    const short = stateLabel[s] ?? s;
    ui.record(m.name, 'provider-name', 'virtualbox');
    ui.record(m.name, 'state', s);
    ui.record(m.name, 'state-human-short', short);
    ui.record(m.name, 'state-human-long', text.stateLong[s]);
    rows.push(`${m.name.padEnd(width)} ${short} (virtualbox)`);
  }
  const single = targets.length === 1 ? text.stateLong[state.machines[targets[0]?.name ?? '']?.state ?? 'not_created'] : text.statusListing;
  ui.env('info', `Current machine states:\n\n${rows.join('\n')}\n\n${single}`);
  return 0;
}

function ssh(io: VagrantIo, ui: VagrantUi, state: SimState, config: SimLabConfig, name: string, command: string | undefined): number {
  const s = state.machines[name]?.state ?? 'not_created';
  if (s === 'not_created') return ui.fail('Vagrant::Errors::VMNotCreatedError', text.vmCreationRequired);
  if (s !== 'running') return ui.fail('Vagrant::Errors::VMNotRunningError', text.vmNotRunning);
  if (command === undefined) {
    io.stderr.write('simulated vagrant: interactive ssh is not simulated; pass -c COMMAND\n');
    return 1;
  }
  const result = runGuestCommand(state, config, name, command);
  io.stdout.write(result.stdout);
  io.stderr.write(result.stderr);
  return result.exitCode;
}

/**
 * Runs one action per machine in order, turning failures and Ctrl-C into Vagrant's
 * reports: an error stops the remaining machines, as a sequential `vagrant up` does.
 */
async function guarded(ctx: UpContext, machines: readonly LabMachine[], act: (m: LabMachine, index: number) => Promise<void>, action: string): Promise<number> {
  const { ui } = ctx;
  for (const m of ctx.config.machines) ui.record(m.name, 'metadata', 'provider', 'virtualbox');
  if (action === 'up') for (const m of machines) ui.env('info', `Bringing machine '${m.name}' up with 'virtualbox' provider...`);
  let current = machines[0]?.name ?? '';
  try {
    for (const m of machines) {
      current = m.name;
      await withMachineLock(ctx.stateFile, m.name, () => act(m, ctx.config.machines.indexOf(m)));
    }
    return 0;
  } catch (error) {
    if (error instanceof MachineLocked) return ui.fail(text.errorClass.machineLocked, text.machineActionLocked(action, current));
    if (error instanceof Interrupted) {
      ui.machine(current, 'warn', text.waitingCleanup);
      return ui.fail(text.errorClass.interrupt, text.interrupted);
    }
    if (error instanceof VagrantFailure) return ui.fail(error.errorClass, error.message);
    throw error;
  }
}

async function wait(ctx: UpContext, ms: number): Promise<void> {
  if (!(await sleepSim(ms, ctx.speed, ctx.signal))) throw new Interrupted();
}

function setState(ctx: UpContext, name: string, value: 'running' | 'poweroff'): void {
  updateStateFile(ctx.stateFile, (s) => {
    const m = (s.machines[name] ??= { state: value, provisioned: false });
    m.state = value;
  });
}
