import { runTool, streamTool, type RunResult } from './run.js';
import { ToolError } from './tool-error.js';
import { ToolOutputError } from './tool-output-error.js';
import { defaultTimeouts, runOptions, type ToolOptions } from './tool-options.js';
import { vagrantArgs } from './vagrant-args.js';
import { withErrorExit } from './vagrant-error.js';
import { machineReadableEvents, type VagrantEvent } from './vagrant-events.js';
import { parseMachineReadableLine } from './vagrant-machine-readable.js';

export { VagrantError } from './vagrant-error.js';

const VAGRANT = 'vagrant';

/** One machine as `vagrant status` sees it: state is Vagrant's id (`running`, `poweroff`, `not_created`, ...). */
export interface MachineStatus {
  name: string;
  state: string;
  provider: string;
}

export interface VagrantStreamOptions extends ToolOptions {
  /** The full output is appended here (in the lab's logs/ directory). */
  logFile: string;
  onEvent: (event: VagrantEvent) => void;
  /** Only these machines (all when empty or absent). */
  machines?: readonly string[];
  /** Other vagrant commands append to the same log at the same time: write whole lines. */
  sharedLog?: boolean;
}

/** One installed box as `vagrant box list --machine-readable` names it. */
export interface InstalledBox {
  name: string;
  provider: string;
  version: string;
}

/** `vagrant --version` → "2.3.4". */
export async function vagrantVersion(opts: ToolOptions): Promise<string> {
  const result = await run(vagrantArgs.version(), opts, defaultTimeouts.version);
  const match = /^Vagrant (\d+\.\d+\.\d+\S*)/m.exec(result.stdout);
  if (!match?.[1]) throw new ToolOutputError(result, '"Vagrant X.Y.Z"');
  return match[1];
}

/** `vagrant status --machine-readable` → one entry per machine of the Vagrantfile, in its order. */
export async function vagrantStatus(opts: ToolOptions): Promise<MachineStatus[]> {
  const result = await run(vagrantArgs.status(), opts, defaultTimeouts.vagrantStatus);
  const machines = parseVagrantStatus(result.stdout);
  if (machines.length === 0) throw new ToolOutputError(result, 'state records');
  return machines;
}

/** Reads `state` and `provider-name` records; machines without a `state` record are left out. */
export function parseVagrantStatus(output: string): MachineStatus[] {
  const byName = new Map<string, { state?: string; provider?: string }>();
  for (const line of output.split('\n')) {
    const record = parseMachineReadableLine(line);
    if (!record || record.target === '') continue;
    const entry = byName.get(record.target) ?? {};
    if (record.type === 'state') entry.state = record.data[0];
    else if (record.type === 'provider-name') entry.provider = record.data[0];
    else if (record.type === 'metadata' && record.data[0] === 'provider') entry.provider ??= record.data[1];
    else continue;
    byName.set(record.target, entry);
  }
  return [...byName].flatMap(([name, { state, provider }]) => (state === undefined ? [] : [{ name, state, provider: provider ?? '' }]));
}

/**
 * `vagrant validate` → Vagrant's closing sentence ("Vagrantfile validated successfully.").
 * Without VirtualBox, plain validate fails with NoDefaultProvider; `ignoreProvider`
 * checks the Vagrantfile anyway.
 */
export async function vagrantValidate(opts: ToolOptions & { ignoreProvider?: boolean }): Promise<string> {
  const result = await run(vagrantArgs.validate(opts.ignoreProvider), opts, defaultTimeouts.vagrantValidate);
  return result.stdout.trim().split('\n').at(-1) ?? '';
}

/** `vagrant up --machine-readable`: events as they come, full output in `logFile`. */
export function vagrantUp(opts: VagrantStreamOptions & { provision?: boolean }): Promise<void> {
  return stream(vagrantArgs.up(opts.machines, opts.provision), opts, defaultTimeouts.vagrantUp);
}

/** `vagrant box list --machine-readable` → the installed boxes (none: an empty list). */
export async function vagrantBoxList(opts: ToolOptions): Promise<InstalledBox[]> {
  const result = await run(vagrantArgs.boxList(), opts, defaultTimeouts.vagrantStatus);
  return parseBoxList(result.stdout);
}

/** Reads the `box-name`, `box-provider`, `box-version` records, which come in that order per box. */
function parseBoxList(output: string): InstalledBox[] {
  const boxes: InstalledBox[] = [];
  for (const line of output.split('\n')) {
    const record = parseMachineReadableLine(line);
    const value = record?.data[0];
    if (value === undefined) continue;
    if (record?.type === 'box-name') boxes.push({ name: value, provider: '', version: '' });
    const last = boxes.at(-1);
    if (!last) continue;
    if (record?.type === 'box-provider') last.provider = value;
    else if (record?.type === 'box-version') last.version = value;
  }
  return boxes;
}

/** `vagrant box add BOX --provider virtualbox [--box-version V] --machine-readable`: downloads the box once, before the VMs import it. */
export function vagrantBoxAdd(box: string, version: string | undefined, opts: VagrantStreamOptions): Promise<void> {
  return stream(vagrantArgs.boxAdd(box, version), opts, defaultTimeouts.vagrantUp);
}

/** `vagrant halt --machine-readable`. */
export function vagrantHalt(opts: VagrantStreamOptions): Promise<void> {
  return stream(vagrantArgs.halt(opts.machines), opts, defaultTimeouts.vagrantHalt);
}

/** `vagrant destroy --force --machine-readable`. */
export function vagrantDestroy(opts: VagrantStreamOptions): Promise<void> {
  return stream(vagrantArgs.destroy(opts.machines), opts, defaultTimeouts.vagrantDestroy);
}

/** `vagrant provision --machine-readable`. */
export function vagrantProvision(opts: VagrantStreamOptions): Promise<void> {
  return stream(vagrantArgs.provision(opts.machines), opts, defaultTimeouts.vagrantProvision);
}

/** Runs COMMAND in the guest's shell (`vagrant ssh MACHINE -c COMMAND`) and returns its stdout. */
export async function vagrantSsh(machine: string, command: string, opts: ToolOptions): Promise<string> {
  const result = await run(vagrantArgs.ssh(machine, command), opts, defaultTimeouts.vagrantSsh);
  return result.stdout;
}

async function run(args: string[], opts: ToolOptions, defaultTimeoutMs: number): Promise<RunResult> {
  try {
    return await runTool(VAGRANT, args, runOptions(opts, defaultTimeoutMs));
  } catch (error) {
    throw error instanceof ToolError ? withErrorExit(error) : error;
  }
}

async function stream(args: string[], opts: VagrantStreamOptions, defaultTimeoutMs: number): Promise<void> {
  let errorExit: { errorClass: string; message: string } | undefined;
  const emit = (event: VagrantEvent) => {
    if (event.type === 'error-exit') errorExit = { errorClass: event.errorClass, message: event.message };
    opts.onEvent(event);
  };
  try {
    await streamTool(VAGRANT, args, {
      ...runOptions(opts, defaultTimeoutMs),
      logFile: opts.logFile,
      sharedLog: opts.sharedLog,
      onLine(line, source) {
        // Not a record: plugin or Ruby output that bypasses the machine-readable UI.
        if (!machineReadableEvents(line, emit) && line.trim() !== '') emit({ type: 'line', level: source === 'stderr' ? 'error' : 'output', text: line });
      },
    });
  } catch (error) {
    throw error instanceof ToolError ? withErrorExit(error, errorExit) : error;
  }
}
