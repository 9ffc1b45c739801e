import { isIPv4 } from 'node:net';
import * as z from 'zod';

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
 * that names it, so a typo never silently falls back to a default. provisioning/Vagrantfile
 * holds the same rules in Ruby (check_lab_config), with config.ts's cross-checks (box and
 * admin_user forms, VM addresses on one /24) and YAML form rules; test/real-tools/
 * config-rules-both-sides.test.ts runs every case through both.
 */
export const labConfigSchema = z.strictObject({
  /** The lab's name: VirtualBox group, and what `destroy` asks the user to type. */
  name,
  box: z.string().min(1),
  /** The box version Vagrant uses; without it, the newest (Vagrant's own default). */
  box_version: z.string().regex(/^\d+(\.\d+)*$/, 'a box version like 202510.26.0').optional(),
  machines: z.array(machine).min(2),
  data_disk: z.strictObject({
    size_gb: z.int().min(1).max(1024),
    /**
     * "auto": the one empty, unmounted whole disk of size_gb in each gluster VM (not zram, loop
     * or the root disk). Or a path: a stable /dev/disk/by-id/… link, or a name like /dev/sdb
     * (which can change between boxes and boots).
     */
    device: z
      .string()
      .refine(
        (value) => value === 'auto' || (/^\/dev(\/[A-Za-z0-9._:+@-]+)+$/.test(value) && !value.split('/').some((part) => part === '.' || part === '..')),
        '"auto", or a device path such as /dev/disk/by-id/ata-VBOX_HARDDISK_VB1234-5678 or /dev/sdb',
      ),
  }),
  heketi: z.strictObject({
    version: z.string().regex(/^v\d+\.\d+\.\d+$/, 'a release tag like v10.4.0'),
    url: z.string().regex(/^https?:\/\/[A-Za-z0-9.-]{1,253}(:\d{1,5})?(\/[A-Za-z0-9._~/-]*)?$/, 'an http:// or https:// URL such as http://172.20.1.20:8080'),
    admin_user: z.string().min(1),
  }),
  kubernetes: z.strictObject({
    storage_class: name,
    secret_name: name,
    secret_namespace: name,
    /** The CSI path's StorageClass (csi-driver-nfs); labs made before it existed get the default. */
    nfs_storage_class: name.default('gluster-nfs'),
    node: kubeNode.optional(),
  }),
  /**
   * The Kubernetes volume of the CSI path: one replica-3 volume Heketi creates, exported by
   * NFS-Ganesha on every gluster node at `export`. Labs made before it existed get the defaults.
   */
  nfs: z
    .strictObject({
      volume: name,
      size_gb: z.int().min(1).max(1024),
      export: z.string().regex(/^\/[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/, 'an absolute path like /k8s-nfs'),
    })
    .default({ volume: 'k8s-nfs', size_gb: 10, export: '/k8s-nfs' }),
});

export type LabConfig = z.infer<typeof labConfigSchema>;
export type MachineConfig = LabConfig['machines'][number];
export type KubeNodeConfig = NonNullable<LabConfig['kubernetes']['node']>;
