import { displayWidth } from '../text/text-width.js';

const ESC = String.fromCharCode(27);
// CSI sequences (cursor moves, erases, colours) and OSC sequences (links, titles).
const ESCAPES = new RegExp(`${ESC}\\[[0-?]*[ -/]*[@-~]|${ESC}\\][^\\u0007]*(?:\\u0007|${ESC}\\\\)`, 'g');

export interface ReflowSafeOutput {
  /** The stream to give Ink. */
  stdout: NodeJS.WriteStream;
  /** Stops watching for resizes (after the screen is unmounted). */
  dispose(): void;
}

/** Rows `lines` take on a terminal `columns` wide: a line wider than that wraps onto more. */
function rowsAt(lines: readonly number[], columns: number): number {
  return lines.reduce((sum, width) => sum + Math.max(1, Math.ceil(width / columns)), 0);
}

/**
 * The terminal for an Ink screen, so that narrowing the window leaves no half of the old
 * frame above the new one. A terminal re-wraps what it shows when it narrows: a frame of N
 * lines then takes more than N rows, but Ink erases only N before drawing again (ink's
 * `resized`), and the extra rows stay on the screen. This remembers the last frame Ink
 * wrote and, when the window narrows, erases the rows the re-wrapping added, just before
 * Ink erases its N — together the whole old frame.
 */
export function reflowSafeOutput(stream: NodeJS.WriteStream): ReflowSafeOutput {
  let frame: number[] = [];
  let drawnAt = stream.columns;
  const write = (chunk: unknown, ...rest: unknown[]): boolean => {
    if (typeof chunk === 'string' && chunk !== '') {
      // Ink draws a frame as "erase the previous one" + the frame + a newline; it also
      // writes the erase alone (the frame is gone) and the cursor's hide/show (no change).
      const text = chunk.replace(ESCAPES, '');
      if (text !== '') frame = text.replace(/\n$/, '').split('\n').map(displayWidth);
      else if (chunk.includes(`${ESC}[2K`)) frame = [];
      drawnAt = stream.columns;
    }
    return (stream.write as (...args: unknown[]) => boolean)(chunk, ...rest);
  };
  const onResize = () => {
    const columns = stream.columns;
    if (!(columns > 0) || !(drawnAt > 0) || columns >= drawnAt || frame.length === 0) return;
    const extra = rowsAt(frame, columns) - rowsAt(frame, drawnAt);
    // eraseLines(extra + 1): this row and `extra` above it; Ink's own erase continues from there.
    if (extra > 0) stream.write(`${`${ESC}[2K${ESC}[1A`.repeat(extra)}${ESC}[2K${ESC}[G`);
    drawnAt = columns;
  };
  // Before Ink's own listener, which erases only the lines it wrote.
  stream.prependListener('resize', onResize);
  const stdout = new Proxy(stream, {
    get(target, property) {
      if (property === 'write') return write;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { stdout, dispose: () => stream.off('resize', onResize) };
}
