import { describe, expect, it } from 'vitest';
import { recordToEvents, type VagrantEvent } from '../../../src/tools/vagrant-events.js';
import { parseMachineReadableLine } from '../../../src/tools/vagrant-machine-readable.js';
import { parseVagrantStatus } from '../../../src/tools/vagrant.js';
import { fixture, haveRealSamples, realSample, realSampleNames } from './real-samples.js';

function events(text: string): VagrantEvent[] {
  return text.split('\n').flatMap((line) => {
    const record = parseMachineReadableLine(line);
    return record ? recordToEvents(record) : [];
  });
}

describe('parseMachineReadableLine', () => {
  it('splits timestamp, target, type and data, undoing %!(VAGRANT_COMMA), \\n and \\r', () => {
    const record = parseMachineReadableLine(
      '1534903918,default,state-human-long,The VM is running. To stop this VM%!(VAGRANT_COMMA) you can run \'vagrant halt\' to\\nshut it down',
    );
    expect(record).toEqual({
      timestamp: 1534903918,
      target: 'default',
      type: 'state-human-long',
      data: ["The VM is running. To stop this VM, you can run 'vagrant halt' to\nshut it down"],
    });
    expect(parseMachineReadableLine('1,,ui,info,Progress: 10%\\rProgress: 20%')?.data).toEqual(['info', 'Progress: 10%\rProgress: 20%']);
  });

  it('keeps separate data fields apart (real commas separate fields, escaped ones do not)', () => {
    expect(parseMachineReadableLine('1558105089,one,metadata,provider,virtualbox')?.data).toEqual(['provider', 'virtualbox']);
  });

  it('returns undefined for lines that are not records', () => {
    expect(parseMachineReadableLine('')).toBeUndefined();
    expect(parseMachineReadableLine('/usr/lib/ruby/3.1.0/warning: something')).toBeUndefined();
    expect(parseMachineReadableLine('==> default: Booting VM...')).toBeUndefined();
  });
});

describe.skipIf(!haveRealSamples)('machine-readable samples from real vagrant runs', () => {
  const files = realSampleNames(/^vagrant-.*-mr-.*\.log$/);

  it.each(files)('%s: every non-empty line is a record', (name) => {
    const lines = realSample(name).split('\n').filter((l) => l !== '');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(parseMachineReadableLine(line), line).toBeDefined();
  });

  it('vagrant up (go-vagrant): action start/end, provider metadata, prefixes moved into machine', () => {
    const all = events(realSample('vagrant-up-mr-govagrant.log'));
    expect(all[0]).toEqual({ type: 'metadata', machine: 'default', key: 'provider', value: 'virtualbox' });
    expect(all[1]).toEqual({ type: 'line', level: 'info', text: "Bringing machine 'default' up with 'virtualbox' provider..." });
    expect(all).toContainEqual({ type: 'action', machine: 'default', action: 'up', state: 'start' });
    expect(all.at(-1)).toEqual({ type: 'action', machine: 'default', action: 'up', state: 'end' });
    expect(all).toContainEqual({ type: 'line', machine: 'default', level: 'detail', text: 'SSH address: 127.0.0.1:2222' });
    expect(all).toContainEqual({ type: 'line', machine: 'default', level: 'output', text: 'Machine booted and ready!' });
  });

  it('vagrant up (two machines): a ui record holding \\n gives one line event per visible line', () => {
    const lines = events(realSample('vagrant-up-mr-phing-multi.log')).filter((e) => e.type === 'line' && e.machine === 'two');
    expect(lines).toContainEqual({ type: 'line', machine: 'two', level: 'info', text: 'Fixed port collision for 22 => 2222. Now on port 2200.' });
    expect(lines.slice(-2)).toEqual([
      { type: 'line', machine: 'two', level: 'info', text: 'Machine already provisioned. Run `vagrant provision` or use the `--provision`' },
      { type: 'line', machine: 'two', level: 'info', text: 'flag to force provisioning. Provisioners marked to run always will still run.' },
    ]);
    const success = events(realSample('vagrant-up-mr-phing-multi.log')).find((e) => e.type === 'line' && e.level === 'success');
    expect(success).toEqual({ type: 'line', level: 'success', text: '[one] GuestAdditions 5.2.18 running --- OK.' });
  });

  it('halt and destroy run machines in reverse order', () => {
    const actions = (file: string) =>
      events(realSample(file)).flatMap((e) => (e.type === 'action' ? [`${e.machine}:${e.action}:${e.state}`] : []));
    expect(actions('vagrant-halt-mr-phing-multi.log')).toEqual(['two:halt:start', 'two:halt:end', 'one:halt:start', 'one:halt:end']);
    expect(actions('vagrant-destroy-mr-phing-multi.log')).toEqual(['two:destroy:start', 'two:destroy:end', 'one:destroy:start', 'one:destroy:end']);
  });

  it('error-exit names the error class and keeps the message', () => {
    const all = events(realSample('vagrant-error-exit-mr-phing-multivm-target.log'));
    expect(all.at(-1)).toEqual({
      type: 'error-exit',
      errorClass: 'Vagrant::Errors::MultiVMTargetRequired',
      message: 'This command requires a specific VM name to target in a multi-VM environment.',
    });
    expect(all.at(-2)).toEqual({
      type: 'line',
      level: 'error',
      text: 'This command requires a specific VM name to target in a multi-VM environment.',
    });
  });

  it.each([
    ['vagrant-status-mr-phing-running.log', [['one', 'running'], ['two', 'running']]],
    ['vagrant-status-mr-phing-poweroff.log', [['one', 'poweroff'], ['two', 'poweroff']]],
    ['vagrant-status-mr-phing-not-created.log', [['one', 'not_created'], ['two', 'not_created']]],
    ['vagrant-status-mr-phing-saved.log', [['one', 'saved'], ['two', 'saved']]],
    ['vagrant-status-mr-python-vagrant-running-notcreated.log', [['web', 'running'], ['db', 'not_created']]],
    ['vagrant-status-mr-govagrant-running.log', [['default', 'running']]],
  ])('status %s', (file, expected) => {
    expect(parseVagrantStatus(realSample(file))).toEqual(expected.map(([name, state]) => ({ name, state, provider: 'virtualbox' })));
  });
});

