import { classifyAnsibleLine } from '../tools/ansible-output.js';
import type { VagrantEvent } from '../tools/vagrant-events.js';
import { isFinished, laterPhase, phaseOfLine, type VmPhase } from './bringup-phases.js';
import { emptyRing, pushLine, pushLines, type LineRing } from './line-ring.js';

export type { VmPhase } from './bringup-phases.js';

/** PLAY RECAP counters of the VM's own playbook run. */
interface RecapCounts {
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
  return { order: [...machines], vms, active: undefined, startedAt: now, finishedAt: undefined, stopping: false, outcome: undefined, errorExit: undefined, general: emptyRing(TAIL_LINES), lineCount: 0 };
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
      return event.key === 'provider' && !state.vms[event.machine] ? withVm(state, newVm(event.machine), newVm(event.machine), true, state.lineCount) : state;
    case 'error-exit':
      // A caller that ran vagrant for one VM says whose error it is, or that it is no VM's
      // (`machine` present but undefined); else it is the VM whose action runs now.
      return onErrorExit(state, event.errorClass, event.message, 'machine' in event ? event.machine : state.active, now);
    case 'stopping':
      return stateWith(state, { stopping: true });
    case 'finished':
      return onFinished(state, event.outcome, now);
  }
}

/**
 * Where a line goes when all it does is join a tail: the owning VM's name, or '' for the
 * general lines. Undefined when the line does more (or nothing: a blank line). Most lines
 * of a bring-up (package-manager chatter inside a task) are such lines; a store may
 * gather them and hand them over with appendTail, with the same result as one by one.
 */
export function tailOnlyOwner(state: BringupState, event: BringupEvent): string | undefined {
  if (event.type !== 'line' || event.level === 'error') return undefined;
  const text = event.text;
  if (isBlank(text)) return undefined;
  const owner = event.machine ?? state.active;
  if (owner === undefined) return '';
  const vm = state.vms[owner];
  if (vm === undefined) return undefined;
  if (event.machine !== undefined && phaseOfLine(text) !== undefined) return undefined;
  // ansible_local prints through Vagrant's environment UI: no machine prefix.
  if ((event.machine === undefined || vm.phase === 'provisioning') && mayBeAnsible(text)) return undefined;
  return owner;
}

/** `state` with `lines` appended to the tail of `owner` ('' for the general lines), as tailOnlyOwner gave it. */
export function appendTail(state: BringupState, owner: string, lines: readonly string[]): BringupState {
  if (lines.length === 0) return state;
  const lineCount = state.lineCount + lines.length;
  if (owner === '') return stateWith(state, { general: pushLines(state.general, lines), lineCount });
  const vm = state.vms[owner];
  if (vm === undefined) return state;
  return withVm(state, vm, vmWith(vm, { tail: pushLines(vm.tail, lines) }), false, lineCount);
}

function onLine(state: BringupState, machine: string | undefined, level: string, text: string, now: number): BringupState {
  if (isBlank(text)) return state;
  const owner = machine ?? state.active;
  const known = owner === undefined ? undefined : state.vms[owner];
  // A line never adds a VM (the lab's configuration and Vagrant's action and metadata
  // records name them): one for a VM not in the list is a general line.
  if (known === undefined) return stateWith(state, { general: pushLine(state.general, text), lineCount: state.lineCount + 1 });
  const vm = known;
  const isError = level === 'error';
  const phase = machine === undefined ? undefined : phaseOfLine(text);
  // ansible_local prints through Vagrant's environment UI: no machine prefix.
  const ansible = (machine === undefined || vm.phase === 'provisioning') && mayBeAnsible(text);
  if (known && !isError && !ansible && phase === undefined) return withVm(state, vm, vmWith(vm, { tail: pushLine(vm.tail, text) }), false, state.lineCount + 1);
  const change: Partial<VmState> = { tail: pushLine(vm.tail, text) };
  if (isError) change.errors = pushLine(vm.errors, text);
  if (phase && !isFinished(vm.phase)) {
    change.phase = laterPhase(vm.phase, phase);
    if (vm.startedAt === undefined) change.startedAt = now;
  }
  if (ansible) ansibleChange(vm, text, isError, change);
  return withVm(state, vm, vmWith(vm, change), known === undefined, state.lineCount + 1);
}

const NOT_BLANK = /\S/;

function isBlank(text: string): boolean {
  // A visible first character settles it without the regex (nearly every line).
  return text.length === 0 || (text.charCodeAt(0) <= 32 && !NOT_BLANK.test(text));
}

// Ansible's lines that say something start with one of these words (or are RECAP rows,
// which hold ": ok="), listed by first letter: one comparison keeps the package-manager
// chatter ("Get:1 http://...", "Setting up ...") away from the line classifier.
const ANSIBLE_STARTS: Readonly<Record<string, readonly string[]>> = {
  P: ['PLAY'],
  T: ['TASK'],
  R: ['RUNNING'],
  H: ['HANDLER'],
  N: ['NOTIFIED'],
  G: ['GATHERING'],
  o: ['ok:'],
  c: ['changed:'],
  f: ['failed:', 'fatal:'],
  s: ['skipping:'],
  u: ['unreachable:'],
};

function mayBeAnsible(text: string): boolean {
  const words = ANSIBLE_STARTS[text.charAt(0)];
  if (words !== undefined) for (const word of words) if (text.startsWith(word)) return true;
  return text.includes(': ok=');
}

