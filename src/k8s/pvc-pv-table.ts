import type { Pv, Pvc } from '../tools/kubectl-types.js';
import { accessModesShort } from './access-modes.js';
import { kubeAge } from './kube-age.js';

/** The rows `kubectl get pvc,pv` prints for one claim and its volume, as text cells (lay out with alignColumns(rows, 3)). */
export function claimTable(pvc: Pvc, pv: Pv | undefined, now: Date): string[][] {
  const rows: string[][] = [
    ['NAME', 'STATUS', 'VOLUME', 'CAPACITY', 'ACCESS MODES', 'STORAGECLASS', 'AGE'],
    [
      `persistentvolumeclaim/${pvc.metadata.name}`,
      pvc.status?.phase ?? '',
      pvc.spec.volumeName ?? '',
      pvc.status?.capacity?.storage ?? '',
      accessModesShort(pvc.status?.accessModes),
      pvc.spec.storageClassName ?? '',
      kubeAge(pvc.metadata.creationTimestamp, now),
    ],
  ];
  if (pv) {
    const claim = pv.spec.claimRef ? `${pv.spec.claimRef.namespace ?? ''}/${pv.spec.claimRef.name ?? ''}` : '';
    rows.push([
      `persistentvolume/${pv.metadata.name}`,
      pv.status?.phase ?? '',
      claim,
      pv.spec.capacity?.storage ?? '',
      accessModesShort(pv.spec.accessModes),
      pv.spec.storageClassName ?? '',
      kubeAge(pv.metadata.creationTimestamp, now),
    ]);
  }
  return rows;
}