describe('machine-readable output of this machine\'s vagrant 2.3.4 (test/fixtures)', () => {
  it('a failed status names Vagrant::Errors::NoDefaultProvider and has no machines', () => {
    const text = fixture('vagrant-2.3.4/status-no-provider.mr.txt');
    expect(parseVagrantStatus(text)).toEqual([]);
    const exit = events(text).find((e) => e.type === 'error-exit');
    expect(exit).toMatchObject({ type: 'error-exit', errorClass: 'Vagrant::Errors::NoDefaultProvider' });
    expect(exit?.type === 'error-exit' && exit.message).toContain('install VirtualBox, which\nis available');
  });

  it('validate --ignore-provider: a warn line prefixed with the machine', () => {
    expect(events(fixture('vagrant-2.3.4/validate-ignore-provider.mr.txt'))).toEqual([
      { type: 'metadata', machine: 'gluster1', key: 'provider', value: 'virtualbox' },
      { type: 'line', machine: 'gluster1', level: 'warn', text: 'Ignoring provider config for validation...' },
      { type: 'line', level: 'info', text: 'Vagrantfile validated successfully.' },
    ]);
  });
});

describe('uiLines details', () => {
  it('keeps what a terminal shows after carriage returns and drops colour codes', () => {
    const record = parseMachineReadableLine('1,gluster1,ui,detail,    gluster1: Progress: 10%\\r    gluster1: Progress: 90%');
    expect(record && recordToEvents(record)).toEqual([{ type: 'line', machine: 'gluster1', level: 'detail', text: 'Progress: 90%' }]);
    const coloured = parseMachineReadableLine('1,gluster1,ui,info,    gluster1: \u001b[0;32mok: [gluster1]\u001b[0m');
    expect(coloured && recordToEvents(coloured)).toEqual([{ type: 'line', machine: 'gluster1', level: 'info', text: 'ok: [gluster1]' }]);
  });

  it('ansible_local output: `    name: ` prefixes with dotted names, empty prefixed lines', () => {
    const record = parseMachineReadableLine('1,server4.netology,ui,output,    server4.netology: TASK [Checking DNS] ***\\n    server4.netology:');
    expect(record && recordToEvents(record)).toEqual([
      { type: 'line', machine: 'server4.netology', level: 'output', text: 'TASK [Checking DNS] ***' },
      { type: 'line', machine: 'server4.netology', level: 'output', text: '' },
    ]);
  });
});
