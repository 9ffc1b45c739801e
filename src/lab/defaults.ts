import type { LabConfig } from './config-schema.js';

/**
 * The lab of SPEC §1: one Heketi VM and three GlusterFS nodes on a private host-only
 * network. These are the only place the default addresses are written down; everything
 * else reads them from the lab's gluster-lab.yaml. They lie in 192.168.56.0/21, the range
 * VirtualBox 6.1.28+ allows on Linux and macOS without /etc/vbox/networks.conf, so a stock
 * host needs no root edit; `init --network` moves them (lab-network.ts).
 */
export const defaultLabConfig: LabConfig = {
  name: 'gluster-lab',
  // Ubuntu 24.04 LTS (supported until 2029); bento boxes are built for VirtualBox, for amd64
  // and arm64 under one name (chef/bento 4.0.0), and Vagrant 2.4+ picks the host's.
  box: 'bento/ubuntu-24.04',
  // Pinned: 202510.26.0 is the release chef/bento's CHANGELOG lists as built for VirtualBox
  // on x86_64 and aarch64, in wide use with VirtualBox. Its x86_64 box boots from SATA on the
  // ICH9 chipset, its aarch64 box from VirtIO-SCSI; later releases boot from VirtIO-SCSI
  // everywhere. The Vagrantfile attaches the data disk to whichever controller the box has.
  box_version: '202510.26.0',
  machines: [
    { name: 'heketi', role: 'heketi', address: '192.168.56.20', cpus: 1, memory_mb: 1024 },
    { name: 'gluster1', role: 'gluster', address: '192.168.56.21', cpus: 1, memory_mb: 1024 },
    { name: 'gluster2', role: 'gluster', address: '192.168.56.22', cpus: 1, memory_mb: 1024 },
    { name: 'gluster3', role: 'gluster', address: '192.168.56.23', cpus: 1, memory_mb: 1024 },
  ],
  // 32 GB (VirtualBox's GB are GiB): Heketi leaves 31.87 GiB of it for bricks (a 128 MiB
  // LVM metadata area, whole 4 MiB extents), and each 10Gi volume takes a 10 GiB thin pool
  // plus 52 MiB of pool metadata on every node — the CSI path's volume and the two sample
  // claims of the Heketi path fit with room to spare (src/k8s/heketi-space.ts; 20 GB held
  // only one claim). Dynamically allocated: the host pays only for what is written. "auto":
  // the one empty disk of this size in the VM, whatever the box's disk controller calls it
  // (provisioning/ansible/tasks/choose-data-disk.yml).
  data_disk: { size_gb: 32, device: 'auto' },
  heketi: { version: 'v10.4.0', url: 'http://192.168.56.20:8080', admin_user: 'admin' },
  kubernetes: { storage_class: 'gluster-heketi', secret_name: 'heketi-secret', secret_namespace: 'default', nfs_storage_class: 'gluster-nfs' },
  // The CSI path's volume: Heketi makes it replica 3 like a claim's, NFS-Ganesha exports it.
  // Claims there are subdirectories of it; 10 GiB keeps the Heketi path's claims room beside it.
  nfs: { volume: 'k8s-nfs', size_gb: 10, export: '/k8s-nfs' },
};

/**
 * The original guide's network (its VMs at .20-.23 of it): outside VirtualBox's default
 * host-only range, so it needs a line in /etc/vbox/networks.conf, which `check` explains.
 * `gluster-lab init --network` with this value writes a lab on it.
 */
export const seedNetwork = '172.20.1.0/24';
