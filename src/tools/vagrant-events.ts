import { isDigits, parseMachineReadableLine, unescapeField, type MachineReadableRecord } from './vagrant-machine-readable.js';

type VagrantLineLevel = 'info' | 'output' | 'detail' | 'warn' | 'error' | 'success';

/** What a running vagrant command reports, one event per visible line or state change. */
export type VagrantEvent =
  | { type: 'line'; machine?: string; level: VagrantLineLevel; text: string }
  | { type: 'action'; machine: string; action: string; state: 'start' | 'end' }
  | { type: 'metadata'; machine: string; key: string; value: string }
  /**
   * `machine`: set by a caller that ran vagrant for one machine (Vagrant's record names
   * none); present but undefined when the error is that run's, yet no VM's.
   */
  | { type: 'error-exit'; errorClass: string; message: string; machine?: string };

const LEVEL_LIST: readonly VagrantLineLevel[] = ['info', 'output', 'detail', 'warn', 'error', 'success'];
const LEVELS: ReadonlySet<string> = new Set<string>(LEVEL_LIST);

// `==> gluster1: Booting VM...` (a step) and `    gluster1: SSH address: ...` (its detail,
// and every line a provisioner prints). The name is the machine's, dots and dashes allowed.
const PREFIX = /^(?:==> | {4})([^\s:]+):(?: (.*))?$/s;

// Colour and erase-line sequences that leak from guest programs into ui data.
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;

/** Turns one machine-readable record into the events it stands for (none for types we do not use). */
export function recordToEvents(record: MachineReadableRecord): VagrantEvent[] {
  const [first = '', second = ''] = record.data;
  switch (record.type) {
    case 'ui':
      return uiLines(record.target, LEVELS.has(first) ? (first as VagrantLineLevel) : 'info', record.data.length === 2 ? second : record.data.slice(1).join(','));
    case 'action':
      return second === 'start' || second === 'end' ? [{ type: 'action', machine: record.target, action: first, state: second }] : [];
    case 'metadata':
      return [{ type: 'metadata', machine: record.target, key: first, value: second }];
    case 'error-exit':
      return [{ type: 'error-exit', errorClass: first, message: record.data.slice(1).join(',') }];
    default:
      return [];
  }
}

/**
 * The events of one raw `--machine-readable` output line, given to `emit`; false when
 * the line is not a record. The same result as parseMachineReadableLine + recordToEvents,
 * without building the record: a `vagrant up` prints hundreds of thousands of `ui`
 * lines, so those are cut out of the line with indexOf and unescaped only when they
 * hold an escape (most hold none, or only the `\n` that ends them).
 */
export function machineReadableEvents(line: string, emit: (event: VagrantEvent) => void): boolean {
  const end = line.charCodeAt(line.length - 1) === 13 ? line.length - 1 : line.length;
  const afterTimestamp = line.indexOf(',');
  if (afterTimestamp <= 0 || afterTimestamp >= end || !isDigits(line, afterTimestamp)) return false;
  const afterTarget = line.indexOf(',', afterTimestamp + 1);
  if (afterTarget === -1 || afterTarget >= end) return false;
  let afterType = line.indexOf(',', afterTarget + 1);
  if (afterType === -1 || afterType > end) afterType = end;
  if (afterType === afterTarget + 1) return false;
  if (afterType - afterTarget === 3 && line.startsWith('ui', afterTarget + 1)) {
    uiRecord(line, line.slice(afterTimestamp + 1, afterTarget), afterType, end, emit);
    return true;
  }
  // Every other type is rare: the general parser is simple and good enough for them.
  const record = parseMachineReadableLine(line);
  if (record) for (const event of recordToEvents(record)) emit(event);
  return true;
}

function uiRecord(line: string, target: string, afterType: number, end: number, emit: (event: VagrantEvent) => void): void {
  // `level,message`: the level ends at the next comma (or the line's end, with no message).
  const comma = afterType >= end ? -1 : line.indexOf(',', afterType + 1);
  const levelTo = comma === -1 || comma >= end ? end : comma;
  const level = levelAt(line, afterType + 1, levelTo);
  const start = levelTo + 1;
  if (start >= end) {
    emit(uiLine(target, level, ''));
    return;
  }
  const backslash = line.indexOf('\\', start);
  const escapes = backslash !== -1 && backslash < end;
  if (line.indexOf('%!(', start) === -1) {
    // No escape, or only the `\n` that ends the line (ansible_local's output): one line as it is.
    if (!escapes) {
      emit(uiLine(target, level, line.slice(start, end)));
      return;
    }
    if (backslash === end - 2 && line.charCodeAt(end - 1) === 110) {
      emit(uiLine(target, level, line.slice(start, end - 2)));
      return;
    }
  }
  for (const event of uiLines(target, level, unescapeField(line.slice(start, end)))) emit(event);
}

/** The ui level between `from` and `to`, read without cutting it out ('info' for an unknown word). */
function levelAt(line: string, from: number, to: number): VagrantLineLevel {
  for (const level of LEVEL_LIST) if (to - from === level.length && line.startsWith(level, from)) return level;
  return 'info';
}

/** Splits a ui message into visible lines, moving each `==> name: ` prefix into `machine`. */
function uiLines(target: string, level: VagrantLineLevel, message: string): VagrantEvent[] {
  const newline = message.indexOf('\n');
  // One line, perhaps ending in its own newline: the common case, without split and map.
  if (newline === -1 || newline === message.length - 1) return [uiLine(target, level, newline === -1 ? message : message.slice(0, -1))];
  const parts = message.split('\n');
  // A message that ends its own line (ansible_local's output does) shows no extra blank line.
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  return parts.map((raw) => uiLine(target, level, raw));
}

/**
 * One visible line. The machine is the record's target field, never a name read from the
 * text: guest output may quote a prefix (`==> db: ready` echoed by a provisioner, a log
 * printed by ansible) and must not make a VM of it. A prefix naming the target is Vagrant's
 * own and is cut off; any other stays part of the text.
 */
function uiLine(target: string, level: VagrantLineLevel, raw: string): VagrantEvent {
  const text = visibleText(raw);
  // Only lines starting `==> ` or four spaces can carry a prefix: skip the regex for the rest.
  const first = text.charCodeAt(0);
  const prefixed = target !== '' && (first === 61 || first === 32) ? PREFIX.exec(text) : null;
  if (prefixed && prefixed[1] === target) {
    return { type: 'line', machine: target, level, text: prefixed[2] ?? '' };
  }
  // Every line event this parser makes has the same four fields (machine may be undefined):
  // one object shape keeps the code that reads 100,000 of them monomorphic.
  return { type: 'line', machine: target === '' ? undefined : target, level, text };
}

/** What a terminal would show: the text after the last carriage return, without escape sequences. */
function visibleText(raw: string): string {
  // Most lines have neither: skip the work (this runs for every line of a long `up`).
  if (!raw.includes('\x1b') && !raw.includes('\r')) return raw;
  const parts = raw.replace(ANSI, '').split('\r');
  for (let i = parts.length - 1; i >= 0; i--) {
    if (parts[i] !== '') return parts[i] ?? '';
  }
  return '';
}
