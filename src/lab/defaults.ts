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
  // 20 GB: a 10Gi claim is a 10 GiB brick on each node, plus LVM and thin-pool metadata.
  // The disks are dynamically allocated, so the host only pays for what is written.
  data_disk: { size_gb: 20, device: '/dev/sdb' },
  heketi: { version: 'v10.4.0', url: 'http://172.20.1.20:8080', admin_user: 'admin' },
  kubernetes: { storage_class: 'gluster-heketi', secret_name: 'heketi-secret', secret_namespace: 'default', nfs_storage_class: 'gluster-nfs' },
  // The CSI path's volume: Heketi makes it replica 3 like a claim's, NFS-Ganesha exports it.
  nfs: { volume: 'k8s-nfs', size_gb: 20, export: '/k8s-nfs' },
};
