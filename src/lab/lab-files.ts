import { join } from 'node:path';

/**
 * Names of the files inside a lab directory. The program owns the provisioning files
 * and may update them; the config and the secrets belong to the user once written.
 */
export const labFiles = {
  config: 'gluster-lab.yaml',
  secretsDir: 'secrets',
  sshPrivateKey: join('secrets', 'heketi_ssh_key'),
  sshPublicKey: join('secrets', 'heketi_ssh_key.pub'),
  heketiAdminKey: join('secrets', 'heketi_admin_key'),
  heketiUserKey: join('secrets', 'heketi_user_key'),
  /** The admin kubeconfig of the lab's own Kubernetes node (mode 0600), once `up` copied it. */
  kubeconfig: join('secrets', 'kubeconfig'),
  logsDir: 'logs',
  /** What `default-class` changed, so `--undo` can restore it. */
  defaultClassUndo: join('state', 'default-class-undo.json'),
  /** Summary of the last `check` ({at, failures, warnings}) for the home screen. */
  lastCheck: join('state', 'last-check.json'),
  /** The claim the last `storage` made or waited for ({at, pvc, namespace, phase}), for the home screen. */
  lastStorage: join('state', 'last-storage.json'),
  /** How many problems the last `doctor` found ({at, errors, warnings}), for the home screen. */
  lastDoctor: join('state', 'last-doctor.json'),
  /** How many of the lab's VMs ran when last looked at ({at, running, total}), for the home screen's first frame. */
  lastVms: join('state', 'last-vms.json'),
  /** What the last `fix-permissions` repaired ({at, fixed, failed}), so a doctor finding it answered is not "next" again. */
  lastRepair: join('state', 'last-repair.json'),
  /**
   * VMs whose provisioning failed in the last `up`. Vagrant marks a VM provisioned before
   * its provisioners run, so a plain `vagrant up` would never retry them: the next `up`
   * passes --provision while this file lists any.
   */
  provisionFailed: join('state', 'provision-failed.json'),
  vagrantState: '.vagrant',
} as const;
