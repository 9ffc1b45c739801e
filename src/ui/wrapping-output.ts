import { wrapLine } from '../text/line-break.js';

const ESC = String.fromCharCode(27);

/**
 * A terminal stream whose plain text is wrapped to the terminal's width before it is
 * written: at spaces and Japanese break points, never inside a quoted command, a path or a
 * number with its unit, continuation lines under the text after a line's mark. Without it
 * the terminal cuts every long line at the last column — "20" at the end of one line and
 * ".0 GiB" at the start of the next. Every flow prints through the context's streams, so
 * this one wrapper covers them all.
 *
 * Writes that carry escape sequences (Ink's frames, prompts, a redrawn countdown) lay
 * themselves out and pass through untouched, as does everything when the width is unknown.
 * Everything but `write` is the terminal's own (columns, resize events, raw mode).
 */
export function wrappingOutput<S extends NodeJS.WriteStream>(stream: S): S {
  const write = (chunk: unknown, ...rest: unknown[]): boolean => {
    const columns = stream.columns;
    if (typeof chunk !== 'string' || !(columns > 0) || chunk.includes(ESC) || chunk.includes('\r')) {
      return (stream.write as (...args: unknown[]) => boolean)(chunk, ...rest);
    }
    const wrapped = chunk
      .split('\n')
      .map((line) => wrapLine(line, columns, { hang: true }).join('\n'))
      .join('\n');
    return (stream.write as (...args: unknown[]) => boolean)(wrapped, ...rest);
  };
  return new Proxy(stream, {
    get(target, property) {
      if (property === 'write') return write;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
