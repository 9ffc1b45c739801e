import { describe, expect, it } from 'vitest';
import { topologyResult } from '../../../src/doctor/check-heketi.js';
import { createDoctorContext } from '../../../src/doctor/doctor-context.js';
import { formatFindings, formatLayerRow } from '../../../src/doctor/format-report.js';
import { mergeFindings } from '../../../src/doctor/merge-findings.js';
import { doctorExitCode } from '../../../src/doctor/run-doctor.js';
import { defaultLabConfig } from '../../../src/lab/defaults.js';
import type { HeketiTopology } from '../../../src/tools/heketi-types.js';

const dc = createDoctorContext({ config: defaultLabConfig, labDir: '/lab', kube: {}, lang: 'en', tool: {} });
const GiB = 1024 * 1024;
const node = (address: string, free: number, state = 'online', devices = 1) => ({
  id: address,
  hostnames: { manage: [address], storage: [address] },
  zone: 1,
  state,
  devices: Array.from({ length: devices }, (_, i) => ({ id: `${address}-${i}`, name: '/dev/sdb', state: 'online', storage: { total: 10 * GiB, free, used: 10 * GiB - free } })),
});
const topology = (nodes: ReturnType<typeof node>[]): HeketiTopology => ({ clusters: [{ id: 'c', nodes, volumes: [] }] });

describe('Heketi topology judged against gluster-lab.yaml', () => {
  it('is ok with every gluster VM a node with an online device and room', () => {
    const r = topologyResult(dc, topology([node('192.168.56.21', 9 * GiB), node('192.168.56.22', 9 * GiB), node('192.168.56.23', 9 * GiB)]), 'heketi');
    expect(r).toMatchObject({ status: 'ok', summary: '3 nodes, 3 devices, 27.0 GiB free; the largest new claim that fits: 8Gi', findings: [] });
  });

  it('names the missing node, the offline one and the one without devices', () => {
    const r = topologyResult(dc, topology([node('192.168.56.21', 9 * GiB, 'offline'), node('192.168.56.22', 9 * GiB, 'online', 0)]), 'heketi');
    expect(r.status).toBe('failed');
    expect(r.findings.map((f) => [f.id, f.explanation])).toEqual([
      ['doctor.heketi-nodes', 'Heketi has 2 node(s); gluster-lab.yaml has 3 gluster VM(s). Missing: gluster3 (192.168.56.23).'],
      ['doctor.heketi-offline', '192.168.56.21: offline'],
      ['doctor.heketi-no-devices', 'No data disk registered for: 192.168.56.22. Heketi cannot place bricks there.'],
    ]);
  });

  it('warns, without failing the run, when a device is nearly full', () => {
    const r = topologyResult(dc, topology([node('192.168.56.21', GiB / 2), node('192.168.56.22', 9 * GiB), node('192.168.56.23', 9 * GiB)]), 'heketi');
    expect(r.status).toBe('warning');
    expect(r.findings[0]).toMatchObject({ id: 'doctor.heketi-low-space', severity: 'warning' });
    expect(doctorExitCode({ layers: [r], findings: r.findings })).toBe(0);
  });

  // Heketi's arithmetic, not the free figure: a 1Gi brick takes 1 GiB + 8 MiB of thin pool
  // and metadata, and Heketi wants strictly more free than that (device_entry.go StorageCheck).
  it('warns when every device has just over 1 GiB free, too little for a 1Gi claim', () => {
    const free = GiB + 4 * 1024;
    const r = topologyResult(dc, topology([node('192.168.56.21', free), node('192.168.56.22', free), node('192.168.56.23', free)]), 'heketi');
    expect(r.summary).toBe('3 nodes, 3 devices, 3.0 GiB free; the largest new claim that fits: none');
    expect(r.findings.map((f) => [f.id, f.explanation])).toEqual([
      [
        'doctor.heketi-low-space',
        "Heketi cannot place even a 1Gi replica-3 volume: each of its three copies needs 1032 MiB (a 1 GiB thin pool plus its metadata, Heketi's own arithmetic) on a device of a different node. Free now: 192.168.56.21 1028 MiB, 192.168.56.22 1028 MiB, 192.168.56.23 1028 MiB.",
      ],
    ]);
  });
});

describe('report text', () => {
  it('merges one cause found on several objects into one finding naming each', () => {
    const f = { id: 'x', layer: 'pvcs' as const, severity: 'error' as const, title: 'T', explanation: 'E', fix: 'F', links: [], evidence: ['line'] };
    expect(mergeFindings([{ subject: 'a/1', finding: f }, { subject: 'b/2', finding: f }])).toEqual([{ ...f, evidence: ['a/1: line', 'b/2: line'] }]);
  });

  it('prints a layer row with its mark, and a finding with what, fix and evidence', () => {
    expect(formatLayerRow('VMs', { layer: 'vms', status: 'skipped', summary: 'skipped: x', findings: [] }, 6)).toBe('- VMs     skipped: x');
    const lines = formatFindings([{ id: 'x', layer: 'vms', severity: 'error', title: 'T', explanation: 'E', fix: 'F', links: ['https://l'], evidence: ['ev'] }], dc.t);
    expect(lines).toEqual(['1 finding(s):', '', '1. [vms] T', '   What is wrong: E', '   What to do: F', '   Evidence:', '     | ev', '   More: https://l']);
    expect(formatFindings([], dc.t)).toEqual(['Everything checked is healthy: no findings.']);
  });
});
