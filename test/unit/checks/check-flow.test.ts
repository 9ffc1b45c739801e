import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { AppContext } from '../../../src/context.js';
import type { HostProbes } from '../../../src/checks/host-probes.js';
import { checkFlow } from '../../../src/flows/check.js';
import type { Lang } from '../../../src/i18n/define.js';
import { defaultLabConfig } from '../../../src/lab/defaults.js';
import { fakeProbes, notFound } from './fake-probes.js';

function fakeStream(): { stream: NodeJS.WriteStream; text: () => string } {
  let buffer = '';
  const stream = { write: (chunk: string) => ((buffer += chunk), true) } as unknown as NodeJS.WriteStream;
  return { stream, text: () => buffer };
}

function context(labDir: string, options: { json?: boolean; lang?: Lang; simulation?: boolean } = {}) {
  const out = fakeStream();
  const err = fakeStream();
  const ctx = {
    lang: options.lang ?? 'en',
    labDir,
    json: options.json ?? false,
    yes: false,
    kube: {},
    interactive: false,
    signal: new AbortController().signal,
    forceSignal: new AbortController().signal,
    interrupt: () => {},
    env: process.env,
    stdin: process.stdin,
    stdout: out.stream,
    stderr: err.stream,
    simulation: options.simulation ?? false,
  } satisfies AppContext;
  return { ctx, stdout: out.text };
}

/** A lab directory with the default gluster-lab.yaml (192.168.56.x, allowed by a stock VirtualBox). */
function newLab(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gluster-lab-check-'));
  writeFileSync(join(dir, 'gluster-lab.yaml'), stringify(defaultLabConfig));
  return dir;
}

const missingVbox = (): HostProbes =>
  fakeProbes({ vboxVersion: async () => Promise.reject(notFound('VBoxManage')), pathExists: () => Promise.resolve(false) }, { '/proc/modules': 'ext4 1 0 - Live 0x0\n' });

describe('gluster-lab check (plain lines)', () => {
  it('prints every row in the fixed order with the fix under failures, and exits 1', async () => {
    const dir = newLab();
    const { ctx, stdout } = context(dir);
    expect(await checkFlow(ctx, { probes: missingVbox() })).toBe(1);
    const lines = stdout().split('\n');
    expect(lines[0]).toBe('Prerequisites');
    const heads = lines.filter((l) => /^[✓!✗] /.test(l));
    expect(heads).toEqual([
      '✓ Vagrant — 2.4.3',
      '✗ VirtualBox (VBoxManage) — not installed',
      '✗ VirtualBox kernel driver — not installed',
      '! Vagrant supports this VirtualBox',
      '✓ VirtualBox host-only ranges — 192.168.56.0/21',
      '✓ kubectl — v1.24.17',
      '✓ Kubernetes cluster — v1.24.17 (kind-lab)',
      '✓ Kubernetes node of the lab',
      '✓ git — 2.39.5',
      '✓ Memory — 16 GB, 10 GB free',
      '✓ Free disk — 200 GB free',
      '✓ CPU cores — 8 cores',
      '✓ Hardware virtualisation — vmx',
      '✓ Host architecture — linux/x64',
    ]);
    const at = lines.indexOf('✗ VirtualBox (VBoxManage) — not installed');
    expect(lines[at + 1]).toBe('    VirtualBox was not found on PATH.');
    expect(lines[at + 2]).toMatch(/^ {4}→ Install VirtualBox from https:\/\/www\.virtualbox\.org\/wiki\/Linux_Downloads/);
    expect(lines.slice(-3)).toEqual(['2 failed, 1 warning(s), 11 ok.', 'Fix the failures above, then run `gluster-lab check` again.', '']);
  });

  it('records {at, failures, warnings} in the lab for the home screen', async () => {
    const dir = newLab();
    const { ctx } = context(dir);
    await checkFlow(ctx, { probes: missingVbox(), now: () => new Date('2025-01-02T03:04:05.000Z') });
    expect(JSON.parse(readFileSync(join(dir, 'state', 'last-check.json'), 'utf8'))).toEqual({ at: '2025-01-02T03:04:05.000Z', failures: 2, warnings: 1 });
  });

  it('without a lab, uses the default lab, says so, and writes nothing', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'gluster-lab-nolab-'));
    const dir = join(parent, 'gluster-lab');
    const { ctx, stdout } = context(dir);
    expect(await checkFlow(ctx, { probes: fakeProbes() })).toBe(0);
    expect(stdout()).toContain(`No lab in ${dir}: the figures below are for the default lab (4 VMs, 4 GB, addresses 192.168.56.20, 192.168.56.21, 192.168.56.22, 192.168.56.23). \`gluster-lab init\` creates one.`);
    expect(stdout()).toContain('No problems found (14 checks passed).');
    expect(existsSync(dir)).toBe(false);
  });

  it('says when a check is still running after the slow threshold', async () => {
    const { ctx, stdout } = context(newLab());
    const slowServer = fakeProbes({ kubeVersions: () => new Promise((resolve) => setTimeout(() => resolve({ client: { major: '1', minor: '24', gitVersion: 'v1.24.17' } }), 120)) });
    await checkFlow(ctx, { probes: slowServer, slowAfterMs: 20 });
    const text = stdout();
    expect(text).toContain('… still checking Kubernetes cluster…');
    expect(text.indexOf('still checking Kubernetes cluster')).toBeLessThan(text.indexOf('! Kubernetes cluster'));
  });

  it('shows the simulation marker first, and speaks Japanese', async () => {
    const { ctx, stdout } = context(newLab(), { lang: 'ja', simulation: true });
    await checkFlow(ctx, { probes: missingVbox() });
    const lines = stdout().split('\n');
    expect(lines[0]).toBe('[シミュレーション: 実際には何も作成・接続しません]');
    expect(lines[1]).toBe('前提条件');
    expect(stdout()).toContain('✗ VirtualBox (VBoxManage) — 未インストール');
    expect(stdout()).toContain('失敗 2、警告 1、OK 11。');
  });
});

describe('gluster-lab check --json', () => {
  it('prints every result with its stable id and the summary, and nothing else', async () => {
    const { ctx, stdout } = context(newLab(), { json: true });
    expect(await checkFlow(ctx, { probes: missingVbox() })).toBe(1);
    const report = JSON.parse(stdout()) as { checks: Array<Record<string, string>>; summary: Record<string, number> };
    expect(report.checks.map((c) => c.id)).toEqual([
      'vagrant', 'virtualbox', 'vbox-driver', 'vagrant-vbox-compat', 'hostonly-ranges', 'kubectl', 'k8s-server', 'kube-node', 'git', 'memory', 'disk', 'cpu', 'virtualization', 'host-arch',
    ]);
    expect(Object.keys(report.checks[0] ?? {})).toEqual(['id', 'status', 'found', 'message', 'fix']);
    expect(report.checks[1]).toMatchObject({ id: 'virtualbox', status: 'failure', found: 'not installed' });
    expect(report.summary).toEqual({ ok: 11, warnings: 1, failures: 2 });
  });

  it('exits 0 when nothing fails, warnings included', async () => {
    const { ctx, stdout } = context(newLab(), { json: true });
    const probes = fakeProbes({ gitVersion: async () => Promise.reject(notFound('git')) });
    expect(await checkFlow(ctx, { probes })).toBe(0);
    expect((JSON.parse(stdout()) as { summary: unknown }).summary).toEqual({ ok: 13, warnings: 1, failures: 0 });
  });
});
