import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isMap, parseDocument } from 'yaml';
import { writeFileAtomic } from './atomic-write.js';
import type { KubeNodeConfig, LabConfig } from './config-schema.js';
import { defaultKubeNode } from './kube-node-defaults.js';
import { labFiles } from './lab-files.js';

/** `config` with the Kubernetes node on, at `version`; the node's other settings kept when it has some. */
export function withKubeNode(config: LabConfig, version: string): LabConfig {
  const node: KubeNodeConfig = { ...(config.kubernetes.node ?? defaultKubeNode(config, true, version)), enabled: true, version };
  return { ...config, kubernetes: { ...config.kubernetes, node } };
}

/**
 * Turns the node on in an existing gluster-lab.yaml, editing only `kubernetes.node` so the
 * user's comments and other values stay as they are. 'unchanged' when it is on at that
 * version already; the file must hold a valid `config` (the caller loaded it).
 */
export async function enableKubeNodeInFile(labDir: string, config: LabConfig, version: string): Promise<{ result: 'added' | 'unchanged'; node: KubeNodeConfig }> {
  const file = join(labDir, labFiles.config);
  const current = config.kubernetes.node;
  const node = withKubeNode(config, version).kubernetes.node as KubeNodeConfig;
  if (current?.enabled === true && current.version === version) return { result: 'unchanged', node };
  const doc = parseDocument(await readFile(file, 'utf8'));
  if (!isMap(doc.contents)) throw new Error(`${file} is not a mapping`);
  doc.setIn(['kubernetes', 'node'], doc.createNode(node));
  await writeFileAtomic(file, doc.toString({ lineWidth: 0 }));
  return { result: 'added', node };
}
