import { stripVTControlCharacters } from 'node:util';

/** What a flow wrote to one of the program's streams, as far as `--json` needs to know. */
export interface OutputTap {
  /** True once a line starting a JSON document (`{` or `[`) was written: the flow gave its answer. */
  wroteJson(): boolean;
  /** The last few kilobytes written, without colours: the sentence a failed flow printed. */
  recentText(): string;
}

const keep = 4096;

/**
 * Watches what goes through `stream.write` without changing it. Only `--json` runs install
 * it: a failure that printed no JSON document still has to end in `{"error":…}` on stdout,
 * with the sentence the flow wrote to stderr as its message.
 */
export function tapOutput(stream: NodeJS.WritableStream): OutputTap {
  let json = false;
  let recent = '';
  let atLineStart = true;
  const original = stream.write.bind(stream) as (...args: unknown[]) => boolean;
  (stream as { write: (...args: unknown[]) => boolean }).write = (chunk: unknown, ...rest: unknown[]) => {
    const text = typeof chunk === 'string' ? chunk : chunk instanceof Uint8Array ? Buffer.from(chunk).toString('utf8') : '';
    text.split('\n').forEach((line, i) => {
      if ((i > 0 || atLineStart) && /^\s*[[{]/.test(line)) json = true;
    });
    if (text.length > 0) atLineStart = text.endsWith('\n');
    recent = (recent + text).slice(-keep);
    return original(chunk, ...rest);
  };
  return {
    wroteJson: () => json,
    // Colours and cursor moves are no part of a sentence.
    recentText: () => stripVTControlCharacters(recent),
  };
}
