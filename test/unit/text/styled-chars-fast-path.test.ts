import { styledCharsFromTokens, styledCharsToString as original, tokenize, type StyledChar } from '@alcalzone/ansi-tokenize';
import { describe, expect, it } from 'vitest';
import { styledCharsToString } from '../../../src/text/styled-chars-fast-path.js';

// Pieces of what Ink writes: colours, bold/dim (which share an end code), resets, a link.
const PIECES = ['\x1b[31m', '\x1b[36m', '\x1b[39m', '\x1b[1m', '\x1b[2m', '\x1b[22m', '\x1b[0m', '\x1b[90m', '\x1b[38;5;208m', '\x1b[48;2;1;2;3m', '\x1b[49m', '\x1b]8;;https://example.org\x07', '\x1b]8;;\x07', 'a', 'b', ' ', '❯', '漢', 'ok', '✔ ready'];

/** A row as Ink's Output builds it: blank cells, then written text in places. */
function row(next: () => number): StyledChar[] {
  const cells: StyledChar[] = Array.from({ length: 40 }, () => ({ type: 'char', value: ' ', fullWidth: false, styles: [] }));
  let at = Math.floor(next() * 10);
  for (let w = 0; w < 3 && at < cells.length; w++) {
    let text = '';
    for (let i = 0, n = 1 + Math.floor(next() * 12); i < n; i++) text += PIECES[Math.floor(next() * PIECES.length)];
    for (const char of styledCharsFromTokens(tokenize(text))) if (at < cells.length) cells[at++] = char;
    at += Math.floor(next() * 4);
  }
  return cells;
}

describe('styledCharsToString fast path', () => {
  it('gives the original’s string, byte for byte, on 5,000 random styled rows', () => {
    let seed = 4242;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 5000; n++) {
      const cells = row(next);
      expect(styledCharsToString(cells)).toBe(original(cells));
    }
  });

  it('agrees on the edges: an empty row, one character, a row styled to its end', () => {
    for (const text of ['', 'x', '\x1b[1mbold to the end', '\x1b[2m\x1b[1mdim and bold\x1b[22m', 'plain\x1b[31m']) {
      const cells = styledCharsFromTokens(tokenize(text));
      expect(styledCharsToString(cells), JSON.stringify(text)).toBe(original(cells));
    }
  });

  it('writes no codes between characters styled alike, however their style lists were made', () => {
    const red = () => styledCharsFromTokens(tokenize('\x1b[31mx'))[0] as StyledChar;
    expect(styledCharsToString([red(), red(), red()])).toBe('\x1b[31mxxx\x1b[39m');
  });
});
