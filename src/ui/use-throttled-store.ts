import { useEffect, useState } from 'react';

/** Anything that holds a state outside React and says when it changed. */
export interface ExternalStore<S> {
  getState(): S;
  subscribe(listener: () => void): () => void;
}

/**
 * The store's latest state, re-read at most once per `minIntervalMs`: thousands of
 * events a second become a handful of frames, and nothing renders while none come.
 */
export function useThrottledStore<S>(store: ExternalStore<S>, minIntervalMs: number): S {
  const [state, setState] = useState(() => store.getState());
  useEffect(() => {
    let last = 0;
    let timer: NodeJS.Timeout | undefined;
    const flush = () => {
      timer = undefined;
      last = Date.now();
      setState(store.getState());
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
  }, [store, minIntervalMs]);
  return state;
}
