import { render } from 'ink-testing-library';
import { describe, expect, it, vi } from 'vitest';
import type { CheckId, CheckResult } from '../../src/checks/check-result.js';
import type { CheckEvent } from '../../src/checks/run-checks.js';
import { CheckScreen } from '../../src/ui/check-screen.js';

const titles = { vagrant: 'Vagrant', virtualbox: 'VirtualBox (VBoxManage)', 'k8s-server': 'Kubernetes cluster' } as Record<CheckId, string>;
const ids: CheckId[] = ['vagrant', 'virtualbox', 'k8s-server'];

const vagrantOk: CheckResult = { id: 'vagrant', status: 'ok', found: '2.3.4', message: 'Vagrant 2.3.4 is installed.', fix: '' };
const vboxMissing: CheckResult = {
  id: 'virtualbox',
  status: 'failure',
  found: 'not installed',
  message: 'VirtualBox was not found on PATH.',
  fix: 'Install VirtualBox from https://www.virtualbox.org/wiki/Linux_Downloads',
};
const clusterOk: CheckResult = { id: 'k8s-server', status: 'ok', found: 'v1.24.17 (kind)', message: '', fix: '' };

/** A run the test drives by hand: events go in through `emit`, `finish` resolves the run. */
function manualRun() {
  let emit: (event: CheckEvent) => void = () => {};
  let finish: (results: CheckResult[]) => void = () => {};
  const run = (e: (event: CheckEvent) => void) => {
    emit = e;
    return new Promise<CheckResult[]>((resolve) => (finish = resolve));
  };
  return { run, emit: (event: CheckEvent) => emit(event), finish: (results: CheckResult[]) => finish(results) };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

function screen(run: (emit: (event: CheckEvent) => void) => Promise<CheckResult[]>, onDone = vi.fn(), simulation?: string) {
  return render(
    <CheckScreen
      heading="Prerequisites"
      note="No lab here: default figures."
      simulation={simulation}
      ids={ids}
      titles={titles}
      labels={{ checking: 'checking…', stillChecking: (name) => `still checking ${name}…`, summary: (all) => `${all.filter((r) => r.status === 'failure').length} failed` }}
      run={run}
      onDone={onDone}
      onInterrupt={() => {}}
    />,
  );
}

describe('CheckScreen', () => {
  it('shows every check as running, then a failure row with its fix, in the fixed order', async () => {
    const work = manualRun();
    const onDone = vi.fn();
    const { lastFrame } = screen(work.run, onDone);
    await tick();
    expect(lastFrame()).toContain('Prerequisites');
    expect(lastFrame()).toContain('No lab here: default figures.');
    expect(lastFrame()).toContain('… Vagrant  checking…');
    expect(lastFrame()).toContain('… VirtualBox (VBoxManage)  checking…');

    // VirtualBox finishes first but waits, on one line, until Vagrant above it is done.
    work.emit({ type: 'finished', result: vboxMissing });
    await tick();
    expect(lastFrame()).toContain('✗ VirtualBox (VBoxManage)  not installed');
    expect(lastFrame()).not.toContain('→ Install VirtualBox');

    work.emit({ type: 'slow', id: 'k8s-server' });
    work.emit({ type: 'finished', result: vagrantOk });
    await tick();
    const frame = lastFrame() ?? '';
    expect(frame).toContain('… Kubernetes cluster  still checking Kubernetes cluster…');
    expect(frame).toContain('VirtualBox was not found on PATH.');
    expect(frame).toContain('→ Install VirtualBox from https://www.virtualbox.org/wiki/Linux_Downloads');
    expect(frame.indexOf('✓ Vagrant  2.3.4')).toBeLessThan(frame.indexOf('✗ VirtualBox (VBoxManage)  not installed'));

    work.emit({ type: 'finished', result: clusterOk });
    work.finish([vagrantOk, vboxMissing, clusterOk]);
    await tick();
    expect(lastFrame()).toContain('1 failed');
    expect(lastFrame()).not.toContain('checking');
    expect(onDone).toHaveBeenCalledWith([vagrantOk, vboxMissing, clusterOk]);
  });

  it('puts the simulation banner on top', async () => {
    const work = manualRun();
    const { lastFrame } = screen(work.run, vi.fn(), 'SIMULATION: nothing real is created or contacted');
    await tick();
    const frame = lastFrame() ?? '';
    expect(frame.indexOf('SIMULATION: nothing real is created or contacted')).toBeLessThan(frame.indexOf('Prerequisites'));
  });
});
