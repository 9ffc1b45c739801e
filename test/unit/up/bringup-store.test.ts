import { describe, expect, it } from 'vitest';
import { generateUpLog } from '../../../bench/generate-up-log.js';
import { machineReadableEvents } from '../../../src/tools/vagrant-events.js';
import { BringupStore } from '../../../src/up/bringup-store.js';
import { initialBringup, reduceBringup, type BringupEvent, type BringupState } from '../../../src/up/bringup-reducer.js';
import { lastLines, type LineRing } from '../../../src/up/line-ring.js';

const machines = ['gluster1', 'gluster2', 'gluster3', 'heketi'];

/** The state with every ring replaced by the lines it shows (rings may share arrays differently). */
function visible(state: BringupState): unknown {
  const lines = (ring: LineRing) => lastLines(ring);
  return {
    ...state,
    general: lines(state.general),
    vms: Object.fromEntries(Object.entries(state.vms).map(([name, vm]) => [name, { ...vm, tail: lines(vm.tail), errors: lines(vm.errors) }])),
  };
}

function referenceAndStore(events: BringupEvent[], readEvery = 0): { reference: BringupState; store: BringupStore; notified: number } {
  let reference = initialBringup(machines, 7);
  const store = new BringupStore(machines, () => 7);
  let notified = 0;
  store.subscribe(() => notified++);
  events.forEach((event, i) => {
    reference = reduceBringup(reference, event, 7);
    store.dispatch(event);
    if (readEvery && i % readEvery === 0) expect(visible(store.getState())).toEqual(visible(reference));
  });
  return { reference, store, notified };
}

describe('the bring-up store', () => {
  it('ends in the state the reducer reaches line by line, over a whole generated bring-up', () => {
    const events: BringupEvent[] = [];
    for (const line of generateUpLog(6000).split('\n')) machineReadableEvents(line, (e) => events.push(e));
    events.push({ type: 'finished', outcome: 'ok' });
    const { reference, store } = referenceAndStore(events);
    const state = store.getState();
    expect(visible(state)).toEqual(visible(reference));
    expect(state.lineCount).toBeGreaterThan(5000);
    expect(state.order.map((n) => state.vms[n]?.phase)).toEqual(['ready', 'ready', 'ready', 'ready']);
    expect(lastLines(state.vms.heketi!.tail, 1)[0]).toMatch(/^heketi\s+: ok=/);
  });

  it('agrees with the reducer whenever it is read: owners switching, errors, blank and general lines', () => {
    const events: BringupEvent[] = [
      { type: 'line', level: 'info', text: "Bringing machine 'gluster1' up with 'virtualbox' provider..." },
      { type: 'line', level: 'info', text: 'general 2' },
      { type: 'action', machine: 'gluster1', action: 'up', state: 'start' },
      { type: 'line', machine: 'gluster1', level: 'info', text: 'Booting VM...' },
      ...Array.from({ length: 450 }, (_, i): BringupEvent => ({ type: 'line', level: 'info', text: `chatter ${i}` })),
      { type: 'line', level: 'info', text: '   ' },
      { type: 'line', machine: 'heketi', level: 'detail', text: 'a heketi detail' },
      { type: 'line', level: 'info', text: 'chatter again' },
      { type: 'line', level: 'error', text: 'an error line' },
      { type: 'line', level: 'info', text: 'TASK [x : y] ****' },
      { type: 'line', machine: 'surprise', level: 'info', text: 'a VM nobody expected' },
      { type: 'line', level: 'info', text: 'after' },
    ];
    for (const every of [1, 7, 0]) {
      const { reference, store, notified } = referenceAndStore(events, every);
      expect(visible(store.getState())).toEqual(visible(reference));
      // Read after every event: every change was announced (the blank line changed nothing).
      // Never read: one announcement, since nobody took the news.
      if (every === 1) expect(notified).toBe(events.length - 1);
      if (every === 0) expect(notified).toBe(1);
      // Read every seventh event: the first change, then one after each of the 66 reads.
      if (every === 7) expect(notified).toBe(1 + Math.ceil(events.length / 7));
    }
    const { store } = referenceAndStore(events);
    const state = store.getState();
    expect(lastLines(state.vms.gluster1!.tail, 3)).toEqual(['an error line', 'TASK [x : y] ****', 'after']);
    expect(lastLines(state.vms.gluster1!.tail).length).toBe(200);
    // A line for a VM the lab does not have adds no VM: it is a general line.
    expect(lastLines(state.general)).toEqual(["Bringing machine 'gluster1' up with 'virtualbox' provider...", 'general 2', 'a VM nobody expected']);
    expect(state.order).toEqual(machines);
    expect(state.vms.gluster1!.task).toBe('x : y');
  });
});
