import { describe, expect, it } from 'vitest';
import { GlusterCliError, parsePeerStatusXml } from '../../../src/tools/gluster-xml.js';
import { haveRealSamples, realSample } from './real-samples.js';

describe.skipIf(!haveRealSamples)('parsePeerStatusXml on real gluster output', () => {
  it('three connected peers with a <hostnames> list', () => {
    const { peers } = parsePeerStatusXml(realSample('gluster-peer-status-xml-3peers.xml'));
    expect(peers.map((p) => p.hostname)).toEqual(['node2.example.local', 'node4.example.local', 'node3.example.local']);
    expect(peers[0]).toEqual({
      uuid: 'f6fa44e7-5139-4f6e-8404-6d2ce7d66231',
      hostname: 'node2.example.local',
      hostnames: ['node2.example.local'],
      connected: true,
      state: 3,
      stateStr: 'Peer in Cluster',
    });
  });

  it('a disconnected peer and a rejected one (older output without <hostnames>)', () => {
    const { peers } = parsePeerStatusXml(realSample('gluster-peer-status-xml-disconnected-rejected.xml'));
    expect(peers.map((p) => [p.hostname, p.connected, p.state, p.stateStr])).toEqual([
      ['192.168.2.21', true, 3, 'Peer in Cluster'],
      ['FC16-1', false, 3, 'Peer in Cluster'],
      ['FC16-2', true, 2, 'Peer rejected'],
    ]);
    expect(peers[1]?.hostnames).toEqual(['FC16-1']);
  });
});

describe('parsePeerStatusXml edge cases', () => {
  it('no peers yet: an empty <peerStatus/>', () => {
    const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cliOutput>\n  <opRet>0</opRet>\n  <opErrno>0</opErrno>\n  <opErrstr/>\n  <peerStatus/>\n</cliOutput>\n';
    expect(parsePeerStatusXml(xml)).toEqual({ peers: [] });
  });

  it('a peer with two names and a numeric-looking uuid stays as text', () => {
    const xml = `<cliOutput><opRet>0</opRet><opErrno>0</opErrno><opErrstr/><peerStatus><peer><uuid>1e3</uuid><hostname>gluster2</hostname>
      <hostnames><hostname>gluster2</hostname><hostname>172.20.1.22</hostname></hostnames><connected>1</connected><state>3</state>
      <stateStr>Peer in Cluster</stateStr></peer></peerStatus></cliOutput>`;
    const [peer] = parsePeerStatusXml(xml).peers;
    expect(peer?.uuid).toBe('1e3');
    expect(peer?.hostnames).toEqual(['gluster2', '172.20.1.22']);
  });

  it('opRet -1 becomes a GlusterCliError carrying gluster\'s own message', () => {
    const xml = '<cliOutput><opRet>-1</opRet><opErrno>107</opErrno><opErrstr>Connection failed. Please check if gluster daemon is operational.</opErrstr></cliOutput>';
    expect(() => parsePeerStatusXml(xml)).toThrow(GlusterCliError);
    expect(() => parsePeerStatusXml(xml)).toThrow('Connection failed. Please check if gluster daemon is operational.');
  });
});
