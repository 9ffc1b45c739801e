import { appendTail, initialBringup, reduceBringup, tailOnlyOwner, TAIL_LINES, type BringupEvent, type BringupState } from './bringup-reducer.js';

/**
 * Holds the bring-up state outside React: events are reduced here as fast as they
 * come, and a screen reads the latest state at its own, capped, pace.
 *
 * Most lines of a bring-up only join a VM's tail. Reducing each one would build a new
 * state per line (100,000 of them in a long `up`) that nobody reads: those lines wait
 * in `pending` and are appended in one step when the state is read or anything else
 * happens. The result is the reducer's, line by line (bringup-store.test.ts checks it).
 */
export class BringupStore {
  private state: BringupState;
  private readonly listeners = new Set<() => void>();
  private pendingOwner = '';
  private pending: string[] = [];
  /** Listeners were told of a change nobody has read yet: telling them again says nothing new. */
  private told = false;

  constructor(
    machines: readonly string[],
    private readonly clock: () => number = Date.now,
  ) {
    this.state = initialBringup(machines, clock());
  }

  dispatch(event: BringupEvent): void {
    const owner = tailOnlyOwner(this.state, event);
    if (owner !== undefined && event.type === 'line') {
      if (owner !== this.pendingOwner) this.flush();
      this.pendingOwner = owner;
      this.pending.push(event.text);
      // Only the newest TAIL_LINES can be seen: fold them in before holding more.
      if (this.pending.length >= TAIL_LINES * 2) this.flush();
      this.changed();
      return;
    }
    this.flush();
    const next = reduceBringup(this.state, event, this.clock());
    if (next === this.state) return;
    this.state = next;
    this.changed();
  }

  getState(): BringupState {
    this.flush();
    this.told = false;
    return this.state;
  }

  /**
   * Called after a change, once until the state is read again (a read is what a listener
   * does with the news); returns the unsubscribe function.
   */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.state = appendTail(this.state, this.pendingOwner, this.pending);
    // Emptied in place: a fresh `[]` starts as an array of small integers, and the first
    // string pushed changes its kind, which throws away the compiled code that pushes here.
    this.pending.length = 0;
  }

  private changed(): void {
    if (this.told) return;
    this.told = true;
    for (const listener of this.listeners) listener();
  }
}
