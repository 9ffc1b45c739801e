import { displayWidth } from './text-width.js';

// Japanese puts no spaces between words. Breaking between any two characters would split
// words (範|囲, 説|明), so a line breaks where a phrase ends: after a particle or other
// hiragana when a word in kanji, katakana or Latin letters follows, after 、 and 。, and at
// spaces — never before closing punctuation or after an opening bracket (kinsoku).
const NO_BREAK_BEFORE = /[、。，．・：；？！）」』】〕ー…ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ),.:;!?\]}／]/;
const NO_BREAK_AFTER = /[（「『【〔([{／]/;
const SENTENCE_PAUSE = /[、。，．]/;
const CLOSING = /[）」』】〕]/;
const HIRAGANA = /[ぁ-ゖ]/;
const isSpace = (ch: string) => /\s/.test(ch);
const isWide = (ch: string) => displayWidth(ch) === 2;

/**
 * Stretches a reader copies or reads as one thing, which no line may break inside: a
 * quoted command ("gluster-lab storage", `vagrant up`), a number with its unit (20.0 GiB,
 * 4 台, 10 s), a colour escape. Paths, URLs and names have no spaces, so the rules above
 * already keep them whole.
 */
const ESC = String.fromCharCode(27);
const UNBREAKABLE = [
  /"[^"\n]+"/g,
  /`[^`\n]+`/g,
  new RegExp(`${ESC}\\[[\\d;]*m`, 'g'),
  /\d[\d.,]*\s(?:[KMGTPE]i?B|[KMGTPE]i|B|bytes?|ms|s|min|h|%|°C|cores?|CPUs?|VMs?|[台個件行秒分日回枚つ]|コア|ノード|ボリューム|バイト)(?![\p{L}\p{N}])/gu,
];

/** Half-open [start, end) index ranges of `line` that must stay on one line. */
function unbreakableSpans(line: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const pattern of UNBREAKABLE) {
    for (const m of line.matchAll(pattern)) spans.push([m.index, m.index + m[0].length]);
  }
  return spans;
}

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
  const spans = unbreakableSpans(line);
  const inside = (index: number) => spans.some(([start, end]) => index > start && index < end);
  const pieces: string[] = [];
  let piece = '';
  let previous = '';
  let index = 0;
  for (const ch of line) {
    if (piece.trim() !== '' && !inside(index) && mayBreak(previous, ch)) {
      pieces.push(piece);
      piece = '';
    }
    piece += ch;
    previous = ch;
    index += ch.length;
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}

export interface WrapOptions {
  /**
   * Continuation lines start under the text of the first: after its indent and a list
   * mark ("✓ ", "- ", "? ", "1. "), so a wrapped item still reads as one item.
   */
  hang?: boolean;
}

// A mark a line of output starts with, followed by a space.
const LINE_MARK = /^(\s*)((?:[✓✔✗✖!•·*?❯…\-+>]|\[[ x✓]\]|\d{1,2}[.)])\s+)?/u;

/** Spaces to put before each continuation line of `line`. */
function hangingIndent(line: string, width: number): string {
  const [prefix = ''] = LINE_MARK.exec(line) ?? [];
  const columns = displayWidth(prefix);
  // A hang wider than half the line leaves too little room for the words.
  return ' '.repeat(columns <= width / 2 ? columns : 0);
}

/**
 * One line wrapped to `width` columns: at spaces and at Japanese break points, never inside
 * an unbreakable stretch. A piece wider than the line (a long path, a URL) stays whole on a
 * line of its own rather than being cut.
 */
export function wrapLine(line: string, width: number, options: WrapOptions = {}): string[] {
  if (displayWidth(line) <= width) return [line];
  const indent = options.hang ? hangingIndent(line, width) : '';
  const out: string[] = [];
  let current = '';
  for (const piece of breakPieces(line)) {
    if (current.trim() !== '' && displayWidth(current + piece.trimEnd()) > width) {
      out.push(current.trimEnd());
      current = indent + piece.trimStart();
    } else current += piece;
  }
  out.push(current.trimEnd());
  return out;
}

/**
 * Wraps text to `width` terminal columns (a wide character counts two), breaking at spaces
 * and between Japanese characters; existing line breaks are kept and a piece longer than
 * the width is left whole rather than cut.
 */
export function wrapToColumns(text: string, width: number, options: WrapOptions = {}): string {
  return text
    .split(/\r?\n/)
    .flatMap((line) => wrapLine(line, width, options))
    .join('\n');
}
