/**
 * A simulated tool asked to stop (SIGTERM, SIGHUP, and SIGINT unless it handles that
 * itself) dies by the signal as the real tool does — but only between two updates of the
 * simulator's state file: a handler runs after the synchronous read-modify-write in hand,
 * so the update's lock is always given back. Without it, Node's default would end the
 * process in the middle of one and leave the lock behind for the next tool.
 */
export function endBySignalBetweenUpdates(signals: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGHUP', 'SIGINT']): void {
  // once: the listener is gone when it runs, so the signal sent again meets Node's default.
  for (const signal of signals) process.once(signal, () => process.kill(process.pid, signal));
}
