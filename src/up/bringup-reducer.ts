import { classifyAnsibleLine } from '../tools/ansible-output.js';
import type { VagrantEvent } from '../tools/vagrant-events.js';
import { isFinished, laterPhase, phaseOfLine, type VmPhase } from './bringup-phases.js';
import { emptyRing, pushLine, type LineRing } from './line-ring.js';

export type { VmPhase } from './bringup-phases.js';

/** PLAY RECAP counters of the VM's own playbook run. */
export interface RecapCounts {
  ok: number;
  changed: number;
  failed: number;
  unreachable: number;
}

export interface VmState {
  name: string;
  phase: VmPhase;
  /** The Ansible task running now (or the last one, once provisioning ended). */
  task?: string;
  /** The phase the VM was in when it failed. */
  failedIn?: VmPhase;
  /** The task that failed, when one did. */
  failedTask?: string;
  startedAt?: number;
  finishedAt?: number;
  recap?: RecapCounts;
  /** Recent output lines of this VM, bounded. */
  tail: LineRing;
  /** Recent error lines (Vagrant errors, Ansible fatal results), bounded. */
  errors: LineRing;
}

export type BringupOutcome = 'ok' | 'failed' | 'interrupted';

export interface BringupState {
  /** VMs in bring-up order; a VM Vagrant names that was not expected is added at the end. */
  order: readonly string[];
  vms: Readonly<Record<string, VmState>>;
  /** The VM whose `up` action runs now; unprefixed output (ansible_local) belongs to it. */
  active?: string;
  startedAt: number;
  finishedAt?: number;
  /** The user asked to stop (first Ctrl-C). */
  stopping: boolean;
  outcome?: BringupOutcome;
  /** Vagrant's closing error, and the VM it was about when one was running. */
  errorExit?: { errorClass: string; message: string; machine?: string };
  /** Lines that belong to no VM (Vagrant's own, before any VM starts). */
  general: LineRing;
  /** Lines seen so far; also tells a screen that something changed. */
  lineCount: number;
}

/** What the flow adds to Vagrant's events: when it stopped, and why. */
export type BringupEvent =
  | VagrantEvent
  | { type: 'stopping' }
  | { type: 'finished'; outcome: BringupOutcome };

export const TAIL_LINES = 200;
const VAGRANT_INTERRUPT = 'Vagrant::Errors::VagrantInterrupt';
const ERROR_LINES = 12;

export function initialBringup(machines: readonly string[], now: number): BringupState {
  const vms: Record<string, VmState> = {};
  for (const name of machines) vms[name] = newVm(name);
  return { order: [...machines], vms, startedAt: now, stopping: false, general: emptyRing(TAIL_LINES), lineCount: 0 };
}

/**
 * The bring-up model: one event in, the next state out. Pure (`now` is passed in);
 * states are never changed, only replaced, so a screen can compare them.
 */
export function reduceBringup(state: BringupState, event: BringupEvent, now: number): BringupState {
  switch (event.type) {
    case 'line':
      return onLine(state, event.machine, event.level, event.text, now);
    case 'action':
      return onAction(state, event.machine, event.action, event.state, now);
    case 'metadata':
      return event.key === 'provider' ? withVm(state, event.machine, (vm) => vm) : state;
    case 'error-exit':
      return onErrorExit(state, event.errorClass, event.message, now);
    case 'stopping':
      return { ...state, stopping: true };
    case 'finished':
      return onFinished(state, event.outcome, now);
  }
}

function onLine(state: BringupState, machine: string | undefined, level: string, text: string, now: number): BringupState {
  if (text.trim() === '') return state;
  const owner = machine ?? state.active;
  if (owner === undefined) {
    return { ...state, general: pushLine(state.general, text), lineCount: state.lineCount + 1 };
  }
  const next = withVm(state, owner, (vm) => {
    let changed: VmState = { ...vm, tail: pushLine(vm.tail, text) };
    if (level === 'error') changed.errors = pushLine(changed.errors, text);
    const phase = machine === undefined ? undefined : phaseOfLine(text);
    if (phase && !isFinished(vm.phase)) {
      changed.phase = laterPhase(vm.phase, phase);
      changed.startedAt ??= now;
    }
    // ansible_local prints through Vagrant's environment UI: no machine prefix.
    if (machine === undefined || vm.phase === 'provisioning') changed = onAnsibleLine(changed, text, level === 'error');
    return changed;
  });
  return { ...next, lineCount: state.lineCount + 1 };
}

