import { markAlive, thisProcess, type ProcessMark } from '../host/process-identity.js';
import type { KubeTarget } from '../tools/kubectl-types.js';
import { deleteResource, getLabelledPods } from '../tools/kubectl.js';
import type { Pod } from '../tools/kubectl-types.js';
import { shortReason } from '../tools/short-reason.js';
import type { ToolOptions } from '../tools/tool-options.js';

/** Set on every temporary pod: the run that made it (host/pid/start time), to tell a leftover from a pod in use. */
export const ownerAnnotation = 'gluster-lab/owner';

/** The owner annotation's value for pods this process makes. */
export function ownerValue(): string {
  const me = thisProcess();
  return [me.host, me.pid, me.started ?? ''].join('/');
}

/** A run on another machine (two people on one cluster) is over after this long. */
const otherHostRunMs = 60 * 60 * 1000;

export interface LeftoverPod {
  namespace: string;
  name: string;
}

/**
 * Temporary pods (`gluster-lab/temporary=true`) whose run is over: its process is gone (a
 * `fix-permissions` killed with SIGKILL, a machine that lost power), or — made on another
 * machine, or by a version that did not mark its pods — older than an hour. A pod of a run
 * still going (another lab's fix-permissions on this machine) is not one.
 */
export async function findLeftoverPods(kube: KubeTarget, tool: ToolOptions, now = Date.now()): Promise<LeftoverPod[]> {
  const pods = (await getLabelledPods(kube, 'gluster-lab/temporary=true', tool)).items;
  return pods.filter((pod) => !pod.metadata.deletionTimestamp && runIsOver(pod, now)).map((pod) => ({ namespace: pod.metadata.namespace ?? 'default', name: pod.metadata.name }));
}

function runIsOver(pod: Pod, now: number): boolean {
  const created = Date.parse(pod.metadata.creationTimestamp ?? '');
  const old = () => Number.isFinite(created) && now - created > otherHostRunMs;
  const mark = parseOwner(pod.metadata.annotations?.[ownerAnnotation]);
  if (!mark) return old();
  return !markAlive(mark, () => !old());
}

function parseOwner(value: string | undefined): ProcessMark | undefined {
  const [host, pid, started] = (value ?? '').split('/');
  const number = Number(pid);
  if (!host || !Number.isInteger(number) || number <= 0) return undefined;
  return started ? { host, pid: number, started } : { host, pid: number };
}

/** Deletes the leftovers, waiting (bounded) until each is gone so no later listing shows it as a claim's user. */
export async function removeLeftoverPods(kube: KubeTarget, pods: readonly LeftoverPod[], tool: ToolOptions): Promise<Array<LeftoverPod & { error?: string }>> {
  const results: Array<LeftoverPod & { error?: string }> = [];
  for (const pod of pods) {
    try {
      await deleteResource(kube, 'pod', pod.name, pod.namespace, { ...tool, wait: true });
      results.push(pod);
    } catch (error) {
      results.push({ ...pod, error: shortReason(error) });
    }
  }
  return results;
}
