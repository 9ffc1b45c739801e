import { render } from 'ink-testing-library';
import { describe, expect, it, vi } from 'vitest';
import type { Finding } from '../../src/diagnosis/finding.js';
import { translator } from '../../src/i18n/define.js';
import { upMessages } from '../../src/i18n/up-messages.js';
import type { BringupEvent } from '../../src/up/bringup-reducer.js';
import { BringupStore } from '../../src/up/bringup-store.js';
import { outcomeLines } from '../../src/up/bringup-summary.js';
import { BringupScreen } from '../../src/ui/bringup-screen.js';

const tick = (ms = 60) => new Promise((r) => setTimeout(r, ms));
const line = (machine: string | undefined, text: string, level: 'info' | 'error' = 'info'): BringupEvent =>
  machine === undefined ? { type: 'line', level, text } : { type: 'line', machine, level, text };
const start = (machine: string): BringupEvent => ({ type: 'action', machine, action: 'up', state: 'start' });
const end = (machine: string): BringupEvent => ({ type: 'action', machine, action: 'up', state: 'end' });

/** A store whose clock the test moves; `at` is "now" in milliseconds. */
function storeAt(machines: string[]) {
  const clock = { now: 0 };
  const store = new BringupStore(machines, () => clock.now);
  return { store, clock };
}

/** One VM in each phase: the screen must show them all at once. */
function everyPhase() {
  const { store, clock } = storeAt(['vq', 'vi', 'vb', 'vs', 'vf', 'vp', 'vr', 'vx']);
  const steps: Array<[string, string[]]> = [
    ['vi', ["Importing base box 'bento/ubuntu-24.04'..."]],
    ['vb', ['Booting VM...']],
    ['vs', ['Waiting for machine to boot. This may take a few minutes...']],
    ['vf', ['Mounting shared folders...']],
    ['vp', ['Running provisioner: ansible_local...']],
    ['vr', ['Running provisioner: ansible_local...']],
    ['vx', ['Booting VM...']],
  ];
  for (const [vm, texts] of steps) {
    store.dispatch(start(vm));
    for (const text of texts) store.dispatch(line(vm, text));
  }
  store.dispatch(start('vp'));
  store.dispatch(line(undefined, 'TASK [glusterfs : Install glusterfs-server] ************************************'));
  store.dispatch(start('vr'));
  store.dispatch(line(undefined, 'vr                   : ok=10   changed=8    unreachable=0    failed=0    skipped=0    rescued=0    ignored=0'));
  store.dispatch(end('vr'));
  store.dispatch(start('vx'));
  store.dispatch({ type: 'error-exit', errorClass: 'Vagrant::Errors::VBoxManageError', message: 'VT-x is not available (VERR_VMX_NO_VMX)' });
  // The working VM again, as vagrant would be working on one.
  store.dispatch(start('vp'));
  clock.now = 65_000;
  return { store, clock };
}

