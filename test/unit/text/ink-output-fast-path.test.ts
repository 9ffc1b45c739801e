import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { styledCharsFromTokens, tokenize } from '@alcalzone/ansi-tokenize';
import FastOutput, { outputCaches, plainStyledChars } from '../../../src/text/ink-output-fast-path.js';

// The installed Ink's own Output (not exported by its package: loaded by its file).
const inkOutputUrl = new URL('../../../node_modules/ink/build/output.js', import.meta.url);
const { default: InkOutput } = (await import(inkOutputUrl.href)) as { default: typeof FastOutput };
const inkVersion = (JSON.parse(readFileSync(new URL('../../../node_modules/ink/package.json', import.meta.url), 'utf8')) as { version: string }).version;

type Transformer = (line: string, index: number) => string;
type Op = { write: [number, number, string, Transformer[]] } | { clip: { x1?: number; x2?: number; y1?: number; y2?: number } } | { unclip: true };

// What Ink writes: colours, bold/dim, resets, a link, wide characters, emoji, marks, new lines.
const PIECES = ['\x1b[31m', '\x1b[39m', '\x1b[1m', '\x1b[2m', '\x1b[22m', '\x1b[0m', '\x1b[38;5;208m', '\x1b]8;;https://example.org\x07', '\x1b]8;;\x07', 'a', 'bc', ' ', '  ', '❯', '✔ ready', '漢字', 'ｶﾅ', '👍', '…', '\n', 'gluster1', 'TASK [x] ***'];
const TRANSFORMERS: Transformer[] = [(line) => `\x1b[2m${line}\x1b[22m`, (line, index) => (index % 2 ? line.toUpperCase() : line), (line) => `\x1b[36m${line}\x1b[39m`];

function randomOps(next: () => number, width: number, height: number): Op[] {
  const ops: Op[] = [];
  const pick = <T,>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  for (let n = 0, count = 1 + Math.floor(next() * 16); n < count; n++) {
    const r = next();
    if (r < 0.25) {
      // Mostly a real box's clip (start before end), on one axis or both.
      const span = (size: number) => {
        const a = Math.floor(next() * (size + 4)) - 2;
        const b = Math.floor(next() * (size + 4)) - 2;
        return next() < 0.9 ? [Math.min(a, b), Math.max(a, b)] : [a, b];
      };
      const [x1, x2] = next() < 0.8 ? span(width) : [undefined, undefined];
      const [y1, y2] = next() < 0.5 ? span(height) : [undefined, undefined];
      ops.push({ clip: { x1, x2, y1, y2 } });
    } else if (r < 0.3) ops.push({ unclip: true });
    else {
      let text = '';
      for (let i = 0, k = Math.floor(next() * 10); i < k; i++) text += pick(PIECES);
      const transformers = TRANSFORMERS.filter(() => next() < 0.3);
      ops.push({ write: [Math.floor(next() * (width + 6)) - 3, Math.floor(next() * (height + 4)) - 2, text, transformers] });
    }
  }
  return ops;
}

function draw(Output: typeof FastOutput, width: number, height: number, ops: Op[]) {
  const output = new Output({ width, height });
  for (const op of ops) {
    if ('write' in op) output.write(op.write[0], op.write[1], op.write[2], { transformers: op.write[3] });
    else if ('clip' in op) output.clip(op.clip as Parameters<FastOutput['clip']>[0]);
    else output.unclip();
  }
  return output.get();
}

describe(`Ink's Output, rows kept between frames (against the installed Ink ${inkVersion})`, () => {
  it('draws what Ink draws, byte for byte, on 2,500 random frames (clips, wide characters, styles, transformers)', () => {
    let seed = 1234;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 2500; n++) {
      const width = 1 + Math.floor(next() * 30);
      const height = Math.floor(next() * 8);
      const ops = randomOps(next, width, height);
      const expected = draw(InkOutput, width, height, ops);
      expect(draw(FastOutput, width, height, ops), JSON.stringify(ops)).toEqual(expected);
      // The same frame again, now from the kept rows.
      expect(draw(FastOutput, width, height, ops)).toEqual(expected);
    }
  });

  it('draws a bring-up screen as Ink does, frame after frame, while its caches fill and empty', () => {
    const dim = TRANSFORMERS[0] as Transformer;
    for (let frame = 0; frame < 600; frame++) {
      const ops: Op[] = [
        { write: [0, 0, 'Bringing up lab "gluster-lab"', []] },
        { write: [29, 0, `   total 0:${String(frame % 60).padStart(2, '0')}`, [dim]] },
        { write: [0, 2, '  ❯ gluster1   … provisioning ', []] },
        { write: [30, 2, `0:${String(frame % 60).padStart(2, '0')}   glusterfs : Install`, []] },
      ];
      for (let i = 0; i < 6; i++) ops.push({ write: [0, 4 + i, `line ${frame + i} ${'x'.repeat((frame + i) % 70)}`, [dim]] });
      expect(draw(FastOutput, 120, 11, ops)).toEqual(draw(InkOutput, 120, 11, ops));
    }
  });

  it('styles every BMP character it takes as ansi-tokenize does', () => {
    let taken = 0;
    const differ: string[] = [];
    const shape = (chars: readonly { type: string; value: string; fullWidth: boolean; styles: readonly unknown[] }[]) => chars.map((c) => `${c.type}:${c.value}:${c.fullWidth}:${c.styles.length}`).join('|');
    for (let code = 0; code <= 0xffff; code++) {
      const ch = String.fromCharCode(code);
      const chars = plainStyledChars(ch);
      if (chars === undefined) continue;
      taken++;
      if (shape(chars) !== shape(styledCharsFromTokens(tokenize(ch)))) differ.push(`U+${code.toString(16)}`);
    }
    expect(differ).toEqual([]);
    expect(taken).toBeGreaterThan(50_000);
  });

  it('styles a line of such characters and SGR sequences as ansi-tokenize does, and leaves any other line to it', () => {
    const pieces = ['\x1b[31m', '\x1b[39m', '\x1b[1m', '\x1b[2m', '\x1b[22m', '\x1b[0m', '\x1b[m', '\x1b[1;31m', '\x1b[38;5;208m', '\x1b[48;2;1;2;3m', '\x1b[49m', '\x1b[4;24m', 'a', 'Z', ' ', '~', '[', 'm', ';', '0', '…', '❯', '✔', '漢', 'ｶ', 'ー', '한', '±'];
    let seed = 99;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 3000; n++) {
      let line = '';
      for (let i = 0, k = Math.floor(next() * 14); i < k; i++) line += pieces[Math.floor(next() * pieces.length)];
      expect(plainStyledChars(line), JSON.stringify(line)).toEqual(styledCharsFromTokens(tokenize(line)));
    }
    for (const line of ['e\u0301', '👍', '✔\uFE0F', '\x1b]8;;https://example.org\x07x', '\x1b[31', 'a\tb', '\x1b[2Kx', 'ｶﾞ', '\u1100\u1161']) expect(plainStyledChars(line), JSON.stringify(line)).toBeUndefined();
  });

  it('keeps its caches bounded', () => {
    for (let i = 0; i < 3000; i++) draw(FastOutput, 40, 1, [{ write: [0, 0, `distinct line ${i}`, []] }]);
    expect(outputCaches.rows.size).toBeLessThanOrEqual(256);
    expect(outputCaches.styledChars.size).toBeLessThanOrEqual(256);
    expect(outputCaches.widths.size).toBeLessThanOrEqual(2048);
  });
});
