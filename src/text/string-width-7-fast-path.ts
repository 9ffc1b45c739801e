/**
 * The width string-width 7 gives — the copy Ink's wrap-ansi measures with when it wraps a
 * text to its box — without its grapheme segmenter and emoji regex, for text whose every
 * character stands alone and can draw as no emoji. For those, 7 and 8 agree (the sum of
 * the characters' East Asian Widths); they differ on emoji: 7 counts a text-style ✔ or ©
 * two columns wide, 8 one, so any Extended_Pictographic character (a superset of what 7's
 * emoji regex matches alone) is left to 7 itself, as are the blocks 7 skips by range. The build puts this in front of
 * string-width 7 (build/fast-paths.mjs); a test checks it against the installed 7 on every
 * BMP character and on mixed strings.
 */
import { fastStringWidth, type StringWidthOptions } from './string-width-fast-path.js';

// And the blocks 7 skips whole by their ranges, unassigned code points in them included
// (ranges of code points, not combined characters: the lint rule cannot tell).
// eslint-disable-next-line no-misleading-character-class
const LEFT_TO_7 = /[\p{Extended_Pictographic}\u0300-\u036F\u1AB0-\u1AFF\u1DC0-\u1DFF\u200B-\u200F\u20D0-\u20FF\uFE00-\uFE0F\uFE20-\uFE2F\uFEFF]/u;

/** string-width 7's answer for `text`, or undefined when only string-width 7 can tell. */
export function fastStringWidth7(input: unknown, options: StringWidthOptions = {}): number | undefined {
  if (typeof input !== 'string' || LEFT_TO_7.test(input)) return undefined;
  return fastStringWidth(input, options);
}
