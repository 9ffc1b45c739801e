import { parsePeerStatusXml, type GlusterPeer } from '../tools/gluster-xml.js';
import type { ToolOptions } from '../tools/tool-options.js';
import { vagrantSsh } from '../tools/vagrant.js';

const peerStatusCommand = 'sudo gluster peer status --xml';
/** glusterd's friend state for a full member ("Peer in Cluster"). */
export const peerInCluster = 3;

/**
 * `gluster peer status --xml` on one gluster VM, through `vagrant ssh` in the lab directory:
 * the other peers (the VM asked is not listed). Throws ToolError when ssh fails and
 * GlusterCliError when glusterd answers with an error.
 */
export async function readPeerStatus(labDir: string, vm: string, tool: ToolOptions): Promise<GlusterPeer[]> {
  const xml = await vagrantSsh(vm, peerStatusCommand, { ...tool, cwd: labDir });
  return parsePeerStatusXml(xml).peers;
}
