/**
 * Terminal columns of text, for every table, padded label and wrapped line (screens and
 * plain output). The one measure is string-width, the one Ink draws with, so what we lay out
 * is what Ink prints: Japanese takes two columns, a combining accent none, an emoji two,
 * colour escapes none. The fast path answers the common text without string-width's
 * grapheme segmenter (text/string-width-fast-path.ts), with the same result.
 */
import stringWidth from 'string-width';
import { fastStringWidth } from './string-width-fast-path.js';

/** Columns a string takes in a terminal. */
export function displayWidth(text: string): number {
  return fastStringWidth(text) ?? stringWidth(text);
}

/** `text` padded with spaces to `width` columns. */
export function padColumns(text: string, width: number): string {
  const missing = width - displayWidth(text);
  return missing > 0 ? text + ' '.repeat(missing) : text;
}

/**
 * Rows laid out as left-aligned columns `gap` spaces apart, like kubectl's tables; the last
 * column is not padded and trailing spaces are dropped.
 */
export function alignColumns(rows: readonly (readonly string[])[], gap: number): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell))));
  const separator = ' '.repeat(gap);
  return rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : padColumns(cell, widths[i] ?? 0)))
      .join(separator)
      .trimEnd(),
  );
}
