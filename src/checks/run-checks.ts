import type { CheckId, CheckResult } from './check-result.js';
import type { CheckTask } from './check-plan.js';

/** What the screen, the plain printer and --json all consume while checks run. */
export type CheckEvent =
  | { type: 'started'; id: CheckId }
  | { type: 'slow'; id: CheckId }
  | { type: 'finished'; result: CheckResult };

export interface RunChecksOptions {
  onEvent?: (event: CheckEvent) => void;
  /** After this long a running check reports itself as slow (flutter doctor's "still working"). */
  slowAfterMs?: number;
  /** A check's own code threw (a bug, not a missing tool): turn it into a failure row that says so. */
  crashed: (id: CheckId, error: unknown) => CheckResult;
}

const defaultSlowAfterMs = 3_000;

/**
 * Starts every check at once and resolves with the results in the tasks' order, however
 * they finish; events come as they happen.
 */
export async function runChecks(tasks: readonly CheckTask[], options: RunChecksOptions): Promise<CheckResult[]> {
  const emit = options.onEvent ?? (() => {});
  const slowAfterMs = options.slowAfterMs ?? defaultSlowAfterMs;
  return Promise.all(
    tasks.map(async (task) => {
      emit({ type: 'started', id: task.id });
      const timer = setTimeout(() => emit({ type: 'slow', id: task.id }), slowAfterMs);
      let result: CheckResult;
      try {
        result = await task.run();
      } catch (error) {
        result = options.crashed(task.id, error);
      } finally {
        clearTimeout(timer);
      }
      emit({ type: 'finished', result });
      return result;
    }),
  );
}
