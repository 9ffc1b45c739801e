/**
 * The CSI driver's name: the provisioner of the CSI path's class and the CSIDriver object.
 * On its own, so that what only names the driver (the home screen's rows) does not load
 * the release's manifests, their YAML parser and schema.
 */
export const csiDriverName = 'nfs.csi.k8s.io';
