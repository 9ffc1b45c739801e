import { useEffect, useState } from 'react';

/** The time now, refreshed once a second while `running`; frozen (no timer at all) otherwise. */
export function useClock(running: boolean, now: () => number = Date.now): number {
  const [time, setTime] = useState(now);
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setTime(now()), 1000);
    return () => clearInterval(timer);
  }, [running, now]);
  return time;
}
