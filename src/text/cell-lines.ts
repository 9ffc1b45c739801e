import { wrapLine } from './line-break.js';
import { displayWidth, padColumns } from './text-width.js';

/**
 * Text wrapped to fit a table cell `width` columns wide: at spaces and Japanese break
 * points first; a piece still wider than the cell (a long name with no break point) is cut
 * into cell-wide parts, so nothing spills into the next column.
 */
export function cellLines(text: string, width: number): string[] {
  if (text === '') return [''];
  const cell = Math.max(1, width);
  return text.split('\n').flatMap((line) => wrapLine(line, cell).flatMap((piece) => (displayWidth(piece) <= cell ? [piece] : cutToCells(piece, cell))));
}

function cutToCells(text: string, width: number): string[] {
  const parts: string[] = [];
  let part = '';
  for (const ch of text) {
    if (part !== '' && displayWidth(part + ch) > width) {
      parts.push(part);
      part = '';
    }
    part += ch;
  }
  if (part !== '') parts.push(part);
  return parts;
}

/**
 * A table row as terminal lines, cell by cell: each cell wrapped inside its own column
 * (`widths`) and padded to it, but the last; the last width may be Infinity (the rest of the
 * line, not wrapped). Join each line's cells with the gaps to print it.
 */
export function columnCells(cells: readonly string[], widths: readonly number[]): string[][] {
  const wrapped = cells.map((cell, i) => {
    const width = widths[i] ?? Infinity;
    return Number.isFinite(width) ? cellLines(cell, width) : [cell];
  });
  const height = Math.max(1, ...wrapped.map((lines) => lines.length));
  const lines: string[][] = [];
  for (let row = 0; row < height; row++) {
    lines.push(wrapped.map((cellLinesOf, i) => (i === wrapped.length - 1 ? (cellLinesOf[row] ?? '') : padColumns(cellLinesOf[row] ?? '', widths[i] ?? 0))));
  }
  return lines;
}
