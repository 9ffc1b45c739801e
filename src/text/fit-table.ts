import { alignColumns, displayWidth, padColumns } from './text-width.js';

/**
 * A table (header row first) for a terminal `width` columns wide: kubectl's aligned columns
 * when every row fits, else one block per row — its first cell, then each other cell under
 * its header name — so that no row is cut at the last column into pieces that line up with
 * nothing. Without a width (a pipe, a log) the columns are kept, as kubectl prints them.
 */
export function fitTable(rows: readonly (readonly string[])[], width: number | undefined, gap = 3, indent = ''): string[] {
  const columns = alignColumns(rows, gap).map((line) => `${indent}${line}`);
  if (width === undefined || columns.every((line) => displayWidth(line) <= width)) return columns;
  const [header = [], ...body] = rows;
  const labelWidth = Math.max(0, ...header.slice(1).map(displayWidth));
  return body.flatMap((row) => {
    const [first = '', ...rest] = row;
    const lines = [`${indent}${first}`];
    rest.forEach((cell, i) => {
      if (cell !== '') lines.push(`${indent}  ${padColumns(header[i + 1] ?? '', labelWidth)}  ${cell}`);
    });
    return lines;
  });
}
