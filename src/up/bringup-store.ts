import { initialBringup, reduceBringup, type BringupEvent, type BringupState } from './bringup-reducer.js';

/**
 * Holds the bring-up state outside React: events are reduced here as fast as they
 * come, and a screen reads the latest state at its own, capped, pace.
 */
export class BringupStore {
  private state: BringupState;
  private readonly listeners = new Set<() => void>();

  constructor(
    machines: readonly string[],
    private readonly clock: () => number = Date.now,
  ) {
    this.state = initialBringup(machines, clock());
  }

  dispatch(event: BringupEvent): void {
    const next = reduceBringup(this.state, event, this.clock());
    if (next === this.state) return;
    this.state = next;
    for (const listener of this.listeners) listener();
  }

  getState(): BringupState {
    return this.state;
  }

  /** Called after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
}
