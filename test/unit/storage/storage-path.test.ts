import { describe, expect, it } from 'vitest';
import { serverCompat } from '../../../src/k8s/server-compat.js';
import { decidePath } from '../../../src/storage/storage-path.js';

const support = (gitVersion: string) => serverCompat({ major: '', minor: '', gitVersion }).support;

describe('which storage path a server gets', () => {
  it('v1.26 and later: the CSI path without asking; --path heketi is refused, --path csi taken', () => {
    for (const version of ['v1.26.0', 'v1.31.4', 'v1.33.1+k3s1']) {
      expect(decidePath(support(version))).toEqual({ kind: 'take', path: 'csi', by: 'version' });
      expect(decidePath(support(version), 'heketi')).toEqual({ kind: 'refuse-heketi' });
      expect(decidePath(support(version), 'csi')).toEqual({ kind: 'take', path: 'csi', by: 'flag' });
    }
  });

  it('v1.25 and older: both offered, the original guide\'s Heketi path first; a flag picks without asking', () => {
    for (const version of ['v1.24.17', 'v1.25.16', 'v1.21.14-eks-1']) {
      expect(decidePath(support(version))).toEqual({ kind: 'offer', recommended: 'heketi' });
      expect(decidePath(support(version), 'csi')).toEqual({ kind: 'take', path: 'csi', by: 'flag' });
      expect(decidePath(support(version), 'heketi')).toEqual({ kind: 'take', path: 'heketi', by: 'flag' });
    }
  });

  it('an unreadable version offers both with the CSI path first: it works on every supported release', () => {
    expect(decidePath(support('devel'))).toEqual({ kind: 'offer', recommended: 'csi' });
  });
});
