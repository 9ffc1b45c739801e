import { describe, expect, it } from 'vitest';
import { diagnoseText } from '../../../src/diagnosis/scan-log.js';

// The wordings a non-root container prints when it may not write under a fresh GlusterFS
// mount, as busybox, bash, Python, Node.js and PostgreSQL's initdb phrase them.
const wordings: Array<[string, string]> = [
  ['busybox touch', 'touch: /data/f: Permission denied'],
  ['bash redirection', 'bash: /data/x: Permission denied'],
  ['kubectl logs prefix', '2024-05-01T10:00:00Z sh: /mnt/out.log: Permission denied'],
  ['Python', "PermissionError: [Errno 13] Permission denied: '/data/x'"],
  ['Node.js', "Error: EACCES: permission denied, open '/data/db/x'"],
  ['initdb', 'initdb: error: could not change permissions of directory "/var/lib/postgresql/data": Operation not permitted'],
];

describe('permission-denied wordings', () => {
  it.each(wordings)('recognises %s', (_name, line) => {
    const [first] = diagnoseText([line], { lang: 'en', os: 'linux' });
    expect(first?.category).toBe('permission-denied');
    expect(first?.evidence).toEqual([line]);
  });

  it('leaves other permission errors alone (nginx bind under SELinux, ssh keys)', () => {
    expect(diagnoseText(['nginx: [emerg] bind() to 0.0.0.0:4881 failed (13: Permission denied)'], { lang: 'en', os: 'linux' })).toEqual([]);
    expect(diagnoseText(['vagrant@127.0.0.1: Permission denied (publickey).'], { lang: 'en', os: 'linux' }).map((f) => f.category)).not.toContain('permission-denied');
  });
});

describe('Heketi "No space" in a ProvisioningFailed event', () => {
  it('names the root cause, not the opaque provisioning failure', () => {
    const line = 'Warning  ProvisioningFailed  3s (x2 over 9s)  persistentvolume-controller  Failed to provision volume with StorageClass "gluster-heketi": failed to create volume: failed to create volume: No space';
    expect(diagnoseText([line], { lang: 'en', os: 'linux' })[0]?.category).toBe('heketi-no-space');
  });
});
