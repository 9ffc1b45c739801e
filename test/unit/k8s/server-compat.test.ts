import { describe, expect, it } from 'vitest';
import { serverCompat } from '../../../src/k8s/server-compat.js';

const v = (major: string, minor: string, gitVersion: string) => ({ major, minor, gitVersion });

describe('server versions and the in-tree glusterfs provisioner', () => {
  it('supports v1.24 and earlier, including distribution builds', () => {
    expect(serverCompat(v('1', '24', 'v1.24.17+k3s1'))).toEqual({ support: 'supported', gitVersion: 'v1.24.17+k3s1', major: 1, minor: 24 });
    expect(serverCompat(v('1', '21+', 'v1.21.14-eks-1')).support).toBe('supported');
  });
  it('warns on v1.25 (deprecated)', () => {
    expect(serverCompat(v('1', '25', 'v1.25.16')).support).toBe('deprecated');
  });
  it('refuses v1.26 and later, whatever the suffix', () => {
    expect(serverCompat(v('1', '26', 'v1.26.0')).support).toBe('removed');
    expect(serverCompat(v('1', '27+', 'v1.27.16-gke.1')).support).toBe('removed');
    expect(serverCompat(v('1', '32', 'v1.32.2')).support).toBe('removed');
  });
  it('reads gitVersion when major/minor are empty', () => {
    expect(serverCompat(v('', '', 'v1.24.17+k3s1'))).toMatchObject({ support: 'supported', minor: 24 });
    expect(serverCompat(v('', '', 'v1.28.3+rke2r1')).support).toBe('removed');
  });
  it('says unknown when nothing can be read', () => {
    expect(serverCompat(v('', '', 'devel')).support).toBe('unknown');
  });
});
