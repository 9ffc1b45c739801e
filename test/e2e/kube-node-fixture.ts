import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

/** Turns the lab's Kubernetes node on in its gluster-lab.yaml, as an edit by hand would. */
export async function enableKubeNode(labDir: string, version = 'v1.25'): Promise<void> {
  const file = join(labDir, 'gluster-lab.yaml');
  const doc = parse(await readFile(file, 'utf8')) as { machines: Array<{ address: string }>; kubernetes: Record<string, unknown> };
  const prefix = (doc.machines[0]?.address ?? '192.168.56.20').split('.').slice(0, 3).join('.');
  doc.kubernetes.node = { enabled: true, name: 'k8s', version, address: `${prefix}.24`, cpus: 2, memory_mb: 2048 };
  await writeFile(file, stringify(doc));
}
