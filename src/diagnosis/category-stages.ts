import type { Category } from './categories.js';

/**
 * Where in the lab's bring-up each kind of failure happens, earliest first: the host's
 * VirtualBox, the box and the VM, its boot, provisioning, the trusted pool, Heketi, the
 * cluster, the claim, the mount, the application. A failure in an earlier stage explains
 * failures in later ones (apt could not install Heketi, so nothing answers at its URL; a
 * node Heketi cannot log in to has no devices), so rank-matches.ts puts it first when it
 * also came first in the log. Within a stage the catalogue's priority decides.
 */
export const categoryStage: Record<Category, number> = {
  'virtualbox-missing': 0,
  'virtualization-unavailable': 0,
  'virtualbox-driver': 0,
  'vagrant-virtualbox-version': 0,
  'box-unavailable': 1,
  'virtualbox-hostonly-range': 2,
  'port-collision': 2,
  'vbox-storage': 2,
  'boot-timeout': 3,
  'synced-folder': 3,
  'provisioning-packages': 4,
  'gluster-peer': 5,
  'heketi-unreachable': 6,
  'heketi-node': 6,
  'heketi-auth': 6,
  'heketi-device': 7,
  'heketi-no-space': 7,
  'k8s-unreachable': 8,
  'k8s-provisioner-removed': 9,
  'csi-driver': 9,
  'storageclass-missing': 9,
  'default-class-conflict': 9,
  'k8s-provision-failed': 10,
  'glusterfs-client-missing': 11,
  'nfs-export': 11,
  'mount-failed': 11,
  'permission-denied': 12,
};
