import type { Category } from './categories.js';

/**
 * Where in the lab's bring-up each kind of failure happens, earliest first: the host's
 * VirtualBox, the box and the VM, its boot, provisioning, the trusted pool, Heketi, the lab's
 * own Kubernetes node (kubeadm, its kubelet, its CNI), the cluster as kubectl reaches it, the
 * claim, the mount, the application. A failure in an earlier stage explains
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
  'kube-node': 8,
  'k8s-unreachable': 9,
  'k8s-provisioner-removed': 10,
  'csi-driver': 10,
  'storageclass-missing': 10,
  'default-class-conflict': 10,
  'k8s-provision-failed': 11,
  'glusterfs-client-missing': 12,
  'nfs-export': 12,
  'mount-failed': 12,
  'permission-denied': 13,
};
