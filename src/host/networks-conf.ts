import { isIPv4, isIPv6 } from 'node:net';

/** An IPv4 network: address as a 32-bit number, prefix length. */
export interface Ipv4Range {
  network: number;
  prefix: number;
  text: string;
}

export interface NetworksConf {
  ranges: Ipv4Range[];
  /** IPv6 ranges are valid but do not concern the lab's IPv4 addresses. */
  ipv6: string[];
  /** Lines VirtualBox does not read as ranges (no leading "*", or an entry that is not an address). */
  ignored: string[];
}

/** VirtualBox's limit when /etc/vbox/networks.conf does not exist (6.1.28+, Linux/macOS/Solaris). */
export const defaultHostOnlyRange = '192.168.56.0/21';

/** The first VirtualBox release with the host-only range limit. */
export const hostOnlyLimitSince = '6.1.28';

function ipv4ToNumber(address: string): number {
  return address.split('.').reduce((value, octet) => value * 256 + Number(octet), 0);
}

/** Addresses in numeric order (".9" before ".10"), as a person reads a list of them. */
export function sortedIpv4(addresses: readonly string[]): string[] {
  return [...addresses].sort((a, b) => ipv4ToNumber(a) - ipv4ToNumber(b));
}

function mask(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/** "10.0.0.0/8" or a bare address (a /32), as VirtualBox and Vagrant's IPAddr read it; undefined if not IPv4. */
export function parseIpv4Range(entry: string): Ipv4Range | undefined {
  const [address = '', prefixText, extra] = entry.split('/');
  if (extra !== undefined || !isIPv4(address)) return undefined;
  const prefix = prefixText === undefined ? 32 : /^\d{1,2}$/.test(prefixText) ? Number(prefixText) : NaN;
  if (!(prefix >= 0 && prefix <= 32)) return undefined;
  return { network: (ipv4ToNumber(address) & mask(prefix)) >>> 0, prefix, text: entry };
}

export function rangeContains(range: Ipv4Range, address: string): boolean {
  return ((ipv4ToNumber(address) & mask(range.prefix)) >>> 0) === range.network;
}

/**
 * Reads /etc/vbox/networks.conf: each line `* RANGE [RANGE…]`, "#" starts a comment.
 * A file that exists but lists no range allows nothing.
 */
export function parseNetworksConf(text: string): NetworksConf {
  const conf: NetworksConf = { ranges: [], ipv6: [], ignored: [] };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (!line.startsWith('*')) {
      conf.ignored.push(line);
      continue;
    }
    let lineIgnored = false;
    for (const entry of line.slice(1).trim().split(/\s+/).filter(Boolean)) {
      const range = parseIpv4Range(entry);
      if (range) conf.ranges.push(range);
      else if (isIPv6(entry.split('/')[0] ?? '')) conf.ipv6.push(entry);
      else lineIgnored = true;
    }
    if (lineIgnored || line === '*') conf.ignored.push(line);
  }
  return conf;
}

/** The /24 networks holding these addresses, as one networks.conf line (`* A.B.C.0/24 …`). */
export function networksConfLineFor(addresses: readonly string[]): string {
  const networks = [...new Set(addresses.map((a) => `${a.split('.').slice(0, 3).join('.')}.0/24`))];
  return `* ${networks.join(' ')}`;
}
