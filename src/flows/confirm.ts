import type { AppContext } from '../context.js';
import { promptTheme } from '../ui/prompt-theme.js';
import { promptText } from '../ui/prompt-text.js';

/**
 * Asks a yes/no question, or takes `--yes` as the answer. Without a terminal and without
 * `--yes` there is nobody to ask: `noTerminal()` builds the error that names the flag.
 */
export async function confirmOrFlag(ctx: AppContext, question: string, noTerminal: () => Error, defaultAnswer = false): Promise<boolean> {
  if (ctx.yes) return true;
  if (!ctx.interactive) throw noTerminal();
  const { confirm } = await import('@inquirer/prompts');
  return confirm({ ...promptTheme(ctx.lang).confirm, message: promptText(question, ctx.stdout), default: defaultAnswer }, { signal: ctx.signal, output: ctx.stdout });
}
