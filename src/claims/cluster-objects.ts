import type { KubeTarget } from '../context.js';
import { currentTarget, getPods, getPvcs, getPvs, getStorageClasses } from '../tools/kubectl.js';
import type { NamespaceScope, Pod, Pv, Pvc, StorageClass } from '../tools/kubectl-types.js';
import { ToolError } from '../tools/tool-error.js';
import type { ToolOptions } from '../tools/tool-options.js';
import { allEnded } from '../tools/all-ended.js';

/** The objects doctor and fix-permissions read, fetched once per run. */
export interface ClusterObjects {
  /** 'all' namespaces, or the one namespace the user may list when `-A` is forbidden. */
  scope: NamespaceScope;
  classes: StorageClass[];
  pvcs: Pvc[];
  pvs: Pv[];
  pods: Pod[];
}

/** RBAC refusal, in kubectl's wording ("... is forbidden: User ... cannot list resource ..."). */
function isForbidden(error: unknown): boolean {
  return error instanceof ToolError && error.kind === 'failed' && /forbidden/i.test(error.stderrTail);
}

/**
 * Reads classes, claims, volumes and pods. Claims and pods come from every namespace the
 * user can read: `-A` when allowed, else the current context's namespace. Cluster-scoped
 * lists the user may not read count as empty (a namespaced user still gets an answer).
 */
export async function readClusterObjects(kube: KubeTarget, opts: ToolOptions): Promise<ClusterObjects> {
  const orEmpty = <T>(promise: Promise<{ items: T[] }>) =>
    promise.then(
      (list) => list.items,
      (error: unknown) => {
        if (isForbidden(error)) return [] as T[];
        throw error;
      },
    );
  let scope: string = 'all';
  let pvcs: Pvc[];
  try {
    pvcs = (await getPvcs(kube, 'all', opts)).items;
  } catch (error) {
    if (!isForbidden(error)) throw error;
    scope = (await currentTarget(kube, opts)).namespace ?? 'default';
    pvcs = (await getPvcs(kube, scope, opts)).items;
  }
  const [classes, pvs, pods] = await allEnded([
    orEmpty(getStorageClasses(kube, opts)),
    orEmpty(getPvs(kube, opts)),
    getPods(kube, scope, opts).then((l) => l.items),
  ]);
  return { scope, classes, pvcs, pvs, pods };
}
