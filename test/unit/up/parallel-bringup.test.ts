import { describe, expect, it } from 'vitest';
import { defaultLabConfig } from '../../../src/lab/defaults.js';
import { translator } from '../../../src/i18n/define.js';
import { upMessages } from '../../../src/i18n/up-messages.js';
import { bringupOrder, bringupPlan } from '../../../src/up/bringup-order.js';
import { initialBringup, reduceBringup, type BringupEvent, type BringupState } from '../../../src/up/bringup-reducer.js';
import { outcomeLines } from '../../../src/up/bringup-summary.js';
import { overallOutcome, runParallelBringup, type MachineOutcome } from '../../../src/up/parallel-bringup.js';

const withNode = { ...defaultLabConfig, kubernetes: { ...defaultLabConfig.kubernetes, node: { enabled: true, name: 'k8s', version: 'v1.35', address: '172.20.1.24', cpus: 2, memory_mb: 2048 } } };

/** A fake `vagrant up NAME` per VM that the test ends by hand, recording what started when. */
function fakeVagrant() {
  const log: string[] = [];
  const pending = new Map<string, (outcome: Exclude<MachineOutcome, 'not-started'>) => void>();
  return {
    log,
    upOne(name: string) {
      log.push(`start ${name}`);
      return new Promise<Exclude<MachineOutcome, 'not-started'>>((resolve) => pending.set(name, resolve));
    },
    async end(name: string, outcome: Exclude<MachineOutcome, 'not-started'> = 'ok') {
      const resolve = pending.get(name);
      if (!resolve) throw new Error(`${name} is not running (log: ${log.join(', ')})`);
      pending.delete(name);
      log.push(`end ${name}`);
      resolve(outcome);
      // Let the scheduler see the end and start what waited for it.
      for (let i = 0; i < 5; i++) await Promise.resolve();
    },
    running: () => [...pending.keys()],
  };
}

describe('the parallel bring-up plan', () => {
  it('lists the node after Heketi and makes only Heketi wait, for every gluster VM', () => {
    expect(bringupOrder(withNode)).toEqual(['gluster1', 'gluster2', 'gluster3', 'heketi', 'k8s']);
    expect(bringupPlan(withNode)).toEqual([
      { name: 'gluster1', after: [] },
      { name: 'gluster2', after: [] },
      { name: 'gluster3', after: [] },
      { name: 'heketi', after: ['gluster1', 'gluster2', 'gluster3'] },
      { name: 'k8s', after: [] },
    ]);
    expect(bringupOrder(defaultLabConfig)).toEqual(['gluster1', 'gluster2', 'gluster3', 'heketi']);
  });
});

describe('runParallelBringup', () => {
  it('starts every VM without prerequisites at once, and Heketi only when the last gluster VM is up', async () => {
    const vagrant = fakeVagrant();
    const done = runParallelBringup({ steps: bringupPlan(withNode), upOne: (n) => vagrant.upOne(n), signal: new AbortController().signal });
    await Promise.resolve();
    expect(vagrant.running()).toEqual(['gluster1', 'gluster2', 'gluster3', 'k8s']);
    await vagrant.end('gluster2');
    await vagrant.end('k8s');
    await vagrant.end('gluster1');
    expect(vagrant.running()).toEqual(['gluster3']);
    await vagrant.end('gluster3');
    expect(vagrant.running()).toEqual(['heketi']);
    await vagrant.end('heketi');
    const results = await done;
    expect([...results]).toEqual([['gluster2', 'ok'], ['k8s', 'ok'], ['gluster1', 'ok'], ['gluster3', 'ok'], ['heketi', 'ok']]);
    expect(overallOutcome(results, false)).toBe('ok');
  });

  it('lets the others finish when one VM fails, and leaves Heketi unstarted', async () => {
    const vagrant = fakeVagrant();
    const done = runParallelBringup({ steps: bringupPlan(withNode), upOne: (n) => vagrant.upOne(n), signal: new AbortController().signal });
    await Promise.resolve();
    await vagrant.end('gluster2', 'failed');
    // Nobody is stopped: the other three still run.
    expect(vagrant.running()).toEqual(['gluster1', 'gluster3', 'k8s']);
    await vagrant.end('gluster1');
    await vagrant.end('gluster3');
    await vagrant.end('k8s');
    const results = await done;
    expect(results.get('heketi')).toBe('not-started');
    expect(vagrant.log).not.toContain('start heketi');
    expect(overallOutcome(results, false)).toBe('failed');
  });

  it('starts nothing more once Ctrl-C was pressed, and waits for the running VMs to stop', async () => {
    const vagrant = fakeVagrant();
    const abort = new AbortController();
    const done = runParallelBringup({ steps: bringupPlan(defaultLabConfig), upOne: (n) => vagrant.upOne(n), signal: abort.signal });
    await Promise.resolve();
    await vagrant.end('gluster1');
    abort.abort();
    await vagrant.end('gluster2', 'interrupted');
    await vagrant.end('gluster3', 'interrupted');
    const results = await done;
    expect(results.get('heketi')).toBe('not-started');
    expect(overallOutcome(results, true)).toBe('interrupted');
  });

  it('rethrows an unexpected error only after the other VMs ended', async () => {
    const vagrant = fakeVagrant();
    let settled = false;
    const done = runParallelBringup({
      steps: bringupPlan(defaultLabConfig),
      upOne: (n) => (n === 'gluster1' ? Promise.reject(new Error('boom')) : vagrant.upOne(n)),
      signal: new AbortController().signal,
    }).finally(() => {
      settled = true;
    });
    const caught = done.catch((error: unknown) => error);
    await vagrant.end('gluster2');
    expect(settled).toBe(false);
    await vagrant.end('gluster3');
    expect(((await caught) as Error).message).toBe('boom');
  });
});