function onAnsibleLine(vm: VmState, text: string, alreadyError: boolean): VmState {
  const line = classifyAnsibleLine(text);
  if (!line) return vm;
  switch (line.kind) {
    case 'task':
      return { ...vm, task: line.name };
    case 'result':
      if (line.status === 'fatal' || line.status === 'failed' || line.status === 'unreachable') {
        return { ...vm, failedTask: vm.task, errors: alreadyError ? vm.errors : pushLine(vm.errors, text) };
      }
      return vm;
    case 'recap':
      return { ...vm, recap: { ok: line.ok, changed: line.changed, failed: line.failed, unreachable: line.unreachable } };
    case 'play':
      return vm;
  }
}

function onAction(state: BringupState, machine: string, action: string, phase: 'start' | 'end', now: number): BringupState {
  if (action !== 'up') return state;
  if (phase === 'start') {
    const next = withVm(state, machine, (vm) => ({ ...vm, phase: laterPhase(vm.phase, 'booting'), startedAt: vm.startedAt ?? now }));
    return { ...next, active: machine };
  }
  const next = withVm(state, machine, (vm) => (vm.phase === 'failed' ? vm : { ...vm, phase: 'ready', finishedAt: now }));
  return { ...next, active: next.active === machine ? undefined : next.active };
}

function onErrorExit(state: BringupState, errorClass: string, message: string, now: number): BringupState {
  const machine = state.active;
  const errorExit = machine === undefined ? { errorClass, message } : { errorClass, message, machine };
  // Vagrant's answer to our own SIGINT: the VM did not fail, the user stopped it.
  if (machine === undefined || errorClass === VAGRANT_INTERRUPT) return { ...state, errorExit };
  const next = withVm(state, machine, (vm) => ({ ...vm, phase: 'failed', failedIn: vm.phase, finishedAt: now }));
  return { ...next, errorExit };
}

function onFinished(state: BringupState, outcome: BringupOutcome, now: number): BringupState {
  const vms: Record<string, VmState> = {};
  for (const name of state.order) {
    const vm = state.vms[name];
    if (!vm) continue;
    // A VM cut off by a failure did not finish; one stopped by the user keeps its phase
    // (the screen says the bring-up was interrupted).
    const cutOff = outcome === 'failed' && !isFinished(vm.phase) && vm.phase !== 'queued';
    vms[name] = cutOff ? { ...vm, phase: 'failed', failedIn: vm.phase, finishedAt: now } : vm;
  }
  return { ...state, vms, active: undefined, finishedAt: now, outcome };
}

function withVm(state: BringupState, name: string, change: (vm: VmState) => VmState): BringupState {
  const known = state.vms[name];
  const vm = known ?? newVm(name);
  const changed = change(vm);
  if (known && changed === known) return state;
  return {
    ...state,
    order: known ? state.order : [...state.order, name],
    vms: { ...state.vms, [name]: changed },
  };
}

function newVm(name: string): VmState {
  return { name, phase: 'queued', tail: emptyRing(TAIL_LINES), errors: emptyRing(ERROR_LINES) };
}

/** Seconds a VM has been working (or worked), at `now`. */
export function vmElapsedMs(vm: VmState, now: number): number | undefined {
  if (vm.startedAt === undefined) return undefined;
  return (vm.finishedAt ?? now) - vm.startedAt;
}

/** The VM a failure summary is about: the one Vagrant's error names, else the first failed. */
export function failedVm(state: BringupState): VmState | undefined {
  const named = state.errorExit?.machine;
  if (named) return state.vms[named];
  return state.order.map((n) => state.vms[n]).find((vm) => vm?.phase === 'failed');
}
