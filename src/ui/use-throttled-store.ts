import { useEffect, useRef, useState } from 'react';

/** Anything that holds a state outside React and says when it changed. */
export interface ExternalStore<S> {
  getState(): S;
  subscribe(listener: () => void): () => void;
}

/** How much of what is on screen a new state changes. */
export type ViewChange = 'none' | 'minor' | 'major';

export interface ThrottleOptions<S> {
  /** Minimum time between two frames. */
  minIntervalMs: number;
  /**
   * What a new state changes on screen: `none` makes no frame at all (a line for a tail
   * nobody is looking at), `minor` waits for `minorIntervalMs` since the last frame (a
   * line joining the tail on screen), `major` only for `minIntervalMs`. Every change is
   * major without it.
   */
  change?: (shown: S, next: S) => ViewChange;
  minorIntervalMs?: number;
  /** What is looked at (another VM's tail): when it changes, the latest state is read again. */
  view?: string;
}

/**
 * The store's latest state, re-read at most once per `minIntervalMs`: thousands of
 * events a second become a handful of frames, and nothing renders while none come.
 */
export function useThrottledStore<S>(store: ExternalStore<S>, options: ThrottleOptions<S>): S {
  const { minIntervalMs, minorIntervalMs = minIntervalMs, view } = options;
  const [state, setState] = useState(() => store.getState());
  const shown = useRef(state);
  shown.current = state;
  const change = useRef(options.change);
  change.current = options.change;
  useEffect(() => {
    let last = 0;
    let timer: NodeJS.Timeout | undefined;
    const flush = () => {
      timer = undefined;
      // Read even when it is not drawn: reading is what asks the store for the next change.
      const next = store.getState();
      const kind = change.current?.(shown.current, next) ?? 'major';
      if (kind === 'none') return;
      const wait = last + (kind === 'minor' ? minorIntervalMs : minIntervalMs) - Date.now();
      if (wait > 0) {
        timer = setTimeout(flush, wait);
        return;
      }
      last = Date.now();
      setState(next);
    };
    const unsubscribe = store.subscribe(() => {
      if (timer) return;
      timer = setTimeout(flush, Math.max(0, last + minIntervalMs - Date.now()));
    });
    // Changes between the first render and the subscription.
    setState(store.getState());
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [store, minIntervalMs, minorIntervalMs]);
  // A state held back as unseen may be seen now.
  useEffect(() => {
    if (change.current) setState(store.getState());
  }, [view, store]);
  return state;
}
