import type { AppContext } from '../context.js';
import { redrawsLive, type Report } from './storage-report.js';

/** Waits shorter than this need no countdown: the "waiting up to N s" line says enough. */
const longWaitMs = 20_000;
/** In a pipe or log, one remaining-time line this often rather than one per poll. */
const plainEveryMs = 15_000;

/**
 * The remaining time of a long wait: redrawn in place at most once a second in a terminal,
 * a plain line every 15 s elsewhere. `show(left)` makes the text from the seconds left.
 */
export function countdown(ctx: AppContext, report: Report, started: number, timeoutMs: number): (show: (left: number) => string) => void {
  let lastShown = -1;
  let lastAt = started;
  return (show) => {
    if (timeoutMs < longWaitMs) return;
    const now = Date.now();
    const left = Math.max(0, Math.ceil((timeoutMs - (now - started)) / 1000));
    if (redrawsLive(ctx)) {
      if (left === lastShown) return;
    } else if (now - lastAt < plainEveryMs) return;
    lastShown = left;
    lastAt = now;
    report.live(show(left));
  };
}