/** Adds to `change` what an Ansible line says about the VM (its task, a failure, the RECAP). */
function ansibleChange(vm: VmState, text: string, alreadyError: boolean, change: Partial<VmState>): void {
  const line = classifyAnsibleLine(text);
  if (!line) return;
  if (line.kind === 'task') change.task = line.name;
  else if (line.kind === 'recap') change.recap = { ok: line.ok, changed: line.changed, failed: line.failed, unreachable: line.unreachable };
  else if (line.kind === 'result' && (line.status === 'fatal' || line.status === 'failed' || line.status === 'unreachable')) {
    change.failedTask = vm.task;
    if (!alreadyError) change.errors = pushLine(change.errors ?? vm.errors, text);
  }
}

function onAction(state: BringupState, machine: string, action: string, phase: 'start' | 'end', now: number): BringupState {
  if (action !== 'up') return state;
  const known = state.vms[machine];
  const vm = known ?? newVm(machine);
  if (phase === 'start') {
    const started = vmWith(vm, { phase: laterPhase(vm.phase, 'booting'), startedAt: vm.startedAt ?? now });
    return stateWith(withVm(state, vm, started, known === undefined, state.lineCount), { active: machine });
  }
  const ended = vm.phase === 'failed' ? vm : vmWith(vm, { phase: 'ready', finishedAt: now });
  const next = withVm(state, vm, ended, known === undefined, state.lineCount);
  return next.active === machine ? stateWith(next, { active: undefined }) : next;
}

function onErrorExit(state: BringupState, errorClass: string, message: string, machine: string | undefined, now: number): BringupState {
  const errorExit = machine === undefined ? { errorClass, message } : { errorClass, message, machine };
  const vm = machine === undefined ? undefined : state.vms[machine];
  // Vagrant's answer to our own SIGINT: the VM did not fail, the user stopped it. In a
  // parallel bring-up the first real failure stays the one the summary explains.
  if (errorClass === VAGRANT_INTERRUPT && state.errorExit !== undefined && state.errorExit.errorClass !== VAGRANT_INTERRUPT) return state;
  if (vm === undefined || errorClass === VAGRANT_INTERRUPT) return stateWith(state, { errorExit });
  if (state.errorExit !== undefined && state.errorExit.errorClass !== VAGRANT_INTERRUPT) {
    return withVm(state, vm, vmWith(vm, { phase: 'failed', failedIn: vm.phase, finishedAt: now }), false, state.lineCount);
  }
  const failed = vmWith(vm, { phase: 'failed', failedIn: vm.phase, finishedAt: now });
  return stateWith(withVm(state, vm, failed, false, state.lineCount), { errorExit });
}

function onFinished(state: BringupState, outcome: BringupOutcome, now: number): BringupState {
  const vms: Record<string, VmState> = {};
  for (const name of state.order) {
    const vm = state.vms[name];
    if (!vm) continue;
    // A VM cut off by a failure did not finish; one stopped by the user keeps its phase
    // (the screen says the bring-up was interrupted).
    const cutOff = outcome === 'failed' && !isFinished(vm.phase) && vm.phase !== 'queued';
    vms[name] = cutOff ? vmWith(vm, { phase: 'failed', failedIn: vm.phase, finishedAt: now }) : vm;
  }
  return stateWith(state, { vms, active: undefined, finishedAt: now, outcome });
}

// States are rebuilt with every field written out (no object spread): every state and
// every VM then has one shape, which keeps a 100,000-line bring-up cheap to reduce.

// The two copies below are on the hot path (one per line of a flood), so they list the
// fields instead of spreading. `satisfies Record<keyof …>` makes the compiler reject a
// field left out; an optional field is taken from the change when the change names it,
// so it can be cleared (`{ active: undefined }`), and kept when the change does not.
function stateWith(s: BringupState, c: Partial<BringupState>): BringupState {
  return {
    order: c.order ?? s.order,
    vms: c.vms ?? s.vms,
    active: 'active' in c ? c.active : s.active,
    startedAt: c.startedAt ?? s.startedAt,
    finishedAt: 'finishedAt' in c ? c.finishedAt : s.finishedAt,
    stopping: c.stopping ?? s.stopping,
    outcome: 'outcome' in c ? c.outcome : s.outcome,
    errorExit: 'errorExit' in c ? c.errorExit : s.errorExit,
    general: c.general ?? s.general,
    lineCount: c.lineCount ?? s.lineCount,
  } satisfies Record<keyof BringupState, unknown>;
}

function vmWith(vm: VmState, c: Partial<VmState>): VmState {
  return {
    name: vm.name,
    phase: c.phase ?? vm.phase,
    task: 'task' in c ? c.task : vm.task,
    failedIn: 'failedIn' in c ? c.failedIn : vm.failedIn,
    failedTask: 'failedTask' in c ? c.failedTask : vm.failedTask,
    startedAt: 'startedAt' in c ? c.startedAt : vm.startedAt,
    finishedAt: 'finishedAt' in c ? c.finishedAt : vm.finishedAt,
    recap: 'recap' in c ? c.recap : vm.recap,
    tail: c.tail ?? vm.tail,
    errors: c.errors ?? vm.errors,
  } satisfies Record<keyof VmState, unknown>;
}

/** `state` with `changed` in place of `vm` (added at the end of the order when new). */
function withVm(state: BringupState, vm: VmState, changed: VmState, isNew: boolean, lineCount: number): BringupState {
  if (changed === vm && !isNew && lineCount === state.lineCount) return state;
  const order = isNew ? [...state.order, vm.name] : state.order;
  const vms: Record<string, VmState> = {};
  for (const name of order) vms[name] = name === vm.name ? changed : (state.vms[name] as VmState);
  return stateWith(state, { order, vms, lineCount });
}

function newVm(name: string): VmState {
  return { name, phase: 'queued', task: undefined, failedIn: undefined, failedTask: undefined, startedAt: undefined, finishedAt: undefined, recap: undefined, tail: emptyRing(TAIL_LINES), errors: emptyRing(ERROR_LINES) };
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
