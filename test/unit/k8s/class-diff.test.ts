import { describe, expect, it } from 'vitest';
import { diffStorageClass } from '../../../src/k8s/class-diff.js';

const wanted = {
  provisioner: 'kubernetes.io/glusterfs',
  parameters: { resturl: 'http://127.0.0.1:8080', restuser: 'admin', secretName: 'heketi-secret', secretNamespace: 'default', volumetype: 'replicate:3' },
  reclaimPolicy: 'Delete',
  allowVolumeExpansion: true,
};

describe('field-by-field difference of a StorageClass', () => {
  it('finds nothing when the server only added its defaults', () => {
    expect(diffStorageClass({ ...wanted, volumeBindingMode: 'Immediate' }, wanted)).toEqual([]);
  });
  it('lists each differing field, parameters one by one', () => {
    const current = {
      provisioner: 'kubernetes.io/glusterfs',
      parameters: { resturl: 'http://10.0.0.5:8080', restuser: 'admin', secretName: 'old', secretNamespace: 'kube-system', restuserkey: 'plain-key' },
      volumeBindingMode: 'WaitForFirstConsumer',
    };
    expect(diffStorageClass(current, wanted)).toEqual([
      { field: 'parameters.resturl', current: 'http://10.0.0.5:8080', wanted: 'http://127.0.0.1:8080' },
      { field: 'parameters.restuserkey', current: '(hidden)' },
      { field: 'parameters.secretName', current: 'old', wanted: 'heketi-secret' },
      { field: 'parameters.secretNamespace', current: 'kube-system', wanted: 'default' },
      { field: 'parameters.volumetype', wanted: 'replicate:3' },
      { field: 'volumeBindingMode', current: 'WaitForFirstConsumer', wanted: 'Immediate' },
      { field: 'allowVolumeExpansion', current: 'false', wanted: 'true' },
    ]);
  });
  it('reports another provisioner and reclaim policy', () => {
    expect(diffStorageClass({ ...wanted, provisioner: 'rancher.io/local-path', reclaimPolicy: 'Retain' }, wanted)).toEqual([
      { field: 'provisioner', current: 'rancher.io/local-path', wanted: 'kubernetes.io/glusterfs' },
      { field: 'reclaimPolicy', current: 'Retain', wanted: 'Delete' },
    ]);
  });
});
