import { describe, expect, it } from 'vitest';
import { recordToEvents, type VagrantEvent } from '../../../src/tools/vagrant-events.js';
import { parseMachineReadableLine } from '../../../src/tools/vagrant-machine-readable.js';
import { failedVm, initialBringup, reduceBringup, TAIL_LINES, type BringupEvent, type BringupState } from '../../../src/up/bringup-reducer.js';
import { lastLines } from '../../../src/up/line-ring.js';

/** Machine-readable lines as `vagrant up --machine-readable` prints them → events. */
function events(text: string): VagrantEvent[] {
  return text
    .trim()
    .split('\n')
    .flatMap((line) => {
      const record = parseMachineReadableLine(line.trim());
      return record ? recordToEvents(record) : [];
    });
}

function run(events: BringupEvent[], machines = ['gluster1', 'heketi'], start = 0): { state: BringupState; phases: string[] } {
  let state = initialBringup(machines, start);
  const phases: string[] = [state.vms.gluster1?.phase ?? ''];
  events.forEach((event, i) => {
    state = reduceBringup(state, event, start + (i + 1) * 1000);
    const phase = state.vms.gluster1?.phase;
    if (phase && phases.at(-1) !== phase) phases.push(phase);
  });
  return { state, phases };
}

const freshUp = `
1717000000,gluster1,metadata,provider,virtualbox
1717000000,,ui,info,Bringing machine 'gluster1' up with 'virtualbox' provider...
1717000000,gluster1,action,up,start
1717000001,gluster1,ui,info,==> gluster1: Importing base box 'bento/ubuntu-24.04'...
1717000002,gluster1,ui,info,==> gluster1: Clearing any previously set network interfaces...
1717000003,gluster1,ui,info,==> gluster1: Booting VM...
1717000004,gluster1,ui,output,==> gluster1: Waiting for machine to boot. This may take a few minutes...
1717000004,gluster1,ui,detail,    gluster1: SSH address: 127.0.0.1:2222
1717000005,gluster1,ui,output,==> gluster1: Machine booted and ready!
1717000006,gluster1,ui,output,==> gluster1: Mounting shared folders...
1717000006,gluster1,ui,detail,    gluster1: /vagrant => /home/u/lab
1717000007,gluster1,ui,info,==> gluster1: Running provisioner: ansible_local...
1717000008,,ui,info,PLAY [Set up the gluster node] *************************************************\\n
1717000008,,ui,info,TASK [Gathering Facts] *********************************************************\\n
1717000009,,ui,info,ok: [gluster1]\\n
1717000010,,ui,info,TASK [glusterfs : Install glusterfs-server] ************************************\\n
1717000011,,ui,info,changed: [gluster1]\\n
1717000012,,ui,info,PLAY RECAP *********************************************************************\\n
1717000012,,ui,info,gluster1                   : ok=10   changed=8    unreachable=0    failed=0    skipped=1    rescued=0    ignored=0   \\n
1717000013,gluster1,action,up,end
`;

