import { useEffect, useRef, useState } from 'react';

/** Anything that holds a state outside React and says when it changed. */
export interface ExternalStore<S> {
  getState(): S;
  subscribe(listener: () => void): () => void;
}

/**
 * The store's latest state, re-read at most once per `minIntervalMs`: thousands of
 * events a second become a handful of frames, and nothing renders while none come.
 * With `sameView`, a state that would show the same as the one on screen (a line for a
 * tail nobody is looking at) makes no frame at all; when what is looked at changes
 * (`view`: another VM's tail), the latest state is read again.
 */
export function useThrottledStore<S>(store: ExternalStore<S>, minIntervalMs: number, sameView?: (shown: S, next: S) => boolean, view?: string): S {
  const [state, setState] = useState(() => store.getState());
  const shown = useRef(state);
  shown.current = state;
  const same = useRef(sameView);
  same.current = sameView;
  useEffect(() => {
    let last = 0;
    let timer: NodeJS.Timeout | undefined;
    const flush = () => {
      timer = undefined;
      // Read even when it is not drawn: reading is what asks the store for the next change.
      const next = store.getState();
      if (same.current?.(shown.current, next)) return;
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
  }, [store, minIntervalMs]);
  // A state held back as unseen may be seen now.
  useEffect(() => {
    if (sameView) setState(store.getState());
  }, [view]);
  return state;
}