describe('bring-up screen', () => {
  it('shows each VM in its phase, the Ansible task, the RECAP counts and the log file', async () => {
    const { store, clock } = everyPhase();
    const { lastFrame, unmount } = render(<BringupScreen store={store} lang="en" labName="gluster-lab" logFile="/lab/logs/up-1.log" onInterrupt={() => {}} clock={() => clock.now} />);
    await tick();
    const frame = lastFrame() ?? '';
    expect(frame).toContain('Bringing up lab "gluster-lab"');
    expect(frame).toMatch(/vq\s+· queued/);
    expect(frame).toMatch(/vi\s+… importing box\s+1:05/);
    expect(frame).toMatch(/vb\s+… booting/);
    expect(frame).toMatch(/vs\s+… waiting for SSH/);
    expect(frame).toMatch(/vf\s+… mounting folders/);
    expect(frame).toMatch(/vp\s+… provisioning\s+1:05\s+glusterfs : Install glusterfs-server/);
    expect(frame).toMatch(/vr\s+✔ ready\s+0:00\s+10\/8\/0/);
    expect(frame).toMatch(/vx\s+✖ failed/);
    expect(frame).toContain('total 1:05');
    expect(frame).toContain('Full log: /lab/logs/up-1.log');
    unmount();
  });

  it('follows the working VM in the tail, and Tab / arrows switch to another VM', async () => {
    const { store, clock } = storeAt(['gluster1', 'gluster2']);
    store.dispatch(start('gluster1'));
    for (let i = 1; i <= 10; i++) store.dispatch(line('gluster1', `g1 line ${i}`));
    store.dispatch(end('gluster1'));
    store.dispatch(start('gluster2'));
    store.dispatch(line('gluster2', 'Booting VM...'));
    const { lastFrame, stdin, unmount } = render(<BringupScreen store={store} lang="en" labName="lab" logFile="/l" onInterrupt={() => {}} clock={() => clock.now} />);
    await tick();
    expect(lastFrame()).toContain('gluster2: last 6 lines');
    expect(lastFrame()).toMatch(/❯ gluster2/);
    for (let i = 0; i < 20 && !/gluster1: last/.test(lastFrame() ?? ''); i++) {
      stdin.write('\t');
      await tick();
    }
    const frame = lastFrame() ?? '';
    expect(frame).toContain('gluster1: last 6 lines');
    expect(frame).toContain('g1 line 10');
    expect(frame).toContain('g1 line 5');
    expect(frame).not.toContain('g1 line 4');
    for (let i = 0; i < 20 && !/gluster2: last/.test(lastFrame() ?? ''); i++) {
      stdin.write('\u001B[C');
      await tick();
    }
    expect(lastFrame()).toContain('gluster2: last 6 lines');
    unmount();
  });

  it('shows a longer tail on "l", bounded by the terminal height', async () => {
    const { store } = storeAt(['gluster1']);
    store.dispatch(start('gluster1'));
    for (let i = 1; i <= 150; i++) store.dispatch(line('gluster1', `line ${i}`));
    const { lastFrame, stdin, unmount } = render(<BringupScreen store={store} lang="en" labName="lab" logFile="/l" onInterrupt={() => {}} />);
    await tick();
    for (let i = 0; i < 20 && !/last 6 lines/.test(lastFrame() ?? '') ; i++) await tick();
    for (let i = 0; i < 20 && /last 6 lines/.test(lastFrame() ?? ''); i++) {
      stdin.write('l');
      await tick();
    }
    const frame = lastFrame() ?? '';
    // ink-testing-library's stdout has no rows: the screen assumes 24.
    expect(frame).toMatch(/gluster1: last (\d+) lines/);
    const count = Number(/last (\d+) lines/.exec(frame)?.[1]);
    expect(count).toBeGreaterThan(6);
    expect(frame.split('\n').length).toBeLessThanOrEqual(24);
    expect(frame).toContain('line 150');
    expect(frame).toContain(`line ${151 - count}`);
    expect(frame).not.toContain(`line ${150 - count}\n`);
    unmount();
  });

  it('passes Ctrl-C to the flow and says it is stopping', async () => {
    const { store } = storeAt(['gluster1']);
    const onInterrupt = vi.fn(() => store.dispatch({ type: 'stopping' }));
    const { lastFrame, stdin, unmount } = render(<BringupScreen store={store} lang="en" labName="lab" logFile="/l" onInterrupt={onInterrupt} />);
    for (let i = 0; i < 20 && onInterrupt.mock.calls.length === 0; i++) {
      stdin.write('\u0003');
      await tick();
    }
    await tick(150);
    expect(onInterrupt).toHaveBeenCalled();
    expect(lastFrame()).toContain('Stopping… vagrant was asked to stop');
    unmount();
  });

  it('shows the failed VM, Vagrant\'s error, the fatal line and the known issue at the end', async () => {
    const { store, clock } = storeAt(['gluster1', 'gluster2', 'heketi']);
    store.dispatch(start('gluster1'));
    store.dispatch(end('gluster1'));
    store.dispatch(start('gluster2'));
    store.dispatch(line('gluster2', 'Running provisioner: ansible_local...'));
    store.dispatch(line(undefined, 'TASK [glusterfs : Install glusterfs-server] ***'));
    store.dispatch(line(undefined, 'fatal: [gluster2]: FAILED! => {"msg": "No package matching \'glusterfs-server\' is available"}'));
    store.dispatch({ type: 'error-exit', errorClass: 'VagrantPlugins::Ansible::Errors::AnsibleCommandFailed', message: 'Ansible failed to complete successfully.' });
    clock.now = 3000;
    store.dispatch({ type: 'finished', outcome: 'failed' });
    const finding: Finding = {
      id: 'apt-no-package',
      category: 'provisioning-packages',
      title: 'A package the provisioning installs does not exist',
      explanation: 'The package name is wrong for this release.',
      fix: 'Run gluster-lab init and vagrant provision.',
      links: [],
      evidence: [],
    };
    const lines = outcomeLines(store.getState(), [finding], '/l', translator(upMessages, 'en'));
    const { lastFrame, unmount } = render(<BringupScreen store={store} lang="en" labName="lab" logFile="/l" outcome={lines} onInterrupt={() => {}} clock={() => clock.now} />);
    await tick();
    const frame = lastFrame() ?? '';
    expect(frame).toMatch(/gluster2\s+✖ failed\s+0:00\s+glusterfs : Install glusterfs-server/);
    expect(frame).toContain('gluster2 failed while provisioning (task "glusterfs : Install glusterfs-server").');
    expect(frame).toContain('Vagrant says (VagrantPlugins::Ansible::Errors::AnsibleCommandFailed):');
    expect(frame).toContain('fatal: [gluster2]: FAILED!');
    expect(frame).toContain('Known issue: A package the provisioning installs does not exist');
    expect(frame).toContain('What to do: Run gluster-lab init and vagrant provision.');
    expect(frame).toMatch(/heketi\s+· queued/);
    expect(frame).not.toContain('Ctrl-C stop');
    unmount();
  });

  it('speaks Japanese', async () => {
    const { store } = storeAt(['gluster1']);
    store.dispatch(start('gluster1'));
    store.dispatch(line('gluster1', 'Waiting for machine to boot. This may take a few minutes...'));
    const { lastFrame, unmount } = render(<BringupScreen store={store} lang="ja" labName="lab" logFile="/l" onInterrupt={() => {}} />);
    await tick();
    expect(lastFrame()).toContain('ラボ "lab" を起動しています');
    expect(lastFrame()).toContain('SSH を待機中');
    unmount();
  });
});
