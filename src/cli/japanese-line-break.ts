import { displayWidth } from '../text/text-width.js';

// Japanese puts no spaces between words. Breaking between any two characters would split
// words (範|囲, 説|明), so a line breaks where a phrase ends: after a particle or other
// hiragana when a word in kanji, katakana or Latin letters follows, after 、 and 。, and at
// spaces — never before closing punctuation or after an opening bracket (kinsoku).
const NO_BREAK_BEFORE = /[、。，．・：；？！）」』】〕ー…ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ),.:;!?\]}]/;
const NO_BREAK_AFTER = /[（「『【〔([{]/;
const SENTENCE_PAUSE = /[、。，．]/;
const CLOSING = /[）」』】〕]/;
const HIRAGANA = /[ぁ-ゖ]/;
const isSpace = (ch: string) => /\s/.test(ch);
const isWide = (ch: string) => displayWidth(ch) === 2;

/** Whether a line may break between `previous` and `ch`. */
function mayBreak(previous: string, ch: string): boolean {
  if (isSpace(ch)) return false;
  if (isSpace(previous)) return true;
  if (NO_BREAK_BEFORE.test(ch) || NO_BREAK_AFTER.test(previous)) return false;
  if (SENTENCE_PAUSE.test(previous)) return true;
  if (HIRAGANA.test(ch)) return false;
  if (CLOSING.test(previous) || HIRAGANA.test(previous)) return true;
  // Latin text glued to a Japanese word, e.g. "gluster-lab.yaml（…" or "Pod数".
  return !isWide(previous) && isWide(ch);
}

/**
 * Splits one line into pieces a new line may start with. Spaces stay at the end of the
 * piece before them, so joining the pieces gives the line back.
 */
function breakPieces(line: string): string[] {
  const pieces: string[] = [];
  let piece = '';
  let previous = '';
  for (const ch of line) {
    if (piece.trim() !== '' && mayBreak(previous, ch)) {
      pieces.push(piece);
      piece = '';
    }
    piece += ch;
    previous = ch;
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}

/**
 * Wraps text to `width` terminal columns (a wide character counts two), breaking at spaces
 * and between Japanese characters; existing line breaks are kept and a piece longer than
 * the width is left whole rather than cut.
 */
export function wrapToColumns(text: string, width: number): string {
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    let current = '';
    for (const piece of breakPieces(line)) {
      if (current.trim() !== '' && displayWidth(current + piece) > width) {
        out.push(current.trimEnd());
        current = piece.trimStart();
      } else current += piece;
    }
    out.push(current.trimEnd());
  }
  return out.join('\n');
}
