import { EventEmitter } from 'node:events';
import { render, type Instance } from 'ink';
import type { ReactElement } from 'react';
import { displayWidth } from '../../src/text/text-width.js';

/** A terminal's output side as Ink sees it, `columns` wide; every frame kept (Ink's debug mode writes whole frames). */
class FakeStdout extends EventEmitter {
  frames: string[] = [];
  constructor(public columns: number) {
    super();
  }
  write = (frame: string) => {
    this.frames.push(frame);
    return true;
  };
  /** Narrows or widens the terminal, as a window resize does. */
  resize(columns: number) {
    this.columns = columns;
    this.emit('resize');
  }
}

/** Keys in: Ink reads with 'readable' + read(), as from a real terminal in raw mode. */
class FakeStdin extends EventEmitter {
  isTTY = true;
  private data: string | null = null;
  write(data: string) {
    this.data = data;
    this.emit('readable');
    this.emit('data', data);
  }
  read = () => {
    const { data } = this;
    this.data = null;
    return data;
  };
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
}

export interface RenderedScreen {
  instance: Instance;
  stdout: FakeStdout;
  stdin: FakeStdin;
  lastFrame: () => string;
  /** The last frame's lines, colour removed. */
  lines: () => string[];
}

const SGR = new RegExp(`${String.fromCharCode(27)}\\[[\\d;]*m`, 'g');

/** Renders `tree` as ink-testing-library does, but in a terminal `columns` wide. */
export function renderAtWidth(tree: ReactElement, columns: number): RenderedScreen {
  const stdout = new FakeStdout(columns);
  const stdin = new FakeStdin();
  // Ink reads these streams duck-typed; the fakes carry what it uses.
  const instance = render(tree, { stdout: stdout as unknown as NodeJS.WriteStream, stderr: stdout as unknown as NodeJS.WriteStream, stdin: stdin as unknown as NodeJS.ReadStream, debug: true, exitOnCtrlC: false, patchConsole: false });
  const lastFrame = () => (stdout.frames.at(-1) ?? '').replace(SGR, '');
  return { instance, stdout, stdin, lastFrame, lines: () => lastFrame().split('\n') };
}

/** Lines of `frame` wider than `columns`, measured as the terminal measures them. */
export function linesWiderThan(lines: readonly string[], columns: number): string[] {
  return lines.filter((line) => displayWidth(line) > columns);
}

export const tick = (ms = 50) => new Promise((r) => setTimeout(r, ms));
