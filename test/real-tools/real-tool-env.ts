import { join } from 'node:path';

/**
 * The environment of a real vagrant or ansible run from a test: their homes and temporary
 * files under the test's `work` folder (the user's ~/.vagrant.d and ~/.ansible untouched),
 * no colour, no update check.
 */
export function realToolEnv(work: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    VAGRANT_HOME: join(work, 'vagrant-home'),
    // Vagrant otherwise asks HashiCorp's server for a newer version.
    VAGRANT_CHECKPOINT_DISABLE: '1',
    ANSIBLE_HOME: join(work, 'ansible-home'),
    ANSIBLE_LOCAL_TEMP: join(work, 'ansible-tmp'),
    ANSIBLE_NOCOLOR: '1',
    ANSIBLE_PIPELINING: '1',
    NO_COLOR: '1',
  };
}
