import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import type { CommandRunner } from '../command-runner.js';
import type { AppContext } from '../context.js';
import { translator } from '../i18n/define.js';
import { wizardMessages } from '../i18n/wizard-messages.js';
import { diagnoseFlow } from './diagnose.js';

/**
 * `diagnose FILE|-`, and in the wizard (no argument, a terminal) a question for the
 * file or a paste box, so a log copied from a browser or chat can be explained too.
 */
export const diagnoseCommand: CommandRunner = async (ctx, { args }) => {
  const file = args[0];
  if (file !== undefined || !ctx.interactive) return diagnoseFlow(ctx, file ?? '');
  const t = translator(wizardMessages, ctx.lang);
  const { input } = await import('@inquirer/prompts');
  const path = (await input({ message: t('diagnoseAskPath') }, { signal: ctx.signal, output: ctx.stdout })).trim();
  if (path) return diagnoseFlow(ctx, path);
  ctx.stdout.write(`${t('diagnosePasteHint')}\n`);
  return diagnoseFlow(ctx, '-', Readable.from(await readPaste(ctx)), { pasted: true });
};

/** Lines typed or pasted until a line that is just END (or the input ends). */
async function readPaste(ctx: AppContext): Promise<string[]> {
  const lines: string[] = [];
  const reader = createInterface({ input: process.stdin, terminal: false });
  const stop = () => reader.close();
  ctx.signal.addEventListener('abort', stop, { once: true });
  try {
    for await (const line of reader) {
      if (line.trim() === 'END') break;
      lines.push(`${line}\n`);
    }
  } finally {
    ctx.signal.removeEventListener('abort', stop);
    reader.close();
  }
  return lines;
}
