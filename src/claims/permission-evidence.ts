import type { K8sEvent, Pod } from '../tools/kubectl-types.js';

/** What a failed write to a root-owned directory prints, from coreutils, busybox or the kernel's EACCES text. */
const permissionDeniedPattern = /permission denied/i;

/** Lines of a container's state (waiting/terminated messages, now and before its last restart). */
export function podStateLines(pod: Pod): string[] {
  const lines: string[] = [];
  for (const status of pod.status?.containerStatuses ?? []) {
    for (const state of [status.state, status.lastState]) {
      const message = state?.waiting?.message ?? state?.terminated?.message;
      if (message) lines.push(...message.split('\n'));
    }
  }
  if (pod.status?.message) lines.push(pod.status.message);
  return lines;
}

/**
 * Event messages, as kubectl describe shows them: "Warning FailedMount: message". A message
 * of several lines (kubelet's mount errors) gives several lines, so each can be matched.
 */
export function eventLines(events: readonly K8sEvent[]): string[] {
  return events.flatMap((e) => {
    const [first = '', ...rest] = (e.message ?? '').split('\n');
    return [`${e.type ?? ''} ${e.reason ?? ''}: ${first}`.trim(), ...rest.map((l) => l.trim()).filter((l) => l.length > 0)];
  });
}

/** The lines among `lines` that show a denied write, trimmed, at most `max` of them. */
export function permissionDeniedLines(lines: Iterable<string>, max = 3): string[] {
  const found: string[] = [];
  for (const line of lines) {
    if (!permissionDeniedPattern.test(line)) continue;
    const trimmed = line.trim();
    if (!found.includes(trimmed)) found.push(trimmed);
    if (found.length >= max) break;
  }
  return found;
}

/** True when a container has started at least once, so `kubectl logs` has something to show. */
export function hasLogs(pod: Pod): boolean {
  return (pod.status?.containerStatuses ?? []).some(
    (s) => s.state?.running !== undefined || s.state?.terminated !== undefined || s.lastState?.terminated !== undefined || s.restartCount > 0,
  );
}
