import { machineReadableLine } from './machine-readable-format.js';

export type UiLevel = 'info' | 'output' | 'detail' | 'warn' | 'error' | 'success';

export interface Streams {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/**
 * Vagrant's two UIs: --machine-readable (every record on stdout, encoded) and the plain
 * one (text as is, errors on stderr, non-ui records not shown).
 */
export class VagrantUi {
  constructor(
    private readonly streams: Streams,
    readonly machineReadable: boolean,
  ) {}

  record(target: string, type: string, ...data: string[]): void {
    if (this.machineReadable) this.streams.stdout.write(`${machineReadableLine(target, type, data)}\n`);
  }

  /** A message of a machine's prefixed UI: `==> name: text` (or `    name: ` for details). */
  machine(name: string, level: UiLevel, text: string): void {
    const lead = level === 'detail' ? `    ${name}: ` : `==> ${name}: `;
    this.say(name, level, text.split('\n').map((line) => `${lead}${line}`).join('\n'));
  }

  /** A message of the environment's UI: no target, no prefix. */
  env(level: UiLevel, text: string): void {
    this.say('', level, text);
  }

  /** Raw guest output (ansible_local writes through the environment UI with no prefix). */
  raw(text: string): void {
    if (this.machineReadable) this.record('', 'ui', 'info', text);
    else this.streams.stdout.write(text);
  }

  /** How bin/vagrant reports a Vagrant::Errors::* exception. */
  fail(errorClass: string, message: string): number {
    this.say('', 'error', message);
    this.record('', 'error-exit', errorClass, message);
    return 1;
  }

  private say(target: string, level: UiLevel, text: string): void {
    if (this.machineReadable) {
      this.record(target, 'ui', level, text);
      return;
    }
    (level === 'error' ? this.streams.stderr : this.streams.stdout).write(`${text}\n`);
  }
}
