import { XMLParser } from 'fast-xml-parser';

export interface GlusterPeer {
  uuid: string;
  hostname: string;
  /** Every name the peer is known by (newer GlusterFS); just `hostname` on older ones. */
  hostnames: string[];
  connected: boolean;
  /** glusterd's friend state: 3 is "Peer in Cluster", 2 "Peer Rejected", ... */
  state: number;
  stateStr: string;
}

/** gluster answered with opRet ≠ 0 (e.g. glusterd not running): its own error string is kept. */
export class GlusterCliError extends Error {
  override readonly name = 'GlusterCliError';
  constructor(
    readonly opRet: number,
    readonly opErrno: number,
    readonly opErrstr: string,
  ) {
    super(`gluster: ${opErrstr || `opRet ${opRet}`}`);
  }
}

const parser = new XMLParser({
  // UUIDs and host names stay strings: "1e3" must not become 1000.
  parseTagValue: false,
  ignoreAttributes: true,
  isArray: (name, jpath) => jpath === 'cliOutput.peerStatus.peer' || jpath === 'cliOutput.peerStatus.peer.hostnames.hostname',
});

interface RawPeer {
  uuid?: string;
  hostname?: string;
  hostnames?: { hostname?: string[] } | string;
  connected?: string;
  state?: string;
  stateStr?: string;
}

interface RawOutput {
  /** Other answers (volInfo, volStatus, …) are kept as parsed, untyped. */
  cliOutput?: { opRet?: string; opErrno?: string; opErrstr?: string; peerStatus?: { peer?: RawPeer[] } | string; [other: string]: unknown };
}

/**
 * What the gluster CLI prints when glusterd does not answer on its socket: plain text on
 * stdout, exit 1, even with --xml (seen with glusterfs 10.3).
 */
export const glusterdDownText = 'Connection failed. Please check if gluster daemon is operational.';

/**
 * The <cliOutput> of any `gluster … --xml` answer. Throws GlusterCliError with gluster's own
 * words when it reports a failure (opRet ≠ 0: a dead peer, a brick in use) or is not its XML.
 */
export function glusterCliOutput(xml: string): NonNullable<RawOutput['cliOutput']> {
  const output = (parser.parse(xml) as RawOutput).cliOutput;
  if (!output) {
    const said = xml.split('\n').map((l) => l.trim()).find((l) => l !== '' && !l.startsWith('<'));
    throw new GlusterCliError(-1, 0, said ?? 'no <cliOutput> in gluster output');
  }
  const opRet = Number(output.opRet ?? 0);
  if (opRet !== 0) throw new GlusterCliError(opRet, Number(output.opErrno ?? 0), String(output.opErrstr ?? ''));
  return output;
}

/** Parses `gluster peer status --xml` (the other peers; the node asked is not listed). */
export function parsePeerStatusXml(xml: string): { peers: GlusterPeer[] } {
  const output = glusterCliOutput(xml);
  const peers = typeof output.peerStatus === 'object' ? (output.peerStatus.peer ?? []) : [];
  return { peers: peers.map(toPeer) };
}

function toPeer(raw: RawPeer): GlusterPeer {
  const hostname = String(raw.hostname ?? '');
  const listed = typeof raw.hostnames === 'object' ? (raw.hostnames.hostname ?? []).map(String) : [];
  return {
    uuid: String(raw.uuid ?? ''),
    hostname,
    hostnames: listed.length > 0 ? listed : hostname ? [hostname] : [],
    connected: String(raw.connected) === '1',
    state: Number(raw.state ?? 0),
    stateStr: String(raw.stateStr ?? ''),
  };
}
