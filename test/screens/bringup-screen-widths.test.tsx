import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/i18n/define.js';
import { translator } from '../../src/i18n/define.js';
import { upMessages } from '../../src/i18n/up-messages.js';
import type { BringupEvent } from '../../src/up/bringup-reducer.js';
import { BringupStore } from '../../src/up/bringup-store.js';
import { outcomeLines } from '../../src/up/bringup-summary.js';
import { BringupScreen } from '../../src/ui/bringup-screen.js';
import { linesWiderThan, renderAtWidth, tick } from './render-at-width.js';

const logFile = '/home/someone/gluster-lab/logs/up-2026-12-01T10-00-00.log';
const task = 'TASK [glusterfs : Install glusterfs-server] ************************************';

function provisioning() {
  const clock = { now: 0 };
  const store = new BringupStore(['gluster1', 'gluster2', 'gluster3', 'heketi'], () => clock.now);
  const events: BringupEvent[] = [
    { type: 'action', machine: 'gluster1', action: 'up', state: 'start' },
    { type: 'line', machine: 'gluster1', level: 'info', text: 'Running provisioner: ansible_local...' },
    { type: 'line', level: 'info', text: task },
  ];
  for (const event of events) store.dispatch(event);
  clock.now = 65_000;
  return { store, clock };
}

describe('bring-up screen at every width', () => {
  for (const lang of ['en', 'ja'] as Lang[]) {
    for (const columns of [60, 80, 120]) {
      it(`${lang}, ${columns} columns: fits, shows the Ansible task and the whole log path`, async () => {
        const { store, clock } = provisioning();
        const { lines, instance } = renderAtWidth(<BringupScreen store={store} lang={lang} labName="gluster-lab" logFile={logFile} onInterrupt={() => {}} clock={() => clock.now} />, columns);
        await tick(150);
        const frame = lines();
        expect(linesWiderThan(frame, columns), frame.join('\n')).toEqual([]);
        expect(frame.some((l) => l.includes(logFile)), frame.join('\n')).toBe(true);
        // The task says which task, at any width (its own line under the VM when narrow).
        expect(frame.join('\n')).toMatch(/glusterfs : Install glusterf/);
        instance.unmount();
      });

      it(`${lang}, ${columns} columns: the closing lines wrap without splitting the next command`, async () => {
        const { store, clock } = provisioning();
        store.dispatch({ type: 'finished', outcome: 'failed' });
        const t = translator(upMessages, lang);
        const outcome = outcomeLines(store.getState(), [], logFile, t);
        const { lines, instance } = renderAtWidth(<BringupScreen store={store} lang={lang} labName="gluster-lab" logFile={logFile} outcome={outcome} onInterrupt={() => {}} clock={() => clock.now} />, columns);
        await tick(150);
        const frame = lines();
        expect(linesWiderThan(frame, columns), frame.join('\n')).toEqual([]);
        expect(frame.join('\n')).toContain('"gluster-lab up"');
        instance.unmount();
      });
    }
  }
});
