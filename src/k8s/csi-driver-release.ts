import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import * as z from 'zod';
import { packageRoot } from '../lab/package-root.js';

/** One object of an upstream manifest, as far as gluster-lab reads it. */
interface ReleaseObject {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
}

interface ReleaseManifest {
  /** File name inside the release folder, e.g. `csi-nfs-node.yaml`. */
  file: string;
  /** The file's text, applied as it is. */
  text: string;
  objects: ReleaseObject[];
}

/** A workload of the driver whose pods must be Ready: the controller Deployment, the node DaemonSet. */
export interface DriverWorkload {
  kind: 'Deployment' | 'DaemonSet';
  name: string;
  namespace: string;
  /** `spec.selector.matchLabels`: how its pods are found. */
  labels: Record<string, string>;
}

export interface CsiDriverRelease {
  version: string;
  /** Absolute path of the release folder in the installed package. */
  dir: string;
  manifests: ReleaseManifest[];
  workloads: DriverWorkload[];
}

const releaseFileSchema = z.strictObject({
  version: z.string().regex(/^v\d+\.\d+\.\d+$/),
  manifests: z.array(z.string().regex(/^[a-z0-9-]+\.yaml$/)).min(1),
});

const objectSchema = z.looseObject({
  apiVersion: z.string(),
  kind: z.string(),
  metadata: z.looseObject({ name: z.string(), namespace: z.string().optional() }),
  spec: z.looseObject({ selector: z.looseObject({ matchLabels: z.record(z.string(), z.string()) }).optional() }).optional(),
});

/** The folder holding release.yaml and one folder per shipped release. */
export function csiDriverAssetsDir(): string {
  return join(packageRoot(), 'assets', 'csi-driver-nfs');
}

let cached: CsiDriverRelease | undefined;

/**
 * The pinned release from assets/csi-driver-nfs/release.yaml (its version is written only
 * there) with its manifests read and checked: every document a Kubernetes object, and the
 * driver's own image tagged with that version — a release folder and a version that do not
 * belong together are a packaging mistake, reported before anything is applied.
 */
export function csiDriverRelease(assetsDir = csiDriverAssetsDir()): CsiDriverRelease {
  if (cached && assetsDir === csiDriverAssetsDir()) return cached;
  const releaseFile = join(assetsDir, 'release.yaml');
  const release = releaseFileSchema.parse(parse(readFileSync(releaseFile, 'utf8')));
  const dir = join(assetsDir, release.version);
  const workloads: DriverWorkload[] = [];
  const manifests = release.manifests.map((file): ReleaseManifest => {
    const path = join(dir, file);
    const text = readFileSync(path, 'utf8');
    const objects: ReleaseObject[] = [];
    for (const doc of parseAllDocuments(text)) {
      if (doc.errors.length > 0) throw new Error(`${path}: ${doc.errors[0]?.message ?? 'invalid YAML'}`);
      const value: unknown = doc.toJS();
      if (value === null || value === undefined) continue;
      const object = objectSchema.parse(value);
      const { name, namespace } = object.metadata;
      objects.push({ apiVersion: object.apiVersion, kind: object.kind, name, ...(namespace === undefined ? {} : { namespace }) });
      const labels = object.spec?.selector?.matchLabels;
      if ((object.kind === 'Deployment' || object.kind === 'DaemonSet') && labels) {
        workloads.push({ kind: object.kind, name, namespace: namespace ?? 'default', labels });
      }
    }
    return { file, text, objects };
  });
  const pluginImage = `registry.k8s.io/sig-storage/nfsplugin:${release.version}`;
  const tagged = manifests.some((m) => m.text.includes(`image: ${pluginImage}\n`));
  if (!tagged) throw new Error(`${dir}: no manifest runs ${pluginImage}; release.yaml and the folder disagree`);
  const result = { version: release.version, dir, manifests, workloads };
  if (assetsDir === csiDriverAssetsDir()) cached = result;
  return result;
}
