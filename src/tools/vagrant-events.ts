import type { MachineReadableRecord } from './vagrant-machine-readable.js';

export type VagrantLineLevel = 'info' | 'output' | 'detail' | 'warn' | 'error' | 'success';

/** What a running vagrant command reports, one event per visible line or state change. */
export type VagrantEvent =
  | { type: 'line'; machine?: string; level: VagrantLineLevel; text: string }
  | { type: 'action'; machine: string; action: string; state: 'start' | 'end' }
  | { type: 'metadata'; machine: string; key: string; value: string }
  | { type: 'error-exit'; errorClass: string; message: string };

const LEVELS: ReadonlySet<string> = new Set<VagrantLineLevel>(['info', 'output', 'detail', 'warn', 'error', 'success']);

// `==> gluster1: Booting VM...` (a step) and `    gluster1: SSH address: ...` (its detail,
// and every line a provisioner prints). The name is the machine's, dots and dashes allowed.
const PREFIX = /^(?:==> |    )([^\s:]+):(?: (.*))?$/s;

// Colour and erase-line sequences that leak from guest programs into ui data.
// eslint-disable-next-line no-control-regex
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

/** Splits a ui message into visible lines, moving each `==> name: ` prefix into `machine`. */
export function uiLines(target: string, level: VagrantLineLevel, message: string): VagrantEvent[] {
  const newline = message.indexOf('\n');
  // One line, perhaps ending in its own newline: the common case, without split and map.
  if (newline === -1 || newline === message.length - 1) return [uiLine(target, level, newline === -1 ? message : message.slice(0, -1))];
  const parts = message.split('\n');
  // A message that ends its own line (ansible_local's output does) shows no extra blank line.
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  return parts.map((raw) => uiLine(target, level, raw));
}

function uiLine(target: string, level: VagrantLineLevel, raw: string): VagrantEvent {
  const text = visibleText(raw);
  const prefixed = PREFIX.exec(text);
  if (prefixed && (target === '' || prefixed[1] === target)) {
    return { type: 'line', machine: prefixed[1], level, text: prefixed[2] ?? '' };
  }
  return target === '' ? { type: 'line', level, text } : { type: 'line', machine: target, level, text };
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
