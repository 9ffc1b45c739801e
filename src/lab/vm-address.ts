/**
 * Why an IPv4 address cannot be a lab VM's on a VirtualBox host-only network, whose netmask
 * Vagrant sets to /24 and whose .1 it gives the host's own adapter (plugins/providers/
 * virtualbox/action/network.rb: `adapter_ip ||= (netaddr | 1)`). provisioning/Vagrantfile
 * holds the same rule in Ruby.
 */
export type VmAddressProblem = 'zero-net' | 'loopback' | 'link-local' | 'multicast' | 'reserved' | 'network' | 'broadcast' | 'host-adapter';

export function vmAddressProblem(address: string): VmAddressProblem | undefined {
  const [a = 0, b = 0, , d = 0] = address.split('.').map(Number);
  if (a === 0) return 'zero-net';
  if (a === 127) return 'loopback';
  if (a === 169 && b === 254) return 'link-local';
  if (a >= 224 && a <= 239) return 'multicast';
  if (a >= 240) return 'reserved';
  if (d === 0) return 'network';
  if (d === 255) return 'broadcast';
  if (d === 1) return 'host-adapter';
  return undefined;
}

/** The /24 network of an IPv4 address, as `a.b.c.0/24`. */
export function network24(address: string): string {
  return `${address.split('.').slice(0, 3).join('.')}.0/24`;
}
