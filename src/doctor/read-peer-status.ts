import { GlusterCliError, glusterdDownText, parsePeerStatusXml, type GlusterPeer } from '../tools/gluster-xml.js';
import { ToolError } from '../tools/tool-error.js';
import type { ToolOptions } from '../tools/tool-options.js';
import { vagrantSsh } from '../tools/vagrant.js';

const peerStatusCommand = 'sudo gluster peer status --xml';
/** glusterd's friend state for a full member ("Peer in Cluster"). */
export const peerInCluster = 3;

/**
 * `gluster peer status --xml` on one gluster VM, through `vagrant ssh` in the lab directory:
 * the other peers (the VM asked is not listed). Throws ToolError when ssh fails and
 * GlusterCliError when glusterd answers with an error or does not answer at all (the CLI
 * then prints plain text and exits 1, which `vagrant ssh` passes on).
 */
export async function readPeerStatus(labDir: string, vm: string, tool: ToolOptions): Promise<GlusterPeer[]> {
  let xml: string;
  try {
    xml = await vagrantSsh(vm, peerStatusCommand, { ...tool, cwd: labDir });
  } catch (error) {
    if (error instanceof ToolError && error.kind === 'failed' && `${error.stdoutTail}\n${error.stderrTail}`.includes(glusterdDownText)) {
      throw new GlusterCliError(-1, 0, glusterdDownText);
    }
    throw error;
  }
  return parsePeerStatusXml(xml).peers;
}
