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
  // 32 GB holds, by Heketi's own arithmetic (k8s/heketi-capacity.ts), the CSI path's volume and
  // both sample claims of the Heketi path (10 GiB each): every brick is a thin pool plus its
  // metadata on each node, after LVM's 129 MiB. Dynamically allocated: the host pays for what is written.
  data_disk: { size_gb: 32, device: '/dev/sdb' },
  heketi: { version: 'v10.4.0', url: 'http://172.20.1.20:8080', admin_user: 'admin' },
  kubernetes: { storage_class: 'gluster-heketi', secret_name: 'heketi-secret', secret_namespace: 'default' },
  // The CSI path's volume: Heketi makes it replica 3 like a claim's, NFS-Ganesha exports it.
  // Claims there are subdirectories of it; 10 GiB keeps the Heketi path's claims room beside it.
  nfs: { volume: 'k8s-nfs', size_gb: 10, export: '/k8s-nfs' },
};
