import { GlusterCliError, type GlusterPeer } from '../tools/gluster-xml.js';
import { ToolError } from '../tools/tool-error.js';
import { catalogueFindings, ownFinding, tailLines } from './catalogue-findings.js';
import type { DoctorContext } from './doctor-context.js';
import { statusOf, type DoctorFinding, type LayerResult } from './doctor-types.js';
import { peerInCluster, readPeerStatus } from './read-peer-status.js';

/**
 * Asks the first gluster VM for its peers: every other gluster VM must be a peer, in the
 * cluster, connected. Peers are matched by address or name, as glusterd may know either.
 */
export async function checkGlusterPeers(dc: DoctorContext, vm: string): Promise<LayerResult> {
  const { t } = dc;
  const others = dc.config.machines.filter((m) => m.role === 'gluster' && m.name !== vm);
  let peers: GlusterPeer[];
  try {
    peers = await readPeerStatus(dc.labDir, vm, dc.tool);
  } catch (error) {
    if (error instanceof GlusterCliError) {
      const finding = ownFinding('gluster-peers', 'peers-glusterd', { title: t('peersGlusterTitle', { vm }), explanation: t('peersGlusterWhat', { error: error.opErrstr || error.message }), fix: t('peersGlusterFix', { vm }) }, [error.message], { category: 'gluster-peer' });
      return { layer: 'gluster-peers', status: 'failed', summary: t('peersGlusterTitle', { vm }), findings: [finding] };
    }
    if (!(error instanceof ToolError) || error.kind === 'interrupted') throw error;
    const lines = [...tailLines(error.stderrTail), ...tailLines(error.stdoutTail, 4)];
    const known = catalogueFindings(lines, 'gluster-peers', dc.lang);
    const findings = known.length > 0 ? known : [ownFinding('gluster-peers', 'peers-ssh', { title: t('peersSshTitle', { vm }), explanation: t('peersSshWhat', { vm }), fix: t('peersSshFix', { vm }) }, lines, { category: 'gluster-peer' })];
    return { layer: 'gluster-peers', status: 'failed', summary: t('peersSshTitle', { vm }), findings };
  }

  const problems: string[] = [];
  let healthy = 0;
  for (const other of others) {
    const peer = peers.find((p) => [p.hostname, ...p.hostnames].some((h) => h === other.address || h === other.name));
    const label = `${other.name} (${other.address})`;
    if (!peer) problems.push(t('peerMissing', { peer: label }));
    else if (peer.state !== peerInCluster) problems.push(t('peerState', { peer: label, state: peer.stateStr }));
    else if (!peer.connected) problems.push(t('peerDisconnected', { peer: label }));
    else healthy++;
  }
  const evidence = peers.map((p) => `${p.hostname}: ${p.stateStr}, ${p.connected ? 'connected' : 'disconnected'}`);
  const findings: DoctorFinding[] =
    problems.length === 0
      ? []
      : [ownFinding('gluster-peers', 'peers-broken', { title: t('peersBrokenTitle'), explanation: t('peersBrokenWhat', { vm, items: problems.join('; ') }), fix: t('peersBrokenFix', { vm }) }, evidence, { category: 'gluster-peer' })];
  return { layer: 'gluster-peers', status: statusOf(findings), summary: t('sumPeers', { connected: healthy, total: others.length }), findings };
}
