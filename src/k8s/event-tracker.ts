import type { K8sEvent } from '../tools/kubectl-types.js';

export interface TrackedEvent {
  event: K8sEvent;
  /** True when this event was seen before and only its `count` rose. */
  repeat: boolean;
}

/**
 * Remembers which events were already seen while an object's events are polled. An event
 * that repeats keeps its uid and raises `count`, so (uid, count) identifies what is new.
 */
export class EventTracker {
  private readonly seen = new Map<string, number>();

  /** The events of `events` not seen before (or seen with a lower count), oldest first. */
  fresh(events: readonly K8sEvent[]): TrackedEvent[] {
    const out: TrackedEvent[] = [];
    for (const event of [...events].sort(byTime)) {
      const key = event.metadata.uid ?? `${event.metadata.name}/${event.reason ?? ''}/${event.message ?? ''}`;
      const count = event.count ?? 1;
      const before = this.seen.get(key);
      if (before !== undefined && before >= count) continue;
      this.seen.set(key, count);
      out.push({ event, repeat: before !== undefined });
    }
    return out;
  }
}

function eventTime(event: K8sEvent): number {
  const text = event.lastTimestamp ?? event.eventTime ?? event.firstTimestamp ?? event.metadata.creationTimestamp ?? '';
  const time = Date.parse(text);
  return Number.isNaN(time) ? 0 : time;
}

function byTime(a: K8sEvent, b: K8sEvent): number {
  return eventTime(a) - eventTime(b);
}
