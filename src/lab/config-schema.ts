import { isIPv4 } from 'node:net';
import { z } from 'zod';

const ipv4 = z.string().refine((value) => isIPv4(value), { message: 'not an IPv4 address' });
const name = z.string().regex(/^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/, 'lower-case letters, digits and "-", starting with a letter');

const machine = z.strictObject({
  name,
  role: z.enum(['heketi', 'gluster']),
  address: ipv4,
  cpus: z.int().min(1).max(16),
  memory_mb: z.int().min(512).max(65536),
});

/**
 * The optional one-node Kubernetes cluster inside the lab (kubeadm). Absent = off. kubeadm's
 * preflight refuses fewer than 2 CPUs and less than 1700 MB of memory, so the schema does too.
 */
const kubeNode = z.strictObject({
  enabled: z.boolean(),
  name,
  /** The minor release whose packages (pkgs.k8s.io, v1.24 and later) the node installs. */
  version: z.string().regex(/^v1\.(2[4-9]|[3-9]\d)$/, 'a Kubernetes minor release from v1.24 on, like v1.35'),
  address: ipv4,
  cpus: z.int().min(2).max(16),
  memory_mb: z.int().min(1700).max(65536),
});

/**
 * The schema of a lab's `gluster-lab.yaml`. Strict objects: an unknown key is an error
 * that names it, so a typo never silently falls back to a default.
 */
export const labConfigSchema = z.strictObject({
  /** The lab's name: VirtualBox group, and what `destroy` asks the user to type. */
  name,
  box: z.string().min(1),
  machines: z.array(machine).min(2),
  data_disk: z.strictObject({
    size_gb: z.int().min(1).max(1024),
    /** Block device of the data disk inside the gluster VMs, or "auto" to detect the one empty disk. */
    device: z.string().regex(/^(auto|\/dev\/[a-z0-9]+)$/, '"auto" or a device path like /dev/sdb'),
  }),
  heketi: z.strictObject({
    version: z.string().regex(/^v\d+\.\d+\.\d+$/, 'a release tag like v10.4.0'),
    url: z.url({ protocol: /^https?$/ }),
    admin_user: z.string().min(1),
  }),
  kubernetes: z.strictObject({
    storage_class: name,
    secret_name: name,
    secret_namespace: name,
    node: kubeNode.optional(),
  }),
});

export type LabConfig = z.infer<typeof labConfigSchema>;
export type MachineConfig = LabConfig['machines'][number];
export type KubeNodeConfig = NonNullable<LabConfig['kubernetes']['node']>;
