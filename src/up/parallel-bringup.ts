import type { BringupStep } from './bringup-order.js';

/** How one VM's own `vagrant up` ended; 'not-started' when a VM it waits for did not come up, or on Ctrl-C. */
export type MachineOutcome = 'ok' | 'failed' | 'interrupted' | 'not-started';

export interface ParallelBringup {
  steps: readonly BringupStep[];
  /** Brings one VM up and says how it ended; a rejection counts as 'failed' and is rethrown at the end. */
  upOne: (name: string) => Promise<Exclude<MachineOutcome, 'not-started'>>;
  /** Once aborted (Ctrl-C), no further VM is started; the running ones stop on the same signal. */
  signal: AbortSignal;
  /** Told as each VM starts (tests and benchmarks watch the order). */
  onStart?: (name: string) => void;
}

/**
 * Starts every VM whose prerequisites are up, all at once, and each further VM as soon as
 * the ones it waits for are up. A VM that fails does not stop the others: they finish (or
 * stop on Ctrl-C), and only the VMs that wait for it are left unstarted.
 */
export async function runParallelBringup({ steps, upOne, signal, onStart }: ParallelBringup): Promise<Map<string, MachineOutcome>> {
  const results = new Map<string, MachineOutcome>();
  const running = new Map<string, Promise<void>>();
  let unexpected: { error: unknown } | undefined;
  const startReady = () => {
    if (signal.aborted) return;
    for (const step of steps) {
      if (results.has(step.name) || running.has(step.name)) continue;
      if (!step.after.every((name) => results.get(name) === 'ok')) continue;
      onStart?.(step.name);
      const done = upOne(step.name).then(
        (outcome) => outcome,
        (error: unknown) => {
          unexpected ??= { error };
          return 'failed' as const;
        },
      );
      running.set(
        step.name,
        done.then((outcome) => {
          results.set(step.name, outcome);
          running.delete(step.name);
        }),
      );
    }
  };
  startReady();
  while (running.size > 0) {
    await Promise.race(running.values());
    startReady();
  }
  for (const step of steps) if (!results.has(step.name)) results.set(step.name, 'not-started');
  if (unexpected) throw unexpected.error;
  return results;
}

/** The bring-up's outcome from its VMs': interrupted wins, then any failure (a VM left unstarted is one). */
export function overallOutcome(results: ReadonlyMap<string, MachineOutcome>, aborted: boolean): 'ok' | 'failed' | 'interrupted' {
  const all = [...results.values()];
  if (aborted || all.includes('interrupted')) return 'interrupted';
  return all.every((o) => o === 'ok') ? 'ok' : 'failed';
}
