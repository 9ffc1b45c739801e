import { isIPv4 } from 'node:net';
import type { LabConfig } from './config-schema.js';

/**
 * The first three octets of a /24 given as `A.B.C.0/24` or `A.B.C`; undefined when it is
 * not one. The lab keeps each machine's last octet (.20-.23), so only a /24 is meaningful.
 */
export function parseLabNetwork(text: string): string | undefined {
  const match = /^(\d{1,3}\.\d{1,3}\.\d{1,3})(?:\.0\/24)?$/.exec(text.trim());
  const prefix = match?.[1];
  return prefix !== undefined && isIPv4(`${prefix}.0`) ? prefix : undefined;
}

/** `config` moved to the /24 `prefix`: every machine keeps its last octet, and the Heketi URL follows its VM. */
export function labConfigOnNetwork(config: LabConfig, prefix: string): LabConfig {
  const move = (address: string) => `${prefix}.${address.split('.')[3] ?? ''}`;
  const heketi = config.machines.find((m) => m.role === 'heketi');
  const url = new URL(config.heketi.url);
  if (heketi && url.hostname === heketi.address) url.hostname = move(heketi.address);
  return {
    ...config,
    machines: config.machines.map((m) => ({ ...m, address: move(m.address) })),
    heketi: { ...config.heketi, url: url.toString().replace(/\/$/, '') },
  };
}
