import { describe, expect, it } from 'vitest';
import { machineReadableEvents, type VagrantEvent } from '../../../src/tools/vagrant-events.js';

function events(line: string): VagrantEvent[] {
  const out: VagrantEvent[] = [];
  machineReadableEvents(line, (e) => out.push(e));
  return out;
}

describe('a ui record whose text looks like a Vagrant prefix', () => {
  it('without a target (ansible_local output) names no machine and keeps the text whole', () => {
    expect(events('1717000000,,ui,info,==> phantom1: mounted /data')).toEqual([{ type: 'line', machine: undefined, level: 'info', text: '==> phantom1: mounted /data' }]);
    expect(events('1717000000,,ui,info,    "changed": false%!(VAGRANT_COMMA)')).toEqual([{ type: 'line', machine: undefined, level: 'info', text: '    "changed": false,' }]);
  });

  it('with a target, the target is the machine; another name in the text stays text', () => {
    expect(events('1717000000,gluster1,ui,info,==> gluster1: Booting VM...')).toEqual([{ type: 'line', machine: 'gluster1', level: 'info', text: 'Booting VM...' }]);
    expect(events('1717000000,gluster1,ui,info,==> db9: quoted by the guest')).toEqual([{ type: 'line', machine: 'gluster1', level: 'info', text: '==> db9: quoted by the guest' }]);
  });
});
