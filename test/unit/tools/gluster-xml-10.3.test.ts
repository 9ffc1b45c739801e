// The gluster XML parser on output captured from a real GlusterFS 10.3 pool (see
// test/fixtures/README.md): runs everywhere, also where the real-daemon tests cannot.
import { describe, expect, it } from 'vitest';
import { GlusterCliError, glusterCliOutput, glusterdDownText, parsePeerStatusXml } from '../../../src/tools/gluster-xml.js';
import { fixture } from './real-samples.js';

const sample = (name: string) => fixture(`glusterfs-10.3/${name}`);

function cliError(run: () => unknown): GlusterCliError {
  try {
    run();
  } catch (error) {
    if (error instanceof GlusterCliError) return error;
    throw error;
  }
  throw new Error('expected a GlusterCliError');
}

describe('gluster XML of GlusterFS 10.3', () => {
  it('peer status: two peers by address, in the cluster, connected', () => {
    const { peers } = parsePeerStatusXml(sample('peer-status-connected.xml'));
    expect(peers.map((p) => [p.hostname, p.hostnames, p.connected, p.state, p.stateStr])).toEqual([
      ['127.1.1.2', ['127.1.1.2'], true, 3, 'Peer in Cluster'],
      ['127.1.1.3', ['127.1.1.3'], true, 3, 'Peer in Cluster'],
    ]);
    expect(peers[0]?.uuid).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('peer status after a glusterd stopped: still in the cluster, disconnected', () => {
    const { peers } = parsePeerStatusXml(sample('peer-status-one-disconnected.xml'));
    expect(peers.map((p) => [p.hostname, p.connected, p.stateStr])).toEqual([
      ['127.1.1.2', true, 'Peer in Cluster'],
      ['127.1.1.3', false, 'Peer in Cluster'],
    ]);
  });

  it('the stopped glusterd itself: plain text, which becomes a GlusterCliError with its words', () => {
    const error = cliError(() => parsePeerStatusXml(sample('peer-status-glusterd-down.txt')));
    expect(error.opErrstr).toBe(glusterdDownText);
  });

  it('errors keep opRet, opErrno and gluster\'s message: a dead peer, a brick in use', () => {
    expect(cliError(() => parsePeerStatusXml(sample('peer-probe-dead-peer.xml')))).toMatchObject({ opRet: -1, opErrno: 107, opErrstr: 'Probe returned with Transport endpoint is not connected' });
    const inUse = cliError(() => glusterCliOutput(sample('volume-create-brick-in-use.xml')));
    expect(inUse.opErrno).toBe(30800);
    expect(inUse.opErrstr).toMatch(/^Brick: 127\.1\.1\.1:\/\S+\/bricks\/gv0 not available\. Brick may be containing or be contained by an existing brick\.$/);
  });

  it('volume info and volume status pass the envelope', () => {
    expect(glusterCliOutput(sample('volume-info.xml'))).toHaveProperty('volInfo');
    expect(glusterCliOutput(sample('volume-status.xml'))).toHaveProperty('volStatus');
  });
});