describe('the bring-up state of several vagrant processes at once', () => {
  const t = translator(upMessages, 'en');
  function reduce(events: BringupEvent[]): BringupState {
    let state = initialBringup(['gluster1', 'gluster2', 'gluster3', 'heketi'], 0);
    events.forEach((event, i) => (state = reduceBringup(state, event, (i + 1) * 1000)));
    return state;
  }

  it('gives each error to the VM its vagrant named, keeps the first one for the summary, and names the others', () => {
    const state = reduce([
      { type: 'action', machine: 'gluster1', action: 'up', state: 'start' },
      { type: 'action', machine: 'gluster2', action: 'up', state: 'start' },
      { type: 'action', machine: 'gluster3', action: 'up', state: 'start' },
      { type: 'line', machine: 'gluster2', level: 'info', text: 'Running provisioner: ansible_local...' },
      // gluster3 started last, so it is `active`; the error is gluster2's all the same.
      { type: 'error-exit', errorClass: 'VagrantPlugins::Ansible::Errors::AnsibleCommandFailed', message: 'Ansible failed to complete successfully.', machine: 'gluster2' },
      { type: 'line', machine: 'gluster1', level: 'info', text: 'Booting VM...' },
      { type: 'error-exit', errorClass: 'Vagrant::Errors::VBoxManageError', message: 'VT-x is not available', machine: 'gluster1' },
      { type: 'action', machine: 'gluster3', action: 'up', state: 'end' },
      { type: 'finished', outcome: 'failed' },
    ]);
    expect(state.vms.gluster2).toMatchObject({ phase: 'failed', failedIn: 'provisioning' });
    expect(state.vms.gluster1).toMatchObject({ phase: 'failed', failedIn: 'booting' });
    expect(state.vms.gluster3?.phase).toBe('ready');
    expect(state.errorExit?.machine).toBe('gluster2');
    const lines = outcomeLines(state, [], '/lab/logs/up.log', t).map((l) => l.text);
    expect(lines.slice(0, 4)).toEqual([
      'gluster2 failed while provisioning.',
      'Also failed: gluster1 (while booting).',
      'Up all the same: gluster3.',
      'Not started, because a VM they wait for is not up: heketi.',
    ]);
  });

  it('blames no VM for an error before its vagrant started it, whichever VM is active', () => {
    const state = reduce([
      { type: 'action', machine: 'gluster1', action: 'up', state: 'start' },
      { type: 'error-exit', errorClass: 'Vagrant::Errors::ProviderNotUsable', message: 'not usable', machine: undefined },
    ]);
    expect(state.errorExit).toEqual({ errorClass: 'Vagrant::Errors::ProviderNotUsable', message: 'not usable' });
    expect(state.vms.gluster1?.phase).toBe('booting');
  });

  it('keeps the real failure when the others answer Ctrl-C with VagrantInterrupt', () => {
    const state = reduce([
      { type: 'action', machine: 'gluster1', action: 'up', state: 'start' },
      { type: 'action', machine: 'gluster2', action: 'up', state: 'start' },
      { type: 'error-exit', errorClass: 'Vagrant::Errors::VBoxManageError', message: 'VT-x', machine: 'gluster1' },
      { type: 'error-exit', errorClass: 'Vagrant::Errors::VagrantInterrupt', message: 'Vagrant exited after cleanup due to external interrupt.', machine: 'gluster2' },
    ]);
    expect(state.errorExit).toMatchObject({ errorClass: 'Vagrant::Errors::VBoxManageError', machine: 'gluster1' });
    expect(state.vms.gluster2?.phase).toBe('booting');
  });
});
