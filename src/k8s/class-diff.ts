import type { StorageClass } from '../tools/kubectl-types.js';

/** One field of a StorageClass that differs between the cluster and what the lab wants. */
export interface ClassFieldDiff {
  /** `provisioner`, `parameters.resturl`, `reclaimPolicy`, … */
  field: string;
  /** undefined: not set on that side. */
  current?: string;
  wanted?: string;
}

/** What the API server fills in when a class leaves a field out (storage.k8s.io/v1 defaults). */
const serverDefaults = { reclaimPolicy: 'Delete', volumeBindingMode: 'Immediate', allowVolumeExpansion: 'false' };

/** Parameters whose value is a secret: the difference is shown without the value. */
const secretParameters = new Set(['restuserkey']);
const hiddenValue = '(hidden)';

type ClassFields = Pick<StorageClass, 'provisioner' | 'parameters' | 'reclaimPolicy' | 'volumeBindingMode' | 'allowVolumeExpansion'>;

/**
 * Field-by-field difference of two StorageClasses, with server defaults applied to both
 * sides so that a field the template leaves out is not reported as a change. Empty: same class.
 */
export function diffStorageClass(current: ClassFields, wanted: ClassFields): ClassFieldDiff[] {
  const diffs: ClassFieldDiff[] = [];
  const push = (field: string, a: string | undefined, b: string | undefined, secret = false) => {
    if (a === b) return;
    const diff: ClassFieldDiff = { field };
    if (a !== undefined) diff.current = secret ? hiddenValue : a;
    if (b !== undefined) diff.wanted = secret ? hiddenValue : b;
    diffs.push(diff);
  };
  push('provisioner', current.provisioner, wanted.provisioner);
  const keys = [...new Set([...Object.keys(current.parameters ?? {}), ...Object.keys(wanted.parameters ?? {})])].sort();
  for (const key of keys) {
    push(`parameters.${key}`, current.parameters?.[key], wanted.parameters?.[key], secretParameters.has(key));
  }
  push('reclaimPolicy', current.reclaimPolicy ?? serverDefaults.reclaimPolicy, wanted.reclaimPolicy ?? serverDefaults.reclaimPolicy);
  push('volumeBindingMode', current.volumeBindingMode ?? serverDefaults.volumeBindingMode, wanted.volumeBindingMode ?? serverDefaults.volumeBindingMode);
  push(
    'allowVolumeExpansion',
    String(current.allowVolumeExpansion ?? serverDefaults.allowVolumeExpansion),
    String(wanted.allowVolumeExpansion ?? serverDefaults.allowVolumeExpansion),
  );
  return diffs;
}
