import type { CheckMessageKey } from '../i18n/check-messages.js';
import type { CheckId } from './check-result.js';

/** The catalogue key of each check's name as a row shows it. */
export const checkTitleKeys: Record<CheckId, CheckMessageKey> = {
  vagrant: 'titleVagrant',
  virtualbox: 'titleVirtualbox',
  'vbox-driver': 'titleVboxDriver',
  'vagrant-vbox-compat': 'titleCompat',
  'hostonly-ranges': 'titleHostonly',
  kubectl: 'titleKubectl',
  'k8s-server': 'titleK8sServer',
  'kube-node': 'titleKubeNode',
  git: 'titleGit',
  memory: 'titleMemory',
  disk: 'titleDisk',
  cpu: 'titleCpu',
  virtualization: 'titleVirtualization',
  'host-arch': 'titleHostArch',
};
