import { wrapToColumns } from '../text/line-break.js';

// "? " before the question, and room for the default in brackets inquirer adds after it.
const PROMPT_MARGIN = 3;
const MIN_WIDTH = 20;

/**
 * A question (or a validation message) broken into lines for the terminal before a prompt
 * shows it. @inquirer wraps only at spaces and then cuts at the last column, which splits
 * Japanese words and numbers from their units; lines that already fit are left alone.
 */
export function promptText(text: string, output: object): string {
  const columns = (output as { columns?: number }).columns;
  if (columns === undefined || !(columns > 0)) return text;
  return wrapToColumns(text, Math.max(MIN_WIDTH, columns - PROMPT_MARGIN));
}
