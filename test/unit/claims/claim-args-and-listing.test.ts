import { describe, expect, it } from 'vitest';
import { parseClaimArgs, resolveClaimArgs } from '../../../src/claims/claim-args.js';
import { glusterClaims } from '../../../src/claims/glusterfs-claims.js';
import { eventLines, permissionDeniedLines } from '../../../src/claims/permission-evidence.js';
import { containerUserIds, mayRunAsNonRoot } from '../../../src/claims/pod-users.js';
import { temporaryPodName, writeProofPod } from '../../../src/claims/non-root-write.js';
import type { Pod, Pvc } from '../../../src/tools/kubectl-types.js';

const pvc = (namespace: string, name: string, cls: string, volumeName?: string): Pvc => ({
  metadata: { name, namespace },
  spec: { storageClassName: cls, ...(volumeName ? { volumeName } : {}), resources: { requests: { storage: '1Gi' } } },
  status: { phase: volumeName ? 'Bound' : 'Pending', ...(volumeName ? { capacity: { storage: '1Gi' } } : {}) },
});
const pod = (namespace: string, name: string, claim: string, spec: object = {}): Pod =>
  ({ metadata: { name, namespace }, spec: { containers: [{ name: 'c' }], volumes: [{ name: 'v', persistentVolumeClaim: { claimName: claim } }], ...spec }, status: { phase: 'Running' } });

describe('claim arguments', () => {
  it('splits ns/name and name, and reports every invalid part without guessing', () => {
    const { claims, problems } = parseClaimArgs(['team-a/shared', 'data', 'Team/x', 'a/b/c', 'ns/-bad', 'ns.dot/ok']);
    expect(claims).toEqual([{ raw: 'team-a/shared', namespace: 'team-a', name: 'shared' }, { raw: 'data', name: 'data' }]);
    expect(problems).toEqual([
      { raw: 'Team/x', part: 'namespace', value: 'Team', problem: { code: 'uppercase', char: 'T' } },
      { raw: 'a/b/c', part: 'shape' },
      { raw: 'ns/-bad', part: 'name', value: '-bad', problem: { code: 'bad-start', char: '-' } },
      { raw: 'ns.dot/ok', part: 'namespace', value: 'ns.dot', problem: { code: 'dot-in-label' } },
    ]);
  });

  it('resolves a bare name across namespaces, refuses an ambiguous one, and names a non-GlusterFS claim', () => {
    const claims = [{ namespace: 'a', name: 'x' }, { namespace: 'b', name: 'x' }, { namespace: 'b', name: 'y' }];
    const all = [pvc('c', 'local', 'standard')];
    const { claims: args } = parseClaimArgs(['x', 'b/x', 'y', 'local', 'nope']);
    expect(resolveClaimArgs(args, claims, all).map((r) => (r.kind === 'ambiguous' ? [r.kind, r.candidates] : r.kind === 'not-gluster' ? [r.kind, r.ref] : [r.kind]))).toEqual([
      ['ambiguous', ['a/x', 'b/x']],
      ['found'],
      ['found'],
      ['not-gluster', 'c/local'],
      ['not-found'],
    ]);
  });
});

describe('GlusterFS claim listing', () => {
  it('keeps claims of a glusterfs class or with a glusterfs PV, with their pods, users and the gid', () => {
    const objects = {
      scope: 'all',
      classes: [
        { metadata: { name: 'gluster-heketi' }, provisioner: 'kubernetes.io/glusterfs' },
        { metadata: { name: 'standard' }, provisioner: 'k8s.io/minikube-hostpath' },
      ],
      pvcs: [pvc('team-a', 'shared', 'gluster-heketi', 'pv-1'), pvc('default', 'local', 'standard', 'pv-2'), pvc('default', 'waiting', 'gluster-heketi')],
      pvs: [
        { metadata: { name: 'pv-1', annotations: { 'pv.beta.kubernetes.io/gid': '2001' } }, spec: { glusterfs: { endpoints: 'e', path: 'vol_1' } } },
        { metadata: { name: 'pv-2' }, spec: {} },
      ],
      pods: [
        pod('team-a', 'app', 'shared', { securityContext: { runAsUser: 1000 } }),
        pod('team-b', 'other', 'shared'),
        pod('default', 'l', 'local'),
      ],
    };
    const claims = glusterClaims(objects);
    expect(claims.map((c) => [c.namespace, c.name, c.status, c.capacity, c.gid, c.pods.map((p) => [p.name, p.userIds])])).toEqual([
      ['default', 'waiting', 'Pending', '1Gi', undefined, []],
      ['team-a', 'shared', 'Bound', '1Gi', '2001', [['app', [1000]]]],
    ]);
  });

  it('reads runAsUser from the container first, then the pod', () => {
    const p = pod('a', 'p', 'c', { securityContext: { runAsUser: 0 }, containers: [{ name: 'x', securityContext: { runAsUser: 1000 } }, { name: 'y' }] });
    expect(containerUserIds(p)).toEqual([1000, 0]);
    expect(mayRunAsNonRoot(pod('a', 'root', 'c', { securityContext: { runAsUser: 0 } }))).toBe(false);
    expect(mayRunAsNonRoot(pod('a', 'image', 'c'))).toBe(true);
  });
});

describe('evidence and temporary pods', () => {
  it('splits multi-line event messages and keeps only the Permission denied lines', () => {
    const lines = eventLines([{ metadata: { name: 'e' }, involvedObject: {}, type: 'Warning', reason: 'FailedMount', message: 'mount failed\nOutput: bad' }]);
    expect(lines).toEqual(['Warning FailedMount: mount failed', 'Output: bad']);
    expect(permissionDeniedLines(['ok', " sh: can't create /mnt/a: Permission denied ", "sh: can't create /mnt/a: Permission denied"])).toEqual(["sh: can't create /mnt/a: Permission denied"]);
  });

  it('names temporary pods uniquely within 63 characters and runs the proof as user 1000', () => {
    const long = 'a'.repeat(200);
    const name = temporaryPodName('write-test', long);
    expect(name.length).toBeLessThanOrEqual(63);
    expect(name).toMatch(/^gl-write-test-a+-[0-9a-f]{6}$/);
    expect(temporaryPodName('chmod', 'x')).not.toBe(temporaryPodName('chmod', 'x'));
    const proof = writeProofPod({ namespace: 'team-a', name: 'shared' }) as unknown as { metadata: { namespace: string; labels: Record<string, string> }; spec: { securityContext: object; restartPolicy: string; containers: { command: string[] }[]; volumes: { persistentVolumeClaim: { claimName: string } }[] } };
    expect(proof.metadata.namespace).toBe('team-a');
    expect(proof.metadata.labels['gluster-lab/temporary']).toBe('true');
    expect(proof.spec.securityContext).toEqual({ runAsUser: 1000, runAsNonRoot: true });
    expect(proof.spec.restartPolicy).toBe('Never');
    expect(proof.spec.containers[0]?.command).toEqual(['sh', '-c', 'touch /mnt/.gluster-lab-write-test && rm /mnt/.gluster-lab-write-test']);
    expect(proof.spec.volumes[0]?.persistentVolumeClaim.claimName).toBe('shared');
  });
});
