import { open } from 'node:fs/promises';
import type { AppContext } from '../context.js';
import { labVarsAt } from '../diagnosis/catalogue-vars.js';
import { diagnoseInput } from '../diagnosis/scan-log.js';
import { findingsJson, renderFindings } from '../diagnosis/render-findings.js';
import { translator } from '../i18n/define.js';
import { diagnosisMessages } from '../i18n/diagnosis-messages.js';

/**
 * `gluster-lab diagnose FILE|-`: matches a pasted or saved log against the known-issue
 * catalogue. Exit 0 when the log was read (findings or not), 1 when the file cannot be
 * read, 2 for a missing argument. `stdin` is injectable for tests; `pasted` names the
 * source "the pasted log" instead of "standard input" (the wizard's paste box).
 */
export async function diagnoseFlow(
  ctx: AppContext,
  input: string,
  stdin: NodeJS.ReadableStream = process.stdin,
  options: { pasted?: boolean } = {},
): Promise<number> {
  const t = translator(diagnosisMessages, ctx.lang);
  if (!input) {
    ctx.stderr.write(`${t('usage')}\n`);
    return 2;
  }
  const fromStdin = input === '-';
  const source = fromStdin ? t(options.pasted ? 'pastedName' : 'stdinName') : t('fileName', { file: input });
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    if (!fromStdin) handle = await open(input, 'r');
    const readable = handle ? handle.createReadStream({ autoClose: false }) : stdin;
    // The fix names the lab's own range when there is a lab here; the default lab's otherwise.
    const { findings, textLines } = await diagnoseInput(readable, { lang: ctx.lang, vars: await labVarsAt(ctx.labDir) });
    if (ctx.json) ctx.stdout.write(findingsJson(findings));
    // "Nothing matched" would send the reader to look for an error that was never there.
    else if (textLines === 0) ctx.stdout.write(`${t('emptyInput', { source })}\n`);
    else ctx.stdout.write(renderFindings(findings, ctx.lang, source));
    return 0;
  } catch (error) {
    const err = error as NodeJS.ErrnoException;
    // Only file-system errors are the user's to fix; anything else is a bug to surface.
    if (!err.code) throw error;
    ctx.stderr.write(`${t('unreadable', { file: input, reason: err.code === 'EISDIR' ? t('isDirectory') : err.message })}\n`);
    return 1;
  } finally {
    await handle?.close();
  }
}
