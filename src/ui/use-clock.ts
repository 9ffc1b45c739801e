import { useEffect, useState } from 'react';

/**
 * The time now, in whole seconds since `origin` (origin + n × 1000), moved on once at each
 * second's turn while `running`; no timer at all otherwise. Every time shown on a screen
 * counted from the same origin turns at the same moment, so one frame a second shows
 * them all, and a frame drawn for another reason in between changes none of them.
 */
export function useClock(running: boolean, origin: number, now: () => number = Date.now): number {
  const snap = () => origin + Math.floor((now() - origin) / 1000) * 1000;
  const [time, setTime] = useState(snap);
  useEffect(() => {
    if (!running) return;
    let timer: NodeJS.Timeout;
    const schedule = () => {
      // To the next turn of the second, and a millisecond past it so it has turned.
      const into = (((now() - origin) % 1000) + 1000) % 1000;
      timer = setTimeout(() => {
        setTime(snap());
        schedule();
      }, 1001 - into);
    };
    // The time moved on while the clock was stopped (or hidden).
    setTime(snap());
    schedule();
    return () => clearTimeout(timer);
  }, [running, origin, now]);
  return time;
}
