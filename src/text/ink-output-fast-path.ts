/**
 * Ink 6's Output (ink/build/output.js: the grid every frame is drawn into) giving the
 * same string for the same writes, without redoing per frame what the last frame did.
 * The original starts each frame with empty caches, so every row of every frame is cut
 * into grapheme segments (Intl.Segmenter), turned into one object per character, laid
 * into a fresh 120-cell row and joined again: most of a frame's CPU, and most of its
 * garbage. Here:
 *   - a row whose writes (positions and text, transformers applied) are those of a row
 *     drawn before gives that row's string again, built once;
 *   - the styled characters of a line and the width of a character are kept between
 *     frames, so a row that changed costs only its new text.
 * Each cache is bounded (emptied when full), so a long bring-up holds no more than a few
 * hundred rows. A row is built exactly as the original builds it (same cells, same
 * overwrites, same wide-character fill, same trimEnd), and clipping is the original's.
 * test/unit/text/ink-output-fast-path.test.ts checks it against the installed Ink on
 * random frames; the build serves it to Ink 6 in place of its own (build/fast-paths.mjs).
 */
import { reduceAnsiCodesIncremental, styledCharsFromTokens, styledCharsToString, tokenize, type AnsiCode, type StyledChar } from '@alcalzone/ansi-tokenize';
import ansiStyles from 'ansi-styles';
import { eastAsianWidthType } from 'get-east-asian-width';
import sliceAnsi from 'slice-ansi';
import stringWidth from 'string-width';
import { NOT_ALONE } from './string-width-fast-path.js';

type Transformer = (line: string, index: number) => string;
interface Clip {
  x1: number | undefined;
  x2: number | undefined;
  y1: number | undefined;
  y2: number | undefined;
}
type Operation = { type: 'write'; x: number; y: number; text: string; transformers: Transformer[] } | { type: 'clip'; clip: Clip } | { type: 'unclip' };

/** A Map that forgets everything once it holds `max` entries: old frames' rows are rarely drawn again. */
class BoundedCache<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max: number) {}
  get(key: string): V | undefined {
    return this.map.get(key);
  }
  set(key: string, value: V): void {
    if (this.map.size >= this.max) this.map.clear();
    this.map.set(key, value);
  }
  get size(): number {
    return this.map.size;
  }
}

/** The caches every Output shares, frame after frame. */
export const outputCaches = {
  // A frame has at most a terminal's height of rows: a few screens' worth is plenty (a
  // line's styled characters take about 10 kB).
  styledChars: new BoundedCache<StyledChar[]>(128),
  widths: new BoundedCache<number>(2048),
  blockWidths: new BoundedCache<number>(128),
  /** Row string by its width and writes. */
  rows: new BoundedCache<string>(128),
  getStyledChars(line: string): StyledChar[] {
    let cached = this.styledChars.get(line);
    if (cached === undefined) {
      cached = plainStyledChars(line) ?? styledCharsFromTokens(tokenize(line));
      this.styledChars.set(line, cached);
    }
    return cached;
  },
  /** The ANSI tokens of one SGR sequence, as tokenize gives them. */
  sgr: new BoundedCache<AnsiCode[]>(256),
  getStringWidth(text: string): number {
    let cached = this.widths.get(text);
    if (cached === undefined) {
      cached = stringWidth(text);
      this.widths.set(text, cached);
    }
    return cached;
  },
  getWidestLine(text: string): number {
    let cached = this.blockWidths.get(text);
    if (cached === undefined) {
      let lineWidth = 0;
      for (const line of text.split('\n')) lineWidth = Math.max(lineWidth, this.getStringWidth(line));
      cached = lineWidth;
      this.blockWidths.set(text, cached);
    }
    return cached;
  },
};

