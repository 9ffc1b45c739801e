import { wrapLine } from '../text/line-break.js';
import { displayWidth } from '../text/text-width.js';

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
