import { render } from 'ink-testing-library';
import { describe, expect, it, vi } from 'vitest';
import { homeModel } from '../../src/flows/home-rows.js';
import { defaultLabConfig } from '../../src/lab/defaults.js';
import { HomeScreen } from '../../src/ui/home-screen.js';

const labels = { next: 'next', more: 'More', help: '↑/↓ choose · Enter run · q quit' };
const tick = () => new Promise((r) => setTimeout(r, 100));

/** A key sent before Ink subscribes to input is lost: press Down until the cursor is on the check row. */
async function downToCheck(stdin: { write: (data: string) => void }, lastFrame: () => string | undefined) {
  for (let i = 0; i < 20 && !/❯ Check/.test(lastFrame() ?? ''); i++) {
    stdin.write('\u001B[B');
    await tick();
  }
}

describe('home screen', () => {
  it('shows every step and highlights init when there is no lab', () => {
    const model = homeModel({ labDir: '/x', exists: false }, 'en');
    const { lastFrame } = render(<HomeScreen title="gluster-lab" labLine="Lab: /x" model={model} labels={labels} onChoose={() => {}} />);
    const frame = lastFrame() ?? '';
    for (const title of ['Prepare the lab directory', 'Check the prerequisites', 'Bring the VMs up', 'Connect Kubernetes storage', 'Make GlusterFS the default class', 'Doctor: find what is wrong', 'Repair "Permission denied"']) {
      expect(frame).toContain(title);
    }
    expect(frame).toMatch(/❯ Prepare the lab directory\s+no lab yet\s+← next/);
  });

  it('moves the next step to the check once a lab exists, and shows config values', () => {
    const model = homeModel({ labDir: '/x', exists: true, config: defaultLabConfig }, 'en');
    const { lastFrame } = render(<HomeScreen title="gluster-lab" labLine="Lab: /x" model={model} labels={labels} onChoose={() => {}} />);
    expect(lastFrame()).toMatch(/Prepare the lab directory\s+4 VMs, box bento\/ubuntu-24\.04/);
    expect(lastFrame()).toMatch(/❯ Check the prerequisites\s+not checked yet\s+← next/);
    // A cluster of the user's: the path follows its version, so both classes are named.
    expect(lastFrame()).toMatch(/class gluster-nfs \(Kubernetes v1\.26\+\) or gluster-heketi\s+\(v1\.25 and older\)/);
  });

  it("names the one class the lab's own node takes: gluster-nfs on today's release, gluster-heketi on v1.25", () => {
    const node = { enabled: true, name: 'k8s', version: 'v1.35', address: '192.168.56.24', cpus: 2, memory_mb: 2048 };
    const frame = (version: string) => {
      const config = { ...defaultLabConfig, kubernetes: { ...defaultLabConfig.kubernetes, node: { ...node, version } } };
      const model = homeModel({ labDir: '/x', exists: true, config }, 'en');
      return render(<HomeScreen title="gluster-lab" labLine="Lab: /x" model={model} labels={labels} onChoose={() => {}} />).lastFrame();
    };
    expect(frame('v1.35')).toContain('class gluster-nfs → NFS 192.168.56.21:/k8s-nfs');
    expect(frame('v1.25')).toContain('class gluster-heketi → http://192.168.56.20:8080');
  });

  it('moves next past storage once a claim is Bound, and past default-class once it was made', () => {
    const ready = { labDir: '/x', exists: true, config: defaultLabConfig, lastCheck: { at: 't', failures: 0, warnings: 0 } };
    const vms = { running: 4, total: 4 };
    const pending = homeModel({ ...ready, lastStorage: { at: 't', pvc: 'gvol-1', namespace: 'default', phase: 'Pending' } }, 'en', vms);
    expect(pending.next).toBe('storage');
    const bound = homeModel({ ...ready, lastStorage: { at: 't', pvc: 'gvol-1', namespace: 'default', phase: 'Bound' } }, 'en', vms);
    expect(bound.next).toBe('default-class');
    const frame = render(<HomeScreen title="gluster-lab" labLine="Lab: /x" model={bound} labels={labels} onChoose={() => {}} />).lastFrame() ?? '';
    expect(frame).toMatch(/Connect Kubernetes storage\s+gvol-1 Bound/);
    expect(frame).toMatch(/Make GlusterFS the default class\s+← next/);
    const done = homeModel({ ...ready, lastStorage: { at: 't', pvc: 'gvol-1', namespace: 'default', phase: 'Bound' }, defaultClass: 'gluster-heketi' }, 'en', vms);
    expect(done.next).toBe('doctor');
    const doneFrame = render(<HomeScreen title="gluster-lab" labLine="Lab: /x" model={done} labels={labels} onChoose={() => {}} />).lastFrame() ?? '';
    expect(doneFrame).toMatch(/Make GlusterFS the default class\s+default: gluster-heketi/);
    expect(doneFrame).toMatch(/Doctor: find what is wrong\s+← next/);
  });

  it('runs the chosen step on Enter after moving down', async () => {
    const onChoose = vi.fn();
    const model = homeModel({ labDir: '/x', exists: false }, 'en');
    const { stdin, lastFrame } = render(<HomeScreen title="t" labLine="l" model={model} labels={labels} onChoose={onChoose} />);
    await downToCheck(stdin, lastFrame);
    expect(lastFrame()).toMatch(/❯ Check the prerequisites/);
    stdin.write('\r');
    await tick();
    expect(onChoose).toHaveBeenCalledWith('check');
  });

  it('q exits without choosing', async () => {
    const onChoose = vi.fn();
    const model = homeModel({ labDir: '/x', exists: false }, 'en');
    const { stdin } = render(<HomeScreen title="t" labLine="l" model={model} labels={labels} onChoose={onChoose} />);
    await tick();
    stdin.write('q');
    await tick();
    expect(onChoose).toHaveBeenCalledWith(undefined);
  });

  it('shows the simulation marker when asked', () => {
    const model = homeModel({ labDir: '/x', exists: false }, 'ja');
    const { lastFrame } = render(<HomeScreen title="t" labLine="l" model={model} labels={{ ...labels, simulation: 'シミュレーション: 実際には何も作成・接続しません' }} onChoose={() => {}} />);
    expect(lastFrame()).toContain('シミュレーション');
    expect(lastFrame()).toContain('ラボのディレクトリを準備する');
  });
});

describe('home screen, fast typing', () => {
  it('Down Down Enter arriving in one read runs the row two below', async () => {
    const onChoose = vi.fn();
    const model = homeModel({ labDir: '/x', exists: false }, 'en');
    const { stdin, lastFrame } = render(<HomeScreen title="t" labLine="l" model={model} labels={labels} onChoose={onChoose} />);
    // Wait until Ink listens (a lone Down moves the cursor), then send one chunk.
    await downToCheck(stdin, lastFrame);
    stdin.write('\u001B[B\u001B[B\r');
    await tick();
    expect(onChoose).toHaveBeenCalledWith('storage');
  });
});
