import { useMemo, useSyncExternalStore } from 'react';

/** Anything that holds a state outside React and says when it changed. */
export interface ExternalStore<S> {
  getState(): S;
  subscribe(listener: () => void): () => void;
}

interface ThrottledView<S> {
  getSnapshot: () => S;
  subscribe: (listener: () => void) => () => void;
}

/** The store as React sees it: a snapshot that moves at most once per `minIntervalMs`. */
function throttledView<S>(store: ExternalStore<S>, minIntervalMs: number): ThrottledView<S> {
  let snapshot = store.getState();
  return {
    getSnapshot: () => snapshot,
    subscribe: (listener) => {
      let last = 0;
      let timer: NodeJS.Timeout | undefined;
      const flush = () => {
        timer = undefined;
        last = Date.now();
        snapshot = store.getState();
        listener();
      };
      const unsubscribe = store.subscribe(() => {
        if (timer) return;
        timer = setTimeout(flush, Math.max(0, last + minIntervalMs - Date.now()));
      });
      // Changes between the first render and the subscription: React reads the snapshot again once subscribed.
      snapshot = store.getState();
      return () => {
        unsubscribe();
        if (timer) clearTimeout(timer);
      };
    },
  };
}

/**
 * The store's latest state, re-read at most once per `minIntervalMs`: thousands of
 * events a second become a handful of frames, and nothing renders while none come.
 */
export function useThrottledStore<S>(store: ExternalStore<S>, minIntervalMs: number): S {
  const view = useMemo(() => throttledView(store, minIntervalMs), [store, minIntervalMs]);
  return useSyncExternalStore(view.subscribe, view.getSnapshot);
}
