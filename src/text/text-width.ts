/**
 * Terminal columns of text, for every table and padded label (screens and plain output).
 * Japanese labels take two columns per character, so `.length`/`padEnd` misalign them.
 */

// East Asian wide characters take two columns (the Japanese labels).
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** Columns a string takes in a terminal: CJK characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += WIDE.test(ch) ? 2 : 1;
  return width;
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
