/**
 * Two-stage Ctrl-C: the first press aborts `signal` (children get SIGINT and may clean
 * up), the second aborts `forceSignal` (children are killed). Raw-mode screens call
 * `interrupt()` for the key; outside raw mode SIGINT does.
 */
export function createInterrupts(onStage: (stage: 1 | 2) => void) {
  const graceful = new AbortController();
  const force = new AbortController();
  const interrupt = () => {
    if (!graceful.signal.aborted) {
      graceful.abort();
      onStage(1);
    } else if (!force.signal.aborted) {
      force.abort();
      onStage(2);
    }
  };
  /**
   * The same two stages without the Ctrl-C wording: SIGTERM and SIGHUP stop the flow as a
   * first Ctrl-C does (children asked, temporary pods removed); a second one forces.
   */
  const stop = () => {
    if (!graceful.signal.aborted) graceful.abort();
    else force.abort();
  };
  /** Stops without a word: nobody is reading any more (the output pipe closed). */
  const abortQuietly = () => {
    graceful.abort();
    force.abort();
  };
  return { signal: graceful.signal, forceSignal: force.signal, interrupt, stop, abortQuietly };
}

let active: (() => void) | undefined;

/** One SIGINT listener for the whole program; it calls whichever step owns Ctrl-C now. */
export function installSigintHandler(): void {
  process.on('SIGINT', () => active?.());
}

/** Makes `handler` receive SIGINT until the returned function restores the previous owner. */
export function routeSigint(handler: () => void): () => void {
  const previous = active;
  active = handler;
  return () => {
    active = previous;
  };
}
