import { useEffect, useReducer, useRef } from 'react';

/** How late a second may turn on screen when nothing else draws, so that a frame drawn for something else shows it instead. */
const TURN_SLACK_MS = 250;

/**
 * The time now, in whole seconds since `origin` (origin + n × 1000), read afresh at each
 * render. Every time shown counted from the same origin turns at the same moment, so one
 * frame shows them all. While `running`, a frame is asked for once a second, a little
 * after the turn, and only when no frame drawn since (for new output) already showed
 * it; otherwise there is no timer at all.
 */
export function useClock(running: boolean, origin: number, now: () => number = Date.now): number {
  const time = origin + Math.floor((now() - origin) / 1000) * 1000;
  const shown = useRef(time);
  shown.current = time;
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (!running) return;
    let timer: NodeJS.Timeout;
    const schedule = () => {
      const into = (((now() - origin) % 1000) + 1000) % 1000;
      timer = setTimeout(() => {
        if (origin + Math.floor((now() - origin) / 1000) * 1000 !== shown.current) redraw();
        schedule();
      }, 1000 - into + TURN_SLACK_MS);
    };
    schedule();
    return () => clearTimeout(timer);
  }, [running, origin, now]);
  return time;
}
