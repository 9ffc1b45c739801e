import type { BringupState, VmState } from '../up/bringup-reducer.js';
import type { ViewChange } from './use-throttled-store.js';

/**
 * What `next` changes on the bring-up screen against `shown`, when the tail on screen is
 * `tailOf`'s (undefined: the general lines): `major` for the VM rows, the title or the
 * outcome, `minor` for new lines in the tail on screen only, `none` when a person would
 * see no difference (lines that join another VM's tail, the line count).
 */
export function bringupViewChange(shown: BringupState, next: BringupState, tailOf: string | undefined): ViewChange {
  if (shown === next) return 'none';
  if (
    shown.order !== next.order ||
    shown.active !== next.active ||
    shown.outcome !== next.outcome ||
    shown.stopping !== next.stopping ||
    shown.errorExit !== next.errorExit ||
    shown.startedAt !== next.startedAt ||
    shown.finishedAt !== next.finishedAt
  ) {
    return 'major';
  }
  let tail = false;
  for (const name of next.order) {
    const a = shown.vms[name];
    const b = next.vms[name];
    if (a === b) continue;
    if (!a || !b || !sameRow(a, b)) return 'major';
    if (name === tailOf && a.tail !== b.tail) tail = true;
  }
  if (tailOf === undefined || next.vms[tailOf] === undefined) tail ||= shown.general !== next.general;
  return tail ? 'minor' : 'none';
}

/** What a VM's row shows: its phase, task, times and RECAP. */
function sameRow(a: VmState, b: VmState): boolean {
  return (
    a.phase === b.phase &&
    a.task === b.task &&
    a.failedIn === b.failedIn &&
    a.failedTask === b.failedTask &&
    a.startedAt === b.startedAt &&
    a.finishedAt === b.finishedAt &&
    a.recap === b.recap
  );
}

/**
 * Whether a time that moves every second is on screen: the total in the title, or the
 * elapsed column of a VM at work. A screen taller than the terminal loses its top rows
 * (the terminal scrolls), and a terminal narrower than where the elapsed column starts
 * cuts it off. `height` is the screen's rows, `titleRow` the title's, `firstVmRow` the
 * first VM row's, `elapsedAt` the column where the elapsed time starts.
 */
export function secondsOnScreen(layout: { height: number; titleRow: number; firstVmRow: number; elapsedAt: number }, working: readonly boolean[], terminal: { rows?: number; columns?: number }): boolean {
  const hidden = terminal.rows ? Math.max(0, layout.height - terminal.rows) : 0;
  if (layout.titleRow >= hidden) return true;
  if (terminal.columns !== undefined && terminal.columns > 0 && layout.elapsedAt >= terminal.columns) return false;
  return working.some((atWork, i) => atWork && layout.firstVmRow + i >= hidden);
}
