import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VagrantEvent } from '../../../src/tools/vagrant-events.js';
import {
  VagrantError,
  vagrantDestroy,
  vagrantHalt,
  vagrantProvision,
  vagrantSsh,
  vagrantStatus,
  vagrantUp,
  vagrantValidate,
  vagrantVersion,
} from '../../../src/tools/vagrant.js';
import { makeFakeTools } from './fake-tool.js';
import { fixture, haveRealSamples, realSample } from './real-samples.js';

describe('vagrant argument lists (fake vagrant on PATH)', () => {
  let fake: Awaited<ReturnType<typeof makeFakeTools>>;
  let lab: string;
  beforeAll(async () => {
    fake = await makeFakeTools(['vagrant']);
    lab = await mkdtemp(join(tmpdir(), 'gl-lab-'));
  });
  afterAll(async () => {
    await fake.cleanup();
    await rm(lab, { recursive: true, force: true });
  });
  const opts = () => ({ env: fake.env, cwd: lab });
  const seen = () => fake.recorded('vagrant');

  it('vagrantVersion: --version → "2.3.4"', async () => {
    await fake.answer('vagrant', fixture('vagrant-2.3.4/version.txt'));
    expect(await vagrantVersion(opts())).toBe('2.3.4');
    expect((await seen()).argv).toEqual(['--version']);
  });

  it.skipIf(!haveRealSamples)('vagrantStatus: status --machine-readable, run in the lab directory', async () => {
    await fake.answer('vagrant', realSample('vagrant-status-mr-python-vagrant-running-notcreated.log'));
    expect(await vagrantStatus(opts())).toEqual([
      { name: 'web', state: 'running', provider: 'virtualbox' },
      { name: 'db', state: 'not_created', provider: 'virtualbox' },
    ]);
    expect(await seen()).toMatchObject({ argv: ['status', '--machine-readable'], cwd: lab });
  });

  it('vagrantStatus: a failing status becomes a VagrantError with the error-exit class', async () => {
    await fake.answer('vagrant', fixture('vagrant-2.3.4/status-no-provider.mr.txt'), 1);
    const error = await vagrantStatus(opts()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VagrantError);
    expect(error).toMatchObject({ kind: 'failed', exitCode: 1, errorClass: 'Vagrant::Errors::NoDefaultProvider' });
    expect((error as VagrantError).vagrantMessage).toContain('install VirtualBox');
  });

  it('vagrantValidate: validate, or validate --ignore-provider', async () => {
    await fake.answer('vagrant', 'Vagrantfile validated successfully.\n');
    expect(await vagrantValidate(opts())).toBe('Vagrantfile validated successfully.');
    expect((await seen()).argv).toEqual(['validate']);
    await vagrantValidate({ ...opts(), ignoreProvider: true });
    expect((await seen()).argv).toEqual(['validate', '--ignore-provider']);
  });

  it('vagrantSsh: ssh MACHINE -c COMMAND with COMMAND as one element', async () => {
    await fake.answer('vagrant', '<cliOutput/>\n');
    expect(await vagrantSsh('gluster1', 'sudo gluster peer status --xml', opts())).toBe('<cliOutput/>\n');
    expect((await seen()).argv).toEqual(['ssh', 'gluster1', '-c', 'sudo gluster peer status --xml']);
  });

  it.each([
    ['vagrantUp', vagrantUp, ['up', '--machine-readable']],
    ['vagrantHalt', vagrantHalt, ['halt', '--machine-readable']],
    ['vagrantDestroy', vagrantDestroy, ['destroy', '--force', '--machine-readable']],
    ['vagrantProvision', vagrantProvision, ['provision', '--machine-readable']],
  ] as const)('%s sends its documented argv, machines appended when given', async (_name, fn, expected) => {
    await fake.answer('vagrant', '');
    const logFile = join(lab, 'cmd.log');
    await fn({ ...opts(), logFile, onEvent: () => {} });
    expect((await seen()).argv).toEqual(expected);
    await fn({ ...opts(), logFile, onEvent: () => {}, machines: ['gluster1', 'gluster2'] });
    expect((await seen()).argv).toEqual([...expected, 'gluster1', 'gluster2']);
  });

  it.skipIf(!haveRealSamples)('vagrantUp streams events in order and appends the raw output to the log file', async () => {
    const output = realSample('vagrant-up-mr-phing-multi.log');
    await fake.answer('vagrant', output);
    const logFile = join(lab, 'up.log');
    const events: VagrantEvent[] = [];
    await vagrantUp({ ...opts(), logFile, onEvent: (e) => events.push(e) });
    expect(await readFile(logFile, 'utf8')).toBe(output);
    expect(events.filter((e) => e.type === 'action')).toEqual([
      { type: 'action', machine: 'one', action: 'up', state: 'start' },
      { type: 'action', machine: 'one', action: 'up', state: 'end' },
      { type: 'action', machine: 'two', action: 'up', state: 'start' },
      { type: 'action', machine: 'two', action: 'up', state: 'end' },
    ]);
    expect(events.filter((e) => e.type === 'line' && e.machine === 'one')).toHaveLength(19); // 18 ui records for one, the last holding two lines
  });

  it('vagrantUp failing: the error-exit event is sent and the thrown VagrantError names the provider', async () => {
    await fake.answer('vagrant', fixture('vagrant-2.3.4/up-virtualbox-not-usable.mr.txt'), 1);
    const events: VagrantEvent[] = [];
    const error = await vagrantUp({ ...opts(), logFile: join(lab, 'fail.log'), onEvent: (e) => events.push(e) }).catch((e: unknown) => e);
    expect(events.at(-1)).toMatchObject({ type: 'error-exit', errorClass: 'Vagrant::Errors::ProviderNotUsable' });
    expect(error).toBeInstanceOf(VagrantError);
    expect((error as VagrantError).vagrantMessage).toContain("The provider 'virtualbox' that was requested to back the machine\n'gluster1'");
  });

  it('vagrantUp: lines that are not records still reach the screen', async () => {
    await fake.answer('vagrant', '1,,ui,info,hello\nplugin noise\n', 0, 'ruby warning\n');
    const events: VagrantEvent[] = [];
    await vagrantUp({ ...opts(), logFile: join(lab, 'noise.log'), onEvent: (e) => events.push(e) });
    expect(events).toEqual(
      expect.arrayContaining([
        { type: 'line', level: 'info', text: 'hello' },
        { type: 'line', level: 'output', text: 'plugin noise' },
        { type: 'line', level: 'error', text: 'ruby warning' },
      ]),
    );
  });
});
