/**
 * The width string-width 8 gives, worked out without its grapheme segmenter and emoji
 * regex for the text a screen shows most: printable ASCII, Japanese, and the marks the
 * screens use (❯ … ✔ ✖ ·). Ink measures every text it draws with string-width, and the
 * first non-ASCII character makes string-width compile `\p{RGI_Emoji}` and load ICU's
 * break data: about 55 ms of CPU per process, before any line is drawn.
 *
 * A string qualifies when every character stands alone as one grapheme cluster and is
 * no emoji: then string-width's answer is the sum of the characters' East Asian Widths.
 * SGR sequences (colours, bold, dim: what Ink's styled text holds) are removed first, as
 * string-width's strip-ansi removes them; a string with any other escape is left to it.
 * Anything else (controls and escape sequences, combining and spacing marks, joiners,
 * variation selectors, Hangul jamo, characters outside the BMP, emoji presentation)
 * gets `undefined`, and the caller asks string-width itself. The build puts this in
 * front of string-width 8 (build/fast-paths.mjs); a test checks the two
 * agree on every BMP character and on mixed strings.
 */
import { eastAsianWidth } from 'get-east-asian-width';

// Characters that can join a neighbour into one cluster, take no column, or may draw as emoji.
// U+0E33, U+0EB3: spacing marks by grapheme rules though letters; U+0D4E: a prepended letter;
// and every character outside the BMP (a surrogate pair is one code point, not \p{Cs}).
export const NOT_ALONE =
  /[\p{Cc}\p{Cf}\p{Cs}\p{M}\p{Grapheme_Extend}\p{Default_Ignorable_Code_Point}\p{Emoji_Presentation}\u0E33\u0EB3\u0D4E\u1100-\u11FF\uA960-\uA97F\uD7B0-\uD7FF\u{10000}-\u{10FFFF}]/u;
const PRINTABLE_ASCII = /^[\u0020-\u007E]*$/;
const SGR = /\u001B\[[0-9;]*m/g;
const TRAILING_ESC = /\u001B+$/;

export interface StringWidthOptions {
  ambiguousIsNarrow?: boolean;
  countAnsiEscapeCodes?: boolean;
}

/** string-width 8's answer for `text`, or undefined when only string-width can tell. */
export function fastStringWidth(input: unknown, options: StringWidthOptions = {}): number | undefined {
  if (typeof input !== 'string') return undefined;
  let text = input;
  // Read as string-width reads it (a default only for undefined; null options throw).
  const { ambiguousIsNarrow = true, countAnsiEscapeCodes = false } = options;
  // ESCs at the very end start no sequence strip-ansi could remove: each is a control of
  // its own cluster, no column wide (Ink measures such pieces when it cuts styled text).
  text = text.replace(TRAILING_ESC, '');
  if (!countAnsiEscapeCodes && (text.includes('\u001B') || text.includes('\u009B'))) {
    text = text.replace(SGR, '');
    // Another escape: strip-ansi knows more kinds than this.
    if (text.includes('\u001B') || text.includes('\u009B')) return undefined;
  }
  if (PRINTABLE_ASCII.test(text)) return text.length;
  if (NOT_ALONE.test(text)) return undefined;
  const wide = { ambiguousAsWide: !ambiguousIsNarrow };
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    width += code < 0x7f ? 1 : eastAsianWidth(code, wide);
  }
  return width;
}
