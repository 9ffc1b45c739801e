/**
 * The argument lists gluster-lab sends to vagrant, one builder per command. Exported
 * on their own so the simulator's contract test can send the very same lists to the
 * real vagrant and to the fake one.
 */
export const vagrantArgs = {
  version: (): string[] => ['--version'],
  status: (): string[] => ['status', '--machine-readable'],
  /** `--ignore-provider` validates the Vagrantfile where VirtualBox is not (yet) installed. */
  validate: (ignoreProvider = false): string[] => (ignoreProvider ? ['validate', '--ignore-provider'] : ['validate']),
  /** `provision`: run the provisioners even where Vagrant's sentinel says they ran (after a failed run). */
  up: (machines: readonly string[] = [], provision = false): string[] => ['up', '--machine-readable', ...(provision ? ['--provision'] : []), ...machines],
  halt: (machines: readonly string[] = []): string[] => ['halt', '--machine-readable', ...machines],
  destroy: (machines: readonly string[] = []): string[] => ['destroy', '--force', '--machine-readable', ...machines],
  provision: (machines: readonly string[] = []): string[] => ['provision', '--machine-readable', ...machines],
  boxList: (): string[] => ['box', 'list', '--machine-readable'],
  /** The box for VirtualBox only: a box that also exists for other providers would otherwise ask which one. */
  boxAdd: (box: string, version?: string): string[] => ['box', 'add', box, '--provider', 'virtualbox', ...(version ? ['--box-version', version] : []), '--machine-readable'],
  /** COMMAND stays one element: vagrant hands it to the guest's shell (`bash -l -c '...'`), quoted. */
  ssh: (machine: string, command: string): string[] => ['ssh', machine, '-c', command],
};
