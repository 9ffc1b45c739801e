import { appendFile } from 'node:fs/promises';
import type { AppContext } from '../context.js';
import type { LabConfig } from '../lab/config-schema.js';
import { ToolError } from '../tools/tool-error.js';
import { VagrantError, vagrantBoxAdd, vagrantBoxList, vagrantStatus, vagrantUp } from '../tools/vagrant.js';
import type { VagrantEvent } from '../tools/vagrant-events.js';
import { bringupPlan } from '../up/bringup-order.js';
import type { BringupOutcome } from '../up/bringup-reducer.js';
import type { BringupStore } from '../up/bringup-store.js';
import { overallOutcome, runParallelBringup, type MachineOutcome } from '../up/parallel-bringup.js';
import { toolOptions } from './tool-options-from-context.js';

export interface ParallelUpRun {
  store: BringupStore;
  logFile: string;
  /** Whether this VM's `vagrant up` gets --provision (asked for, or its last provisioning failed). */
  provision(name: string): boolean;
  /** Every event as the store gets it, each line naming its VM (plain output prints them). */
  onEvent?: (event: VagrantEvent) => void;
}

/**
 * The parallel `up`: the lab's box added once when it is missing (so the VMs do not each
 * download it), then one `vagrant up NAME` per VM at the same time, Heketi after the
 * gluster nodes. Every child's records feed the one store and the one log; the outcome,
 * never a throw for a vagrant failure.
 */
export async function parallelUp(ctx: AppContext, config: LabConfig, run: ParallelUpRun): Promise<BringupOutcome> {
  const { store } = run;
  const emit = (event: VagrantEvent) => {
    run.onEvent?.(event);
    store.dispatch(event);
  };
  const boxReady = await ensureBox(ctx, config, run.logFile, emit);
  let outcome: BringupOutcome = boxReady;
  if (boxReady === 'ok') {
    const results = await runParallelBringup({
      steps: bringupPlan(config),
      signal: ctx.signal,
      upOne: (name) => upOne(ctx, name, run, emit),
    });
    outcome = overallOutcome(results, ctx.signal.aborted);
  }
  store.dispatch({ type: 'finished', outcome });
  return outcome;
}

/** `vagrant up NAME`, its unprefixed lines (ansible_local's) and its error given to NAME. */
async function upOne(ctx: AppContext, name: string, run: ParallelUpRun, emit: (event: VagrantEvent) => void): Promise<Exclude<MachineOutcome, 'not-started'>> {
  let errorExit = false;
  // Until Vagrant starts the VM's `up` action, a failure is Vagrant's own (no provider, a
  // broken Vagrantfile), not the VM's: its error-exit names no VM, as in a plain `vagrant up`.
  let started = false;
  try {
    await vagrantUp({
      ...toolOptions(ctx),
      cwd: ctx.labDir,
      machines: [name],
      provision: run.provision(name),
      logFile: run.logFile,
      sharedLog: true,
      onEvent(event) {
        if (event.type === 'error-exit') errorExit = true;
        if (event.type === 'action' && event.machine === name) started = true;
        emit(owned(event, name, started));
      },
    });
    return 'ok';
  } catch (error) {
    if (!(error instanceof ToolError)) throw error;
    if (error.kind === 'interrupted' || ctx.signal.aborted) return 'interrupted';
    // vagrant missing, or a crash without an error-exit record: its words are the evidence.
    if (!errorExit) for (const text of error.message.split('\n')) emit({ type: 'line', machine: name, level: 'error', text });
    return 'failed';
  }
}

/** Every line of `vagrant up NAME` is about NAME; its error is NAME's once the VM started. */
function owned(event: VagrantEvent, name: string, started: boolean): VagrantEvent {
  if (event.type === 'line' && event.machine === undefined) return { type: 'line', machine: name, level: event.level, text: event.text };
  if (event.type === 'error-exit') return { type: 'error-exit', errorClass: event.errorClass, message: event.message, machine: started ? name : undefined };
  return event;
}

/**
 * The box every VM imports (the pinned version, when gluster-lab.yaml pins one), added
 * before they start when it is missing. `vagrant box add`
 * speaks as the machine "box": its lines go to the general lines, not to a VM row.
 * First `vagrant status`, which answers at once whether VirtualBox is usable (the Vagrantfile
 * names it): without it, no box of several hundred MB is downloaded for nothing.
 */
async function ensureBox(ctx: AppContext, config: LabConfig, logFile: string, emit: (event: VagrantEvent) => void): Promise<BringupOutcome> {
  const { box, box_version: version } = config;
  let errorExit = false;
  try {
    try {
      await vagrantStatus({ ...toolOptions(ctx), cwd: ctx.labDir });
    } catch (error) {
      if (!(error instanceof VagrantError)) throw error;
      // Vagrant's own refusal (ProviderNotUsable…), as `vagrant up` would have said it, and
      // its output in the log the summary names.
      errorExit = true;
      await appendFile(logFile, [error.stdoutTail, error.stderrTail].filter(Boolean).join('\n') + '\n');
      for (const text of error.vagrantMessage.split('\n')) emit({ type: 'line', machine: undefined, level: 'error', text });
      emit({ type: 'error-exit', errorClass: error.errorClass, message: error.vagrantMessage, machine: undefined });
      return 'failed';
    }
    const installed = await vagrantBoxList({ ...toolOptions(ctx), cwd: ctx.labDir });
    // A pinned version must be the one installed; else any version does, as for Vagrant.
    if (installed.some((b) => b.name === box && b.provider === 'virtualbox' && (version === undefined || b.version === version))) return 'ok';
    await vagrantBoxAdd(box, version, {
      ...toolOptions(ctx),
      cwd: ctx.labDir,
      logFile,
      sharedLog: true,
      onEvent(event) {
        if (event.type === 'error-exit') errorExit = true;
        emit(event.type === 'line' ? { type: 'line', machine: undefined, level: event.level, text: event.text } : event);
      },
    });
    return 'ok';
  } catch (error) {
    if (!(error instanceof ToolError)) throw error;
    if (error.kind === 'interrupted' || ctx.signal.aborted) return 'interrupted';
    // vagrant missing, or a crash without an error-exit record: its words are the evidence.
    if (!errorExit) for (const text of error.message.split('\n')) emit({ type: 'line', machine: undefined, level: 'error', text });
    return 'failed';
  }
}
