import type { SimState } from './sim-state.js';

export const vboxVersion = '7.0.20r163906';

/** One host-only interface block as `VBoxManage list hostonlyifs` prints it. */
function hostOnlyBlock(index: number, address: string): string {
  const mac = `0a:00:27:00:00:0${index}`;
  return [
    `Name:            vboxnet${index}`,
    `GUID:            786f6276-656e-${4074 + index}-8000-0a002700000${index}`,
    'DHCP:            Disabled',
    `IPAddress:       ${address}`,
    'NetworkMask:     255.255.255.0',
    `IPV6Address:     fe80::800:27ff:fe00:${index}`,
    'IPV6NetworkMaskPrefixLength: 64',
    `HardwareAddress: ${mac}`,
    'MediumType:      Ethernet',
    'Wireless:        No',
    'Status:          Up',
    `VBoxNetworkName: HostInterfaceNetworking-vboxnet${index}`,
    '',
    '',
  ].join('\n');
}

/** The simulated VBoxManage: `--version` and `list hostonlyifs`. */
export function runVBoxManage(argv: readonly string[], state: SimState | undefined, labNetwork: string | undefined): { stdout: string; stderr: string; code: number } {
  if (argv.length === 1 && argv[0] === '--version') return { stdout: `${vboxVersion}\n`, stderr: '', code: 0 };
  if (argv.length === 2 && argv[0] === 'list' && argv[1] === 'hostonlyifs') {
    const created = state !== undefined && Object.keys(state.machines).length > 0;
    const blocks = [hostOnlyBlock(0, '192.168.56.1')];
    if (created && labNetwork) blocks.push(hostOnlyBlock(1, labNetwork));
    return { stdout: blocks.join(''), stderr: '', code: 0 };
  }
  return { stdout: '', stderr: `VBoxManage: error: Syntax error: Invalid command '${argv.join(' ')}'\n`, code: 2 };
}
