import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { reflowSafeOutput } from '../../../src/ui/reflow-safe-output.js';

const ESC = '\u001b';

function terminal(columns: number) {
  const raw = new PassThrough();
  const chunks: string[] = [];
  raw.on('data', (c: Buffer) => chunks.push(c.toString()));
  Object.assign(raw, { columns, isTTY: true });
  const stream = raw as unknown as NodeJS.WriteStream & { columns: number };
  return { stream, chunks };
}

describe('an Ink screen on a terminal that narrows', () => {
  it('erases the rows the terminal re-wrapped the last frame onto, before Ink erases its own lines', () => {
    const { stream, chunks } = terminal(80);
    const out = reflowSafeOutput(stream);
    const inkErases: string[] = [];
    // Ink's own listener, registered after ours as Ink does when it renders.
    out.stdout.on('resize', () => inkErases.push('ink'));
    // A frame of three lines: 70, 10 and 70 columns wide.
    out.stdout.write(`${ESC}[2K${'a'.repeat(70)}\n${'b'.repeat(10)}\n${'c'.repeat(70)}\n`);
    chunks.length = 0;
    stream.columns = 40;
    stream.emit('resize');
    // At 40 columns the two long lines take two rows each: two rows more than Ink knows of.
    expect(chunks.join('')).toBe(`${ESC}[2K${ESC}[1A${ESC}[2K${ESC}[1A${ESC}[2K${ESC}[G`);
    expect(inkErases).toEqual(['ink']);
    out.dispose();
  });

  it('does nothing when the terminal widens, or after the frame was erased', () => {
    const { stream, chunks } = terminal(40);
    const out = reflowSafeOutput(stream);
    out.stdout.write(`${'a'.repeat(39)}\n`);
    chunks.length = 0;
    stream.columns = 80;
    stream.emit('resize');
    out.stdout.write(`${ESC}[2K${ESC}[1A${ESC}[2K`);
    chunks.length = 0;
    stream.columns = 20;
    stream.emit('resize');
    expect(chunks).toEqual([]);
    out.dispose();
    expect(stream.listenerCount('resize')).toBe(0);
  });
});
