import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import {
  chmodPodManifest,
  clientDeploymentManifest,
  heketiSecretManifest,
  manifestDir,
  manifestTemplates,
  nfsProbePodManifest,
  nfsStorageClassManifest,
  pvcManifest,
  storageClassManifest,
  toYaml,
} from '../../../src/k8s/manifests.js';

describe('manifests filled from k8s-yaml/', () => {
  it('heketiSecretManifest puts the trimmed key, base64-encoded, under data.key', () => {
    expect(heketiSecretManifest({ name: 'heketi-secret', namespace: 'storage', key: 's3cr3t-value\n' })).toEqual({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'heketi-secret', namespace: 'storage' },
      type: 'kubernetes.io/glusterfs',
      data: { key: Buffer.from('s3cr3t-value').toString('base64') },
    });
  });

  it('storageClassManifest fills the Heketi parameters and keeps replicate:3 by default', () => {
    const options = { name: 'gluster-heketi', resturl: 'http://127.0.0.1:18080', restuser: 'admin', secretName: 'heketi-secret', secretNamespace: 'default' };
    expect(storageClassManifest(options)).toEqual({
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: 'gluster-heketi' },
      provisioner: 'kubernetes.io/glusterfs',
      parameters: {
        resturl: 'http://127.0.0.1:18080',
        restuser: 'admin',
        secretNamespace: 'default',
        secretName: 'heketi-secret',
        volumetype: 'replicate:3',
      },
      reclaimPolicy: 'Delete',
      allowVolumeExpansion: true,
    });
    expect(storageClassManifest({ ...options, volumetype: 'none' }).parameters.volumetype).toBe('none');
  });

  it('pvcManifest sets name, namespace, size, access mode and class', () => {
    expect(pvcManifest({ name: 'data', namespace: 'team-a', size: '2Gi', accessMode: 'ReadWriteOnce', storageClassName: 'gluster-heketi' })).toEqual({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'data', namespace: 'team-a' },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '2Gi' } }, storageClassName: 'gluster-heketi' },
    });
  });

  it('clientDeploymentManifest mounts the claim and keeps name, labels and selector in step', () => {
    const deployment = clientDeploymentManifest({ name: 'web', namespace: 'default', claimName: 'gvol-9', replicas: 3 });
    expect(deployment.metadata).toEqual({ name: 'web', namespace: 'default', labels: { app: 'web' } });
    expect(deployment.spec.replicas).toBe(3);
    expect(deployment.spec.selector).toEqual({ matchLabels: { app: 'web' } });
    expect(deployment.spec.template.metadata).toEqual({ labels: { app: 'web' } });
    expect(deployment.spec.template.spec.volumes).toEqual([{ name: 'gvol', persistentVolumeClaim: { claimName: 'gvol-9' } }]);
    expect(deployment.spec.template.spec.containers[0]?.volumeMounts).toEqual([{ name: 'gvol', mountPath: '/mnt' }]);

    const defaults = clientDeploymentManifest({ namespace: 'default', claimName: 'gvol-1' });
    expect(defaults.metadata.name).toBe('gfs-client');
    expect(defaults.spec.replicas).toBe(2);
    expect(defaults.spec.selector.matchLabels).toEqual({ app: 'gfs-client' });
  });

  it('chmodPodManifest runs chmod a+w /mnt once on the chosen claim', () => {
    expect(chmodPodManifest({ name: 'gfs-chmod-gvol-1', namespace: 'default', claimName: 'gvol-1' })).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'gfs-chmod-gvol-1', namespace: 'default' },
      spec: {
        restartPolicy: 'Never',
        containers: [{ name: 'chmod', image: 'busybox:1.36', command: ['chmod', 'a+w', '/mnt'], volumeMounts: [{ name: 'gvol', mountPath: '/mnt' }] }],
        volumes: [{ name: 'gvol', persistentVolumeClaim: { claimName: 'gvol-1' } }],
      },
    });
  });

  it('nfsStorageClassManifest: csi-driver-nfs on the lab export, a directory per namespace and claim, NFSv4.1, onDelete as chosen', () => {
    const options = { name: 'gluster-nfs', server: '127.0.0.21', share: '/k8s-nfs', onDelete: 'retain' as const };
    expect(nfsStorageClassManifest(options)).toEqual({
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: 'gluster-nfs' },
      provisioner: 'nfs.csi.k8s.io',
      parameters: { server: '127.0.0.21', share: '/k8s-nfs', subDir: '${pvc.metadata.namespace}/${pvc.metadata.name}', onDelete: 'retain' },
      reclaimPolicy: 'Delete',
      volumeBindingMode: 'Immediate',
      allowVolumeExpansion: true,
      mountOptions: ['nfsvers=4.1'],
    });
    expect(nfsStorageClassManifest({ ...options, mountPermissions: '0777' }).parameters.mountPermissions).toBe('0777');
  });

  it('nfsProbePodManifest tries TCP 2049 on the server once, as nobody, with every capability dropped', () => {
    const pod = nfsProbePodManifest({ name: 'gl-nfs-probe-x', namespace: 'default', server: '127.0.0.21' });
    expect(pod.metadata).toEqual({ name: 'gl-nfs-probe-x', namespace: 'default' });
    expect(pod.spec.restartPolicy).toBe('Never');
    expect(pod.spec.containers[0]?.command).toEqual(['nc', '-z', '-v', '-w', '5', '127.0.0.21', '2049']);
    expect(pod.spec.volumes).toBeUndefined();
    expect(pod).toMatchObject({ spec: { securityContext: { runAsNonRoot: true, runAsUser: 65534 }, containers: [{ securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } } }] } });
  });

  it('toYaml gives text that parses back to the same object', () => {
    const pod = chmodPodManifest({ name: 'p', namespace: 'n', claimName: 'c' });
    const docs = parseAllDocuments(toYaml(pod));
    expect(docs).toHaveLength(1);
    expect(docs[0]?.toJS()).toEqual(pod);
  });
});

