import type { LabConfig } from '../lab/config-schema.js';
import { tcpPortAnswer, type PortAnswer } from '../tools/tcp-port.js';

/** NFS-Ganesha's port on every gluster VM (ganesha_nfs_port in provisioning/ansible/vars/nfs-ganesha.yml). */
export const nfsPort = 2049;
/** A VM that runs answers on the host-only network within milliseconds; 3 s leaves room for a busy laptop. */
const answerTimeoutMs = 3_000;

export interface NfsServerAnswer {
  vm: string;
  address: string;
  port: number;
  answer: PortAnswer;
}

/**
 * Whether NFS-Ganesha accepts connections on each gluster VM named in `vms` (all asked at
 * once), at the address gluster-lab.yaml gives it. A connection says the server runs and
 * listens; that the export is mounted is the cluster's side to show.
 */
export function readNfsExport(config: LabConfig, vms: readonly string[], options: { env?: NodeJS.ProcessEnv; signal?: AbortSignal; timeoutMs?: number }): Promise<NfsServerAnswer[]> {
  const machines = config.machines.filter((m) => m.role === 'gluster' && vms.includes(m.name));
  return Promise.all(
    machines.map(async (m) => ({
      vm: m.name,
      address: m.address,
      port: nfsPort,
      answer: await tcpPortAnswer(m.address, nfsPort, { timeoutMs: options.timeoutMs ?? answerTimeoutMs, signal: options.signal, env: options.env }),
    })),
  );
}
