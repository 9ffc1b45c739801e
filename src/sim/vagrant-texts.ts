/**
 * Vagrant 2.3.4's own wording, copied from templates/locales/en.yml of the Debian
 * package (/usr/share/rubygems-integration/all/gems/vagrant-2.3.4) and from the output
 * it printed here. Keep byte for byte: the diagnosis catalogue matches on these.
 */
export const vagrantVersionLine = 'Vagrant 2.3.4';

export const stateLong = {
  not_created:
    'The environment has not yet been created. Run `vagrant up` to\ncreate the environment. If a machine is not created, only the\ndefault provider will be shown. So if a provider is not listed,\nthen the machine is not created for that environment.',
  poweroff: 'The VM is powered off. To restart the VM, simply run `vagrant up`',
  running:
    'The VM is running. To stop this VM, you can run `vagrant halt` to\nshut it down forcefully, or you can run `vagrant suspend` to simply\nsuspend the virtual machine. In either case, to restart it again,\nsimply run `vagrant up`.',
} as const;

export const statusListing =
  'This environment represents multiple VMs. The VMs are all listed\nabove with their current state. For more information about a specific\nVM, run `vagrant status NAME`.';

export const validated = 'Vagrantfile validated successfully.';
export const vmNotCreated = 'VM not created. Moving on...';
export const waitingCleanup = 'Waiting for cleanup before exiting...';
export const exitImmediately = 'Exiting immediately, without cleanup!';
export const interrupted = 'Vagrant exited after cleanup due to external interrupt.';
export const alreadyProvisioned =
  'Machine already provisioned. Run `vagrant provision` or use the `--provision`\nflag to force provisioning. Provisioners marked to run always will still run.';
export const ansibleFailed = 'Ansible failed to complete successfully. Any error output should be\nvisible above. Please fix these errors and try again.';
export const vmCreationRequired = 'VM must be created before running this command. Run `vagrant up` first.';
export const vmNotRunning = 'VM must be running to open SSH connection. Run `vagrant up`\nto start the virtual machine.';
export const invalidOptions = 'An invalid option was specified. The help for this command\nis available below.';

export const noEnv =
  'A Vagrant environment or target machine is required to run this\ncommand. Run `vagrant init` to create a new Vagrant environment. Or,\nget an ID of a target machine from `vagrant global-status` to run\nthis command on. A final option is to change to a directory with a\nVagrantfile and to try again.';

export function machineNotFound(name: string): string {
  return `The machine with the name '${name}' was not found configured for\nthis Vagrant environment.`;
}

/** What 2.3.4 prints here, without VirtualBox, when the virtualbox provider is requested. */
export function providerNotUsable(machine: string): string {
  return (
    `The provider 'virtualbox' that was requested to back the machine\n'${machine}' is reporting that it isn't usable on this system. The\nreason is shown below:\n\n` +
    'Vagrant could not detect VirtualBox! Make sure VirtualBox is properly installed.\n' +
    'Vagrant uses the `VBoxManage` binary that ships with VirtualBox, and requires\n' +
    'this to be available on the PATH. If VirtualBox is installed, please find the\n' +
    '`VBoxManage` binary and add it to the PATH environmental variable.'
  );
}

/** VirtualBox 6.1.28+ refuses host-only addresses outside /etc/vbox/networks.conf. */
export function invalidHostSubnet(address: string): string {
  return (
    'The IP address configured for the host-only network is not within the\nallowed ranges. Please update the address used to be within the allowed\nranges and run the command again.\n\n' +
    `  Address: ${address}\n  Ranges: 192.168.56.0/21\n\n` +
    'Valid ranges can be modified in the /etc/vbox/networks.conf file. For\nmore information including valid format see:\n\n  https://www.virtualbox.org/manual/ch06.html#network_hostonly'
  );
}

/** `VBoxManage startvm` failing without hardware virtualisation (hashicorp/vagrant#10056). */
export function vtxUnavailable(vmUuid: string): string {
  return (
    'There was an error while executing `VBoxManage`, a CLI used by Vagrant\nfor controlling VirtualBox. The command and stderr is shown below.\n\n' +
    `Command: ["startvm", "${vmUuid}", "--type", "headless"]\n\n` +
    'Stderr: VBoxManage: error: VT-x is not available (VERR_VMX_NO_VMX)\nVBoxManage: error: Details: code NS_ERROR_FAILURE (0x80004005), component ConsoleWrap, interface IConsole\n'
  );
}

export function boxNotFound(box: string): string {
  return (
    `The box '${box}' could not be found or\ncould not be accessed in the remote catalog. If this is a private\nbox on HashiCorp's Vagrant Cloud, please verify you're logged in via\n` +
    '`vagrant login`. Also, please double-check the name. The expanded\nURL and error message are shown below:\n\n' +
    `URL: ["https://vagrantcloud.com/${box}"]\nError: The requested URL returned error: 404`
  );
}

export function boxAutoAdding(box: string): string {
  return `Box '${box}' could not be found. Attempting to find and install...`;
}

export const errorClass = {
  providerNotUsable: 'Vagrant::Errors::ProviderNotUsable',
  invalidOptions: 'Vagrant::Errors::CLIInvalidOptions',
  hostSubnet: 'Vagrant::Errors::VirtualBoxInvalidHostSubnet',
  vboxManage: 'Vagrant::Errors::VBoxManageError',
  boxNotFound: 'Vagrant::Errors::BoxAddShortNotFound',
  ansible: 'VagrantPlugins::Ansible::Errors::AnsibleCommandFailed',
  interrupt: 'Vagrant::Errors::VagrantInterrupt',
  machineNotFound: 'Vagrant::Errors::MachineNotFound',
  noEnv: 'Vagrant::Errors::NoEnvironmentError',
  machineLocked: 'Vagrant::Errors::MachineActionLockedError',
} as const;

/** `vagrant box list` with no box (ui warn, as 2.3.4 printed it here). */
export const noInstalledBoxes = 'There are no installed boxes! Use `vagrant box add` to add some.';

/** Vagrant 2.3.4's machine_action_locked (templates/locales/en.yml): a second process on one machine. */
export function machineActionLocked(action: string, name: string): string {
  return (
    `An action '${action}' was attempted on the machine '${name}',\nbut another process is already executing an action on the machine.\n` +
    'Vagrant locks each machine for access by only one process at a time.\nPlease wait until the other Vagrant process finishes modifying this\nmachine, then try again.\n\n' +
    'If you believe this message is in error, please check the process\nlisting for any "ruby" or "vagrant" processes and kill them. Then\ntry again.'
  );
}

export const boxVersion = '202502.21.0';
