// status and doctor on the CSI path's export: a real TCP connection per gluster VM, to loopback
// listeners only. The lab's addresses (172.20.1.x) are mapped to them through the variable the
// simulated lab sets (tools/tcp-port.ts), so no packet goes to a private address.
import { createServer, type AddressInfo, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkNfsExport } from '../../../src/doctor/check-nfs-export.js';
import { createDoctorContext } from '../../../src/doctor/doctor-context.js';
import { nfsPort } from '../../../src/doctor/read-nfs-export.js';
import { defaultLabConfig } from '../../../src/lab/defaults.js';
import { nfsExportLines, type StatusNfsExport } from '../../../src/status/nfs-export-lines.js';
import { connectTarget, simEndpointsVariable, tcpPortAnswer } from '../../../src/tools/tcp-port.js';

let server: Server;
let openPort: number;
let closedPort: number;

async function listen(): Promise<Server> {
  const s = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', () => resolve()));
  return s;
}

beforeAll(async () => {
  server = await listen();
  openPort = (server.address() as AddressInfo).port;
  // A port that was just free and is closed again: connecting there is refused.
  const gone = await listen();
  closedPort = (gone.address() as AddressInfo).port;
  await new Promise((resolve) => gone.close(resolve));
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('tcpPortAnswer', () => {
  it('says open when something accepts, refused (ECONNREFUSED) when nothing listens', async () => {
    expect(await tcpPortAnswer('127.0.0.1', openPort, { timeoutMs: 2_000 })).toMatchObject({ open: true });
    const refused = await tcpPortAnswer('127.0.0.1', closedPort, { timeoutMs: 2_000 });
    expect(refused).toMatchObject({ open: false, code: 'ECONNREFUSED' });
    expect(refused.error).toContain(`connect ECONNREFUSED 127.0.0.1:${closedPort}`);
  });

  it('gives up at once when interrupted, and refuses a host name (addresses come from gluster-lab.yaml)', async () => {
    const aborted = new AbortController();
    aborted.abort();
    expect(await tcpPortAnswer('127.0.0.1', openPort, { timeoutMs: 2_000, signal: aborted.signal })).toMatchObject({ open: false, code: 'ABORT_ERR' });
    expect(await tcpPortAnswer('gluster1', nfsPort, { timeoutMs: 2_000 })).toMatchObject({ open: false, code: 'EINVAL' });
  });

  it("follows the simulated lab's endpoint map to loopback only", () => {
    const env = { [simEndpointsVariable]: JSON.stringify({ '172.20.1.21:2049': '127.0.0.1:4000', '172.20.1.22:2049': '10.0.0.9:2049' }) };
    expect(connectTarget('172.20.1.21', 2049, env)).toEqual({ host: '127.0.0.1', port: 4000 });
    // Not loopback: ignored, as a map that is not JSON is.
    expect(connectTarget('172.20.1.22', 2049, env)).toEqual({ host: '172.20.1.22', port: 2049 });
    expect(connectTarget('172.20.1.21', 2049, { [simEndpointsVariable]: '{' })).toEqual({ host: '172.20.1.21', port: 2049 });
    expect(connectTarget('172.20.1.21', 2049, {})).toEqual({ host: '172.20.1.21', port: 2049 });
  });
});

describe("doctor's NFS export layer", () => {
  const [g1, g2, g3] = defaultLabConfig.machines.filter((m) => m.role === 'gluster').map((m) => m.address);
  const env = () => ({ [simEndpointsVariable]: JSON.stringify({ [`${g1}:${nfsPort}`]: `127.0.0.1:${openPort}`, [`${g2}:${nfsPort}`]: `127.0.0.1:${closedPort}`, [`${g3}:${nfsPort}`]: `127.0.0.1:${openPort}` }) });
  const context = (lang: 'en' | 'ja') => createDoctorContext({ config: defaultLabConfig, labDir: '/home/u/lab', kube: {}, lang, tool: { env: env() } });

  it('is ok when every running gluster VM answers on 2049', async () => {
    expect(await checkNfsExport(context('en'), ['gluster1', 'gluster3'])).toEqual({ layer: 'nfs-export', status: 'ok', summary: '2 of 2 gluster VMs answer on port 2049', findings: [] });
  });

  it('names the VM that does not answer, with what to look at, in English and Japanese', async () => {
    const result = await checkNfsExport(context('en'), ['gluster1', 'gluster2']);
    expect(result.status).toBe('failed');
    expect(result.summary).toBe('1 of 2 gluster VMs answer on port 2049');
    expect(result.findings).toHaveLength(1);
    const finding = result.findings[0]!;
    expect(finding).toMatchObject({ id: 'doctor.nfs-export-down', category: 'nfs-export', severity: 'error', title: 'NFS-Ganesha does not answer on gluster2' });
    expect(finding.explanation).toBe(
      `Nothing accepted a connection on port 2049 of gluster2 (${g2}), so csi-driver-nfs cannot mount the export /k8s-nfs from there. NFS-Ganesha is stopped, or still waiting for the volume k8s-nfs (it starts once Heketi has made it: "vagrant provision heketi"), or the VM's network is down.`,
    );
    expect(finding.fix).toContain("(cd /home/u/lab): vagrant ssh gluster2 -c 'sudo systemctl status nfs-ganesha --no-pager'");
    expect(finding.evidence).toEqual([expect.stringMatching(new RegExp(`^${g2?.replaceAll('.', '\\.')}:2049: connect ECONNREFUSED 127\\.0\\.0\\.1:${closedPort} \\(\\d+ ms\\)$`))]);

    const ja = (await checkNfsExport(context('ja'), ['gluster2'])).findings[0]!;
    expect(ja.title).toBe('gluster2 で NFS-Ganesha が応答しません');
    expect(ja.explanation).toContain('csi-driver-nfs はそこからエクスポート /k8s-nfs をマウントできません');
  });
});

describe('status lines for the export', () => {
  const nfs: StatusNfsExport = {
    export: '/k8s-nfs',
    volume: 'k8s-nfs',
    port: 2049,
    servers: [
      { vm: 'gluster1', address: '172.20.1.21', asked: true, answers: true, ms: 2 },
      { vm: 'gluster2', address: '172.20.1.22', asked: true, answers: false, ms: 3, error: 'connect ECONNREFUSED 172.20.1.22:2049' },
      { vm: 'gluster3', address: '172.20.1.23', asked: false },
    ],
  };

  it('say per gluster VM whether it answers, why not, or that it was not asked', () => {
    expect(nfsExportLines(nfs, 'en')).toEqual([
      'NFS export /k8s-nfs (volume k8s-nfs, port 2049):',
      '  gluster1 (172.20.1.21): answers',
      "  gluster2 (172.20.1.22): not answering (connect ECONNREFUSED 172.20.1.22:2049). In the lab directory: vagrant ssh gluster2 -c 'sudo systemctl status nfs-ganesha --no-pager'",
      '  gluster3 (172.20.1.23): not asked: gluster3 is not running ("gluster-lab up" starts it)',
    ]);
    expect(nfsExportLines(nfs, 'ja')[0]).toBe('NFS エクスポート /k8s-nfs（ボリューム k8s-nfs、ポート 2049）:');
    expect(nfsExportLines({ ...nfs, servers: [] }, 'en')).toEqual(['NFS export /k8s-nfs (volume k8s-nfs, port 2049):', '  the lab has no gluster VM']);
  });
});