describe('the bring-up reducer', () => {
  it('starts every VM queued, in the given order', () => {
    const state = initialBringup(['gluster1', 'gluster2', 'heketi'], 5);
    expect(state.order).toEqual(['gluster1', 'gluster2', 'heketi']);
    expect(Object.values(state.vms).map((vm) => vm.phase)).toEqual(['queued', 'queued', 'queued']);
    expect(state.startedAt).toBe(5);
  });

  it('walks a fresh VM through every phase to ready, with the current task and the PLAY RECAP counts', () => {
    const { state, phases } = run(events(freshUp));
    expect(phases).toEqual(['queued', 'booting', 'importing', 'booting', 'ssh', 'folders', 'provisioning', 'ready']);
    const vm = state.vms.gluster1!;
    expect(vm.task).toBe('glusterfs : Install glusterfs-server');
    expect(vm.recap).toEqual({ ok: 10, changed: 8, failed: 0, unreachable: 0 });
    expect(vm.startedAt).toBe(3000);
    expect(vm.finishedAt).toBe(events(freshUp).length * 1000);
    expect(state.vms.heketi?.phase).toBe('queued');
    expect(state.active).toBeUndefined();
  });

  it('gives unprefixed ansible_local output to the VM being brought up', () => {
    const { state } = run(events(freshUp));
    expect(lastLines(state.vms.gluster1!.tail, 2)).toEqual([
      'PLAY RECAP *********************************************************************',
      'gluster1                   : ok=10   changed=8    unreachable=0    failed=0    skipped=1    rescued=0    ignored=0   ',
    ]);
    expect(lastLines(state.vms.gluster1!.tail)).toContain('changed: [gluster1]');
    expect(lastLines(state.general)).toEqual(["Bringing machine 'gluster1' up with 'virtualbox' provider..."]);
  });

  it('resumes a halted, provisioned VM: booting, SSH, folders, then ready without provisioning', () => {
    const resume = events(`
      1717000000,gluster1,action,up,start
      1717000001,gluster1,ui,output,==> gluster1: Checking if box 'bento/ubuntu-24.04' version '202502.21.0' is up to date...
      1717000002,gluster1,ui,info,==> gluster1: Clearing any previously set forwarded ports...
      1717000003,gluster1,ui,info,==> gluster1: Booting VM...
      1717000004,gluster1,ui,output,==> gluster1: Waiting for machine to boot. This may take a few minutes...
      1717000005,gluster1,ui,output,==> gluster1: Machine booted and ready!
      1717000006,gluster1,ui,output,==> gluster1: Mounting shared folders...
      1717000007,gluster1,ui,info,==> gluster1: Machine already provisioned. Run \`vagrant provision\` or use the \`--provision\`\\n==> gluster1: flag to force provisioning. Provisioners marked to run always will still run.
      1717000008,gluster1,action,up,end
    `);
    const { state, phases } = run(resume);
    expect(phases).toEqual(['queued', 'booting', 'ssh', 'folders', 'ready']);
    expect(state.vms.gluster1?.recap).toBeUndefined();
    expect(state.vms.gluster1?.task).toBeUndefined();
  });

  it('marks the running VM failed on a failed Ansible task and keeps the fatal line and the task', () => {
    const failing = events(`
      1717000000,gluster1,action,up,start
      1717000001,gluster1,ui,info,==> gluster1: Running provisioner: ansible_local...
      1717000002,,ui,info,TASK [glusterfs : Install glusterfs-server] ************************************\\n
      1717000003,,ui,info,fatal: [gluster1]: FAILED! => {"changed": false%!(VAGRANT_COMMA) "msg": "No package matching 'glusterfs-server' is available"}\\n
      1717000004,,ui,info,PLAY RECAP *********************************************************************\\n
      1717000004,,ui,info,gluster1                   : ok=6    changed=4    unreachable=0    failed=1    skipped=0    rescued=0    ignored=0\\n
      1717000005,,ui,error,Ansible failed to complete successfully. Any error output should be\\nvisible above. Please fix these errors and try again.
      1717000005,,error-exit,VagrantPlugins::Ansible::Errors::AnsibleCommandFailed,Ansible failed to complete successfully. Any error output should be\\nvisible above. Please fix these errors and try again.
    `);
    let { state } = run(failing);
    state = reduceBringup(state, { type: 'finished', outcome: 'failed' }, 99_000);
    const vm = state.vms.gluster1!;
    expect(vm.phase).toBe('failed');
    expect(vm.failedIn).toBe('provisioning');
    expect(vm.failedTask).toBe('glusterfs : Install glusterfs-server');
    expect(vm.recap).toEqual({ ok: 6, changed: 4, failed: 1, unreachable: 0 });
    expect(lastLines(vm.errors)[0]).toBe('fatal: [gluster1]: FAILED! => {"changed": false, "msg": "No package matching \'glusterfs-server\' is available"}');
    expect(state.errorExit).toEqual({
      errorClass: 'VagrantPlugins::Ansible::Errors::AnsibleCommandFailed',
      message: 'Ansible failed to complete successfully. Any error output should be\nvisible above. Please fix these errors and try again.',
      machine: 'gluster1',
    });
    expect(failedVm(state)?.name).toBe('gluster1');
    expect(state.outcome).toBe('failed');
    expect(state.vms.heketi?.phase).toBe('queued');
  });

  it('records a failure before any VM started without blaming a VM', () => {
    const early = events(`
      1717000000,,ui,error,No usable default provider could be found for your system.
      1717000000,,error-exit,Vagrant::Errors::NoDefaultProvider,No usable default provider could be found for your system.
    `);
    let { state } = run(early);
    state = reduceBringup(state, { type: 'finished', outcome: 'failed' }, 5000);
    expect(state.errorExit?.machine).toBeUndefined();
    expect(failedVm(state)).toBeUndefined();
    expect(Object.values(state.vms).every((vm) => vm.phase === 'queued')).toBe(true);
    expect(lastLines(state.general)).toEqual(['No usable default provider could be found for your system.']);
  });

  it('fails a VM cut off by a failure, but keeps the phase of one the user interrupted', () => {
    const started = events(`
      1717000000,gluster1,action,up,start
      1717000003,gluster1,ui,info,==> gluster1: Booting VM...
    `);
    const failed = reduceBringup(run(started).state, { type: 'finished', outcome: 'failed' }, 9000);
    expect(failed.vms.gluster1?.phase).toBe('failed');
    expect(failed.vms.gluster1?.failedIn).toBe('booting');
    let stopped = reduceBringup(run(started).state, { type: 'stopping' }, 8000);
    expect(stopped.stopping).toBe(true);
    stopped = reduceBringup(stopped, { type: 'finished', outcome: 'interrupted' }, 9000);
    expect(stopped.vms.gluster1?.phase).toBe('booting');
    expect(stopped.outcome).toBe('interrupted');
    expect(stopped.finishedAt).toBe(9000);
  });

  it('never moves a VM back to an earlier phase on a late line', () => {
    const late = events(`
      1717000000,gluster1,action,up,start
      1717000001,gluster1,ui,output,==> gluster1: Mounting shared folders...
      1717000002,gluster1,ui,info,==> gluster1: Booting VM...
    `);
    expect(run(late).state.vms.gluster1?.phase).toBe('folders');
  });

  it('adds a VM it did not expect at the end of the order', () => {
    const { state } = run(events('1717000000,extra,action,up,start'));
    expect(state.order).toEqual(['gluster1', 'heketi', 'extra']);
    expect(state.vms.extra?.phase).toBe('booting');
  });

  it('keeps a bounded tail whatever the number of lines, and never changes an earlier state', () => {
    let state = reduceBringup(initialBringup(['gluster1'], 0), { type: 'action', machine: 'gluster1', action: 'up', state: 'start' }, 1);
    const early = state;
    for (let i = 0; i < 5000; i++) state = reduceBringup(state, { type: 'line', level: 'info', text: `line ${i}` }, 2);
    expect(lastLines(state.vms.gluster1!.tail).length).toBe(TAIL_LINES);
    expect(lastLines(state.vms.gluster1!.tail, 2)).toEqual(['line 4998', 'line 4999']);
    expect(lastLines(early.vms.gluster1!.tail)).toEqual([]);
    expect(state.lineCount).toBe(5000);
    // A state branched from an older one does not see the newer lines.
    const middle = state;
    const branch = reduceBringup(middle, { type: 'line', level: 'info', text: 'branch' }, 3);
    const other = reduceBringup(middle, { type: 'line', level: 'info', text: 'other' }, 3);
    expect(lastLines(branch.vms.gluster1!.tail, 1)).toEqual(['branch']);
    expect(lastLines(other.vms.gluster1!.tail, 1)).toEqual(['other']);
    expect(lastLines(middle.vms.gluster1!.tail, 1)).toEqual(['line 4999']);
  });
});
