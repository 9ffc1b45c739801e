/**
 * ansi-tokenize's styledCharsToString, which Ink calls for every row of every frame,
 * without its cost for a character styled like the one before it. The original asks
 * diffAnsiCodes (three Sets and four arrays) for every character of the 120-column
 * rows, which made most of an Ink frame: about 10 ms a frame on these machines, and
 * V8 compiling it in the first frames. Two characters with the same styles need no
 * codes between them: diffAnsiCodes gives [] then, so skipping it changes no byte
 * (a test checks it against the original on styled rows). The build serves this in
 * place of the original to Ink (build/fast-paths.mjs).
 */
import { ansiCodesToString, diffAnsiCodes, type AnsiCode, type StyledChar } from '@alcalzone/ansi-tokenize';

export function styledCharsToString(chars: StyledChar[]): string {
  let out = '';
  const last = chars.length - 1;
  for (let i = 0; i <= last; i++) {
    const char = chars[i] as StyledChar;
    if (i === 0) out += ansiCodesToString(char.styles);
    else {
      const before = (chars[i - 1] as StyledChar).styles;
      if (!sameStyles(before, char.styles)) out += ansiCodesToString(diffAnsiCodes(before, char.styles));
    }
    out += char.value;
    // Reset what is still active at the end of the row.
    if (i === last && char.styles.length > 0) out += ansiCodesToString(diffAnsiCodes(char.styles, []));
  }
  return out;
}

function sameStyles(a: readonly AnsiCode[], b: readonly AnsiCode[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as AnsiCode;
    const y = b[i] as AnsiCode;
    if (x.code !== y.code || x.endCode !== y.endCode) return false;
  }
  return true;
}
