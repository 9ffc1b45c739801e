import { describe, expect, it } from 'vitest';
import { classifyAnsibleLine, type AnsibleLine } from '../../../src/tools/ansible-output.js';
import { haveRealSamples, realSample } from './real-samples.js';

function classified(text: string): AnsibleLine[] {
  return text.split(/\r?\n/).flatMap((line) => {
    const c = classifyAnsibleLine(line);
    return c ? [c] : [];
  });
}

describe('classifyAnsibleLine', () => {
  it('reads current Ansible play, task and result lines', () => {
    expect(classifyAnsibleLine('PLAY [gluster] *****************************************************************')).toEqual({ kind: 'play', name: 'gluster' });
    expect(classifyAnsibleLine('TASK [glusterfs : Install glusterfs-server] ************************************')).toEqual({
      kind: 'task',
      name: 'glusterfs : Install glusterfs-server',
    });
    expect(classifyAnsibleLine('RUNNING HANDLER [heketi : restart heketi] **************************************')).toEqual({
      kind: 'task',
      name: 'heketi : restart heketi',
    });
    expect(classifyAnsibleLine('ok: [gluster1]')).toEqual({ kind: 'result', status: 'ok', host: 'gluster1' });
    expect(classifyAnsibleLine('changed: [gluster2] => (item=glusterd)')).toEqual({ kind: 'result', status: 'changed', host: 'gluster2' });
    expect(classifyAnsibleLine('ok: [heketi -> localhost]')).toEqual({ kind: 'result', status: 'ok', host: 'heketi' });
    expect(classifyAnsibleLine('skipping: [gluster3]')).toEqual({ kind: 'result', status: 'skipping', host: 'gluster3' });
    expect(classifyAnsibleLine('fatal: [gluster1]: FAILED! => {"changed": false, "msg": "No package matching \'x\' is available"}')).toEqual({
      kind: 'result',
      status: 'fatal',
      host: 'gluster1',
    });
    expect(classifyAnsibleLine('failed: [gluster1] (item=/dev/sdb) => {"changed": false}')).toEqual({ kind: 'result', status: 'failed', host: 'gluster1' });
  });

  it('reads a recap line with all seven counters', () => {
    expect(classifyAnsibleLine('gluster1                   : ok=3    changed=1    unreachable=0    failed=0    skipped=2    rescued=0    ignored=1   ')).toEqual({
      kind: 'recap',
      host: 'gluster1',
      ok: 3,
      changed: 1,
      unreachable: 0,
      failed: 0,
      skipped: 2,
      rescued: 0,
      ignored: 1,
    });
  });

  it('ignores what is not a play, task, result or recap line', () => {
    for (const line of ['PLAY RECAP *********', 'skipping: no hosts matched', '[WARNING]: Platform linux', '...ignoring', '', 'ok', 'okay: [x]']) {
      expect(classifyAnsibleLine(line), line).toBeUndefined();
    }
  });
});

// `grep -c 'TASK \[' vagrant-up-plain-ansible-via-shell.log`
const TASKS_IN_SAMPLE = 9;

describe.skipIf(!haveRealSamples)('Ansible output inside real vagrant logs', () => {
  it('ansible via a shell provisioner: `    server4.netology: ` prefixes and CRLF', () => {
    const all = classified(realSample('vagrant-up-plain-ansible-via-shell.log'));
    expect(all[0]).toEqual({ kind: 'play', name: '127.0.0.1' });
    expect(all[1]).toEqual({ kind: 'task', name: 'Gathering Facts' });
    expect(all[2]).toEqual({ kind: 'result', status: 'ok', host: '127.0.0.1' });
    expect(all.filter((c) => c.kind === 'task')).toHaveLength(TASKS_IN_SAMPLE);
    expect(all.at(-1)).toEqual({ kind: 'recap', host: '127.0.0.1', ok: 9, changed: 7, unreachable: 0, failed: 0, skipped: 0, rescued: 0, ignored: 0 });
  });

  it('ansible_local with Ansible 1.9: `TASK: [role | name]`, GATHERING FACTS, three recaps without the newer counters', () => {
    const all = classified(realSample('vagrant-up-plain-multi-ansible-local.log'));
    expect(all).toContainEqual({ kind: 'task', name: 'common | configure resolv.conf' });
    expect(all).toContainEqual({ kind: 'task', name: 'Gathering Facts' });
    const recaps = all.filter((c) => c.kind === 'recap');
    expect(recaps.map((r) => r.host)).toEqual(['app1', 'app2', 'lb1']);
    expect(recaps[0]).toEqual({ kind: 'recap', host: 'app1', ok: 12, changed: 10, unreachable: 0, failed: 0, skipped: 0, rescued: 0, ignored: 0 });
  });

  it('an unreachable host: `fatal: [sink]: UNREACHABLE!` and its recap', () => {
    const all = classified(realSample('vagrant-provision-ansible-unreachable-2node-metron.txt'));
    expect(all).toEqual([
      { kind: 'task', name: 'fastcapa : Restart for modified kernel params' },
      { kind: 'result', status: 'unreachable', host: 'sink' },
      { kind: 'recap', host: 'sink', ok: 11, changed: 9, unreachable: 1, failed: 0, skipped: 0, rescued: 0, ignored: 0 },
      { kind: 'recap', host: 'source', ok: 29, changed: 25, unreachable: 0, failed: 0, skipped: 0, rescued: 0, ignored: 0 },
    ]);
  });
});