const SGR = /\x1b\[[0-9;]*m/y;

function isFullwidth(code: number): boolean {
  const type = eastAsianWidthType(code);
  return type === 'fullwidth' || type === 'wide';
}
const SGRS = /\x1b\[[0-9;]*m/g;

/**
 * styledCharsFromTokens(tokenize(line)) without the grapheme segmenter, for a line of
 * characters that each stand alone as a grapheme (no controls, marks, joiners, emoji or
 * astral characters: the string-width fast path's test, checked on every BMP character)
 * and complete SGR sequences. A character is full width as ansi-tokenize says
 * (is-fullwidth-code-point: East Asian Wide or Fullwidth). An SGR sequence gives the
 * tokens ansi-tokenize gives it (sgrTokens), reduced with its own
 * reduceAnsiCodesIncremental, so the styles are exactly its. Nothing here asks the
 * grapheme segmenter, whose first use loads ICU's break data. Undefined for any other line.
 */
export function plainStyledChars(line: string): StyledChar[] | undefined {
  if (NOT_ALONE.test(line.includes('\x1b') ? line.replace(SGRS, '') : line)) return undefined;
  const chars: StyledChar[] = [];
  let codes: AnsiCode[] = [];
  for (let i = 0; i < line.length; ) {
    if (line.charCodeAt(i) === 0x1b) {
      SGR.lastIndex = i;
      const sequence = (SGR.exec(line) as RegExpExecArray)[0];
      let tokens = outputCaches.sgr.get(sequence);
      if (tokens === undefined) {
        tokens = sgrTokens(sequence);
        outputCaches.sgr.set(sequence, tokens);
      }
      for (const token of tokens) codes = reduceAnsiCodesIncremental(codes, [token]);
      i += sequence.length;
      continue;
    }
    const code = line.charCodeAt(i);
    const fullWidth = code >= 0x1100 && isFullwidth(code);
    chars.push({ type: 'char', value: line[i] as string, fullWidth, styles: [...codes] });
    i++;
  }
  return chars;
}

/**
 * tokenize(sequence) for one complete SGR sequence: compound codes split as
 * ansi-tokenize splits them (38/48 with their 5;n or 2;r;g;b arguments kept together),
 * each with the end code ansi-tokenize's getEndCode gives it (ansi-styles' table).
 */
export function sgrTokens(sequence: string): AnsiCode[] {
  const parts = sequence.includes(';') ? splitCompound(sequence.slice(2, -1).split(';')) : [sequence.slice(2, -1)];
  return parts.map((part) => {
    const code = `\x1b[${part}m`;
    return { type: 'ansi', code, endCode: endCodeOf(code) };
  });
}

function splitCompound(parts: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    if (part === '38' || part === '48') {
      if (i + 2 < parts.length && parts[i + 1] === '5') {
        out.push(parts.slice(i, i + 3).join(';'));
        i += 2;
        continue;
      }
      if (i + 4 < parts.length && parts[i + 1] === '2') {
        out.push(parts.slice(i, i + 5).join(';'));
        i += 4;
        continue;
      }
    }
    out.push(part);
  }
  return out;
}

const ENDS = new Set<string>();
const END_OF = new Map<string, string>();
for (const [start, end] of ansiStyles.codes) {
  ENDS.add(ansiStyles.color.ansi(end));
  END_OF.set(ansiStyles.color.ansi(start), ansiStyles.color.ansi(end));
}

function endCodeOf(code: string): string {
  if (ENDS.has(code)) return code;
  const end = END_OF.get(code);
  if (end !== undefined) return end;
  const body = code.slice(2);
  if (body.startsWith('38')) return ansiStyles.color.close;
  if (body.startsWith('48')) return ansiStyles.bgColor.close;
  const found = ansiStyles.codes.get(Number.parseInt(body, 10));
  return found ? ansiStyles.color.ansi(found) : ansiStyles.reset.open;
}

const BLANK: StyledChar = Object.freeze({ type: 'char', value: ' ', fullWidth: false, styles: Object.freeze([]) as unknown as StyledChar['styles'] });

export default class Output {
  width: number;
  height: number;
  private readonly operations: Operation[] = [];

  constructor(options: { width: number; height: number }) {
    this.width = options.width;
    this.height = options.height;
  }

  write(x: number, y: number, text: string, options: { transformers: Transformer[] }): void {
    if (!text) return;
    this.operations.push({ type: 'write', x, y, text, transformers: options.transformers });
  }

  clip(clip: Clip): void {
    this.operations.push({ type: 'clip', clip });
  }

  unclip(): void {
    this.operations.push({ type: 'unclip' });
  }

  get(): { output: string; height: number } {
    // What each row receives, in order: its x and its line (transformers applied).
    const placements: Array<Array<{ x: number; line: string }>> = [];
    for (let y = 0; y < this.height; y++) placements.push([]);
    const clips: Clip[] = [];
    for (const operation of this.operations) {
      if (operation.type === 'clip') clips.push(operation.clip);
      if (operation.type === 'unclip') clips.pop();
      if (operation.type !== 'write') continue;
      const { text, transformers } = operation;
      let { x, y } = operation;
      let lines = text.split('\n');
      const clip = clips.at(-1);
      if (clip) {
        const clipHorizontally = typeof clip.x1 === 'number' && typeof clip.x2 === 'number';
        const clipVertically = typeof clip.y1 === 'number' && typeof clip.y2 === 'number';
        if (clipHorizontally) {
          const width = outputCaches.getWidestLine(text);
          if (x + width < (clip.x1 as number) || x > (clip.x2 as number)) continue;
        }
        if (clipVertically) {
          if (y + lines.length < (clip.y1 as number) || y > (clip.y2 as number)) continue;
        }
        if (clipHorizontally) {
          const x1 = clip.x1 as number;
          const x2 = clip.x2 as number;
          const from = x < x1 ? x1 - x : 0;
          const at = x;
          lines = lines.map((line) => {
            const width = outputCaches.getStringWidth(line);
            const to = at + width > x2 ? x2 - at : width;
            return sliceAnsi(line, from, to);
          });
          if (x < x1) x = x1;
        }
        if (clipVertically) {
          const y1 = clip.y1 as number;
          const y2 = clip.y2 as number;
          const from = y < y1 ? y1 - y : 0;
          const to = y + lines.length > y2 ? y2 - y : lines.length;
          lines = lines.slice(from, to);
          if (y < y1) y = y1;
        }
      }
      let offsetY = 0;
      for (let [index, line] of lines.entries()) {
        const row = placements[y + offsetY];
        // A line below the grid (or above it) is dropped, and so are the ones after it.
        if (!row) continue;
        for (const transformer of transformers) line = transformer(line, index);
        row.push({ x, line });
        offsetY++;
      }
    }
    const rows: string[] = [];
    for (const row of placements) rows.push(this.row(row));
    return { output: rows.join('\n'), height: this.height };
  }

  private row(placed: ReadonlyArray<{ x: number; line: string }>): string {
    let key = `${this.width}`;
    for (const { x, line } of placed) key += `|${x},${line.length},${line}`;
    const known = outputCaches.rows.get(key);
    if (known !== undefined) return known;
    // Blank cells are only read, never changed (a write replaces the cell): one object serves them all.
    const cells: StyledChar[] = new Array<StyledChar>(this.width).fill(BLANK);
    for (const { x, line } of placed) {
      let offsetX = x;
      for (const character of outputCaches.getStyledChars(line)) {
        cells[offsetX] = character;
        const characterWidth = Math.max(1, outputCaches.getStringWidth(character.value));
        // A wide character covers the cells after it.
        for (let i = 1; i < characterWidth; i++) cells[offsetX + i] = { type: 'char', value: '', fullWidth: false, styles: character.styles };
        offsetX += characterWidth;
      }
    }
    const text = styledCharsToString(cells.filter((cell) => cell !== undefined)).trimEnd();
    outputCaches.rows.set(key, text);
    return text;
  }
}
