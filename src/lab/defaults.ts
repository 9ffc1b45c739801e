import type { LabConfig } from './config-schema.js';

/**
 * The lab of SPEC §1: one Heketi VM and three GlusterFS nodes on a private host-only
 * network. These are the only place the default addresses are written down; everything
 * else reads them from the lab's gluster-lab.yaml.
 */
export const defaultLabConfig: LabConfig = {
  name: 'gluster-lab',
  // Ubuntu 24.04 LTS (supported until 2029); bento boxes are built for VirtualBox.
  box: 'bento/ubuntu-24.04',
  machines: [
    { name: 'heketi', role: 'heketi', address: '172.20.1.20', cpus: 1, memory_mb: 1024 },
    { name: 'gluster1', role: 'gluster', address: '172.20.1.21', cpus: 1, memory_mb: 1024 },
    { name: 'gluster2', role: 'gluster', address: '172.20.1.22', cpus: 1, memory_mb: 1024 },
    { name: 'gluster3', role: 'gluster', address: '172.20.1.23', cpus: 1, memory_mb: 1024 },
  ],
  // 32 GB: Heketi leaves 31.87 GiB of it for bricks (a 128 MiB LVM metadata area, 4 MiB
  // extents), and each 10Gi claim takes a 10 GiB thin pool plus 52 MiB of pool metadata on
  // every node — the two sample claims fit with 11 GiB to spare (src/k8s/heketi-space.ts;
  // 20 GB left room for one). Dynamically allocated: the host pays only for what is written.
  // "auto": the one empty disk of this size in the VM, whatever the box's controller names it.
  data_disk: { size_gb: 32, device: 'auto' },
  heketi: { version: 'v10.4.0', url: 'http://172.20.1.20:8080', admin_user: 'admin' },
  kubernetes: { storage_class: 'gluster-heketi', secret_name: 'heketi-secret', secret_namespace: 'default' },
};