describe('k8s-yaml templates', () => {
  const files = readdirSync(manifestDir()).filter((file) => file.endsWith('.yml'));

  it('are exactly the manifests of SPEC §2, both paths', () => {
    expect(files.sort()).toEqual(Object.values(manifestTemplates).map((t) => t.file).sort());
  });

  it('hold no real-looking key: the Secret holds base64 of "change-me" and no value is long and random', () => {
    for (const file of files) {
      const text = readFileSync(join(manifestDir(), file), 'utf8');
      expect(text, file).not.toMatch(/BEGIN [A-Z ]*PRIVATE KEY|ssh-(rsa|ed25519) AAAA/);
      // A generated Heketi key is 43 base64url characters; a token or hash is longer still.
      const longRandom = scalarValues(parseAllDocuments(text)[0]?.toJS()).filter(looksLikeKey);
      expect(longRandom, file).toEqual([]);
    }
    // The detector does flag a key shaped like the ones init generates (32 bytes, base64url).
    expect(looksLikeKey(createHash('sha256').update('gluster-lab').digest('base64url'))).toBe(true);
    const secret = parseAllDocuments(readFileSync(join(manifestDir(), 'heketi-secret.yml'), 'utf8'))[0]?.toJS() as { data: { key: string } };
    expect(Buffer.from(secret.data.key, 'base64').toString('utf8')).toBe('change-me');
  });

  it('leave the chmod pod\'s claim name as the one field to fill', () => {
    expect(readFileSync(join(manifestDir(), 'chmod-pod.yml'), 'utf8')).toMatch(/claimName: change-me\n/);
  });
});

function looksLikeKey(value: string): boolean {
  return /^(?=.*[0-9])(?=.*[A-Za-z])[A-Za-z0-9+/=_-]{20,}$/.test(value);
}

function scalarValues(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(scalarValues);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(scalarValues);
  return [];
}
