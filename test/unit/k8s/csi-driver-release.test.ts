import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csiDriverName } from '../../../src/k8s/csi-driver-name.js';
import { csiDriverAssetsDir, csiDriverRelease } from '../../../src/k8s/csi-driver-release.js';

describe('the pinned csi-driver-nfs release in assets/', () => {
  const release = csiDriverRelease();

  it('applies the four upstream files in install-driver.sh order, from the folder of its version', () => {
    expect(release.version).toMatch(/^v4\.\d+\.\d+$/);
    expect(release.dir).toBe(join(csiDriverAssetsDir(), release.version));
    expect(release.manifests.map((m) => m.file)).toEqual(['rbac-csi-nfs.yaml', 'csi-nfs-driverinfo.yaml', 'csi-nfs-controller.yaml', 'csi-nfs-node.yaml']);
  });

  it('finds the CSIDriver, the controller Deployment and the node DaemonSet with their pod labels', () => {
    const objects = release.manifests.flatMap((m) => m.objects);
    expect(objects).toContainEqual({ apiVersion: 'storage.k8s.io/v1', kind: 'CSIDriver', name: csiDriverName });
    expect(release.workloads).toEqual([
      { kind: 'Deployment', name: 'csi-nfs-controller', namespace: 'kube-system', labels: { app: 'csi-nfs-controller' } },
      { kind: 'DaemonSet', name: 'csi-nfs-node', namespace: 'kube-system', labels: { app: 'csi-nfs-node' } },
    ]);
  });

  it('ships the files unchanged: the hashes SOURCE.md lists, every image from registry.k8s.io', () => {
    const source = readFileSync(join(csiDriverAssetsDir(), 'SOURCE.md'), 'utf8');
    expect(source).toContain(`release\n**${release.version}**`);
    for (const manifest of release.manifests) {
      const hash = createHash('sha256').update(readFileSync(join(release.dir, manifest.file))).digest('hex');
      expect(source, manifest.file).toContain(`| ${manifest.file} | \`${hash}\` |`);
      for (const [, image] of manifest.text.matchAll(/image: (\S+)/g)) expect(image).toMatch(/^registry\.k8s\.io\/sig-storage\/[a-z-]+:v\d+\.\d+\.\d+$/);
    }
    expect(release.manifests.some((m) => m.text.includes(`registry.k8s.io/sig-storage/nfsplugin:${release.version}`))).toBe(true);
  });

  it('refuses a release.yaml whose version is not the version the folder runs', () => {
    const copy = mkdtempSync(join(tmpdir(), 'gl-csi-release-'));
    try {
      cpSync(csiDriverAssetsDir(), copy, { recursive: true });
      cpSync(join(copy, release.version), join(copy, 'v9.9.9'), { recursive: true });
      const text = readFileSync(join(copy, 'release.yaml'), 'utf8');
      writeFileSync(join(copy, 'release.yaml'), text.replace(`version: ${release.version}`, 'version: v9.9.9'));
      expect(() => csiDriverRelease(copy)).toThrow(/nfsplugin:v9\.9\.9; release\.yaml and the folder disagree/);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
