import type { CommandRunner, InputCheck } from '../command-runner.js';
import { ExplainedError } from '../exit-codes.js';
import { labDirDangerText } from '../flows/lab-dir-danger-text.js';
import { translator } from '../i18n/define.js';
import { labSafetyMessages } from '../i18n/lab-safety-messages.js';
import { forbiddenLabDir, isLabDir, labDirDanger } from '../lab/lab-dir-safety.js';
import { LabBusyError, takeLabLock } from '../lab/lab-lock.js';

/**
 * A mutating command (init, up, halt, destroy, storage, default-class, fix-permissions) as
 * it must run: never on the filesystem root or the home directory itself, and alone on its
 * lab — a second one says which command holds the lab and exits 1; a lock left by a process
 * that is gone is taken over with a note. A directory that is no lab yet is not locked (the
 * flow says there is no lab), except by `init`, which makes one where it may — after its
 * input is checked, so a refused option leaves no directory behind.
 */
export function holdingLab(command: string, run: CommandRunner, checkInput?: InputCheck): CommandRunner {
  return async (ctx, input) => {
    checkInput?.(ctx, input);
    const t = translator(labSafetyMessages, ctx.lang);
    const forbidden = await forbiddenLabDir(ctx.labDir);
    if (forbidden) throw new ExplainedError(labDirDangerText(forbidden, ctx.labDir, ctx.lang), 'lab-dir-refused');
    const lockable = command === 'init' ? !(await labDirDanger(ctx.labDir, { force: input.options.force === true })) : await isLabDir(ctx.labDir);
    if (!lockable) return run(ctx, input);
    let lock;
    try {
      lock = await takeLabLock(ctx.labDir, command);
    } catch (error) {
      if (!(error instanceof LabBusyError)) throw error;
      const { holder } = error;
      throw new ExplainedError(t('lockHeld', { dir: ctx.labDir, command: holder.command, pid: holder.pid, since: holder.since }), 'lab-locked');
    }
    if (lock.tookOverFrom) ctx.stderr.write(`${t('lockTakenOver', { command: lock.tookOverFrom.command, pid: lock.tookOverFrom.pid })}\n`);
    try {
      return await run(ctx, input);
    } finally {
      await lock.release();
    }
  };
}
