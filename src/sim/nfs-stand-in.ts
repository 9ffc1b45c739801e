import { createServer, type AddressInfo } from 'node:net';
import { nfsPort } from '../doctor/read-nfs-export.js';
import type { SimLabConfig } from './lab-config-reader.js';
import { simEndpointsVariable } from '../tools/tcp-port.js';

export interface NfsStandIn {
  /** The variable that sends connections to the gluster VMs' NFS port here (tools/tcp-port.ts). */
  env: Record<string, string>;
  close(): Promise<void>;
}

/**
 * NFS-Ganesha's port on the simulated gluster VMs: one loopback listener that accepts a
 * connection and closes it, named in the environment for every gluster VM's lab endpoint, so
 * `status` and `doctor` find the export answering without a packet to the lab's addresses.
 */
export async function startNfsStandIn(config: SimLabConfig): Promise<NfsStandIn> {
  const server = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const endpoints = Object.fromEntries(config.machines.filter((m) => m.role === 'gluster').map((m) => [`${m.address}:${nfsPort}`, `127.0.0.1:${port}`]));
  return {
    env: { [simEndpointsVariable]: JSON.stringify(endpoints) },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
