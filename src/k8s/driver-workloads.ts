import type { Pod, Workload } from '../tools/kubectl-types.js';
import type { DriverWorkload } from './csi-driver-release.js';

/** The pods a workload selects (its matchLabels), not being deleted. */
export function podsOfWorkload(workload: Pick<DriverWorkload, 'namespace' | 'labels'>, pods: readonly Pod[]): Pod[] {
  return pods.filter(
    (pod) =>
      (pod.metadata.namespace ?? 'default') === workload.namespace &&
      !pod.metadata.deletionTimestamp &&
      Object.entries(workload.labels).every(([key, value]) => pod.metadata.labels?.[key] === value),
  );
}

/** Running with every container ready: what `kubectl get pods` shows as 3/3. */
export function podIsReady(pod: Pod): boolean {
  const statuses = pod.status?.containerStatuses ?? [];
  return pod.status?.phase === 'Running' && statuses.length > 0 && statuses.every((s) => s.ready);
}

/**
 * How many Ready pods the workload needs: a Deployment's replicas (1 when unset), a
 * DaemonSet's desiredNumberScheduled — 0 until its controller has counted the nodes.
 */
export function workloadDesired(workload: Pick<DriverWorkload, 'kind'>, object: Workload | undefined): number {
  if (!object) return 0;
  if (workload.kind === 'Deployment') return object.spec?.replicas ?? 1;
  return object.status?.desiredNumberScheduled ?? 0;
}

/** `csi-nfs-node-x7k2p 2/3 ImagePullBackOff`, as `kubectl get pods` would show it. */
export function driverPodState(pod: Pod): string {
  const statuses = pod.status?.containerStatuses ?? [];
  const ready = statuses.filter((s) => s.ready).length;
  const waiting = statuses.find((s) => s.state?.waiting?.reason !== undefined && s.state.waiting.reason !== 'ContainerCreating')?.state?.waiting?.reason;
  const crashed = statuses.find((s) => s.state?.terminated !== undefined)?.state?.terminated?.reason;
  return `${pod.metadata.name} ${ready}/${statuses.length || '?'} ${waiting ?? crashed ?? pod.status?.phase ?? 'Pending'}`;
}
