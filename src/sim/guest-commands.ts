import { createHash } from 'node:crypto';
import type { SimLabConfig } from './lab-config-reader.js';
import { kubeadmAdminConf } from './lab-cluster.js';
import type { SimState } from './sim-state.js';

export interface GuestResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** A stable UUID per machine, as glusterd keeps in /var/lib/glusterd/glusterd.info. */
function glusterUuid(name: string): string {
  const hex = createHash('sha1').update(`glusterd:${name}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * What `vagrant ssh NAME -c COMMAND` prints for the commands gluster-lab sends to the
 * guests. Anything else fails the way bash does for an unknown command.
 */
export function runGuestCommand(state: SimState, config: SimLabConfig, machine: string, command: string): GuestResult {
  const self = config.machines.find((m) => m.name === machine);
  const provisioned = state.machines[machine]?.provisioned === true;
  const trimmed = command.trim();
  const ok = (stdout: string): GuestResult => ({ stdout, stderr: '', exitCode: 0 });
  if (trimmed === 'true' || trimmed === '') return ok('');
  if (trimmed === 'hostname') return ok(`${machine}\n`);
  if (trimmed === 'uname -m') return ok('x86_64\n');
  const service = /^(?:sudo )?systemctl is-active (\S+)$/.exec(trimmed)?.[1];
  if (service !== undefined) {
    const active = provisioned && ((service === 'heketi' && self?.role === 'heketi') || (service === 'glusterd' && self?.role === 'gluster'));
    return { stdout: active ? 'active\n' : 'inactive\n', stderr: '', exitCode: active ? 0 : 3 };
  }
  if (/^sudo gluster /.test(trimmed)) {
    if (self?.role !== 'gluster' || !provisioned) return { stdout: '', stderr: 'sudo: gluster: command not found\n', exitCode: 1 };
    if (trimmed === 'sudo gluster peer status --xml') return ok(peerStatusXml(state, config, machine));
    if (trimmed === 'sudo gluster volume list') {
      const names = state.heketi.volumes.map((v) => v.name);
      return ok(names.length > 0 ? `${names.join('\n')}\n` : 'No volumes present in cluster\n');
    }
  }
  if (trimmed === 'sudo cat /etc/kubernetes/admin.conf') {
    // kubeadm writes it on the node during provisioning (ansible/kubernetes.yml).
    if (self?.role === 'kubernetes' && provisioned && state.labNode) return ok(kubeadmAdminConf(state.labNode));
    return { stdout: '', stderr: 'cat: /etc/kubernetes/admin.conf: No such file or directory\n', exitCode: 1 };
  }
  const word = trimmed.split(/\s+/)[0] ?? trimmed;
  return { stdout: '', stderr: `bash: line 1: ${word}: command not found\n`, exitCode: 127 };
}

/** `gluster peer status --xml` in glusterd's layout (samples/real/gluster-peer-status-xml-3peers.xml). */
function peerStatusXml(state: SimState, config: SimLabConfig, machine: string): string {
  const peers = config.machines.filter((m) => m.role === 'gluster' && m.name !== machine);
  const blocks = peers.map((peer) => {
    const up = state.machines[peer.name]?.state === 'running' && state.machines[peer.name]?.provisioned === true;
    return [
      '    <peer>',
      `      <uuid>${glusterUuid(peer.name)}</uuid>`,
      `      <hostname>${peer.address}</hostname>`,
      '      <hostnames>',
      `        <hostname>${peer.address}</hostname>`,
      '      </hostnames>',
      `      <connected>${up ? 1 : 0}</connected>`,
      '      <state>3</state>',
      '      <stateStr>Peer in Cluster</stateStr>',
      '    </peer>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<cliOutput>',
    '  <opRet>0</opRet>',
    '  <opErrno>0</opErrno>',
    '  <opErrstr/>',
    '  <peerStatus>',
    ...blocks,
    '  </peerStatus>',
    '</cliOutput>',
    '',
  ].join('\n');
}
