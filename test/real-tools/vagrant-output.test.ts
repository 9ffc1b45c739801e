import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VagrantEvent } from '../../src/tools/vagrant-events.js';
import { VagrantError, vagrantStatus, vagrantUp, vagrantValidate, vagrantVersion } from '../../src/tools/vagrant.js';
import { stringContaining } from '../string-containing.js';

/**
 * Our vagrant functions against the real Debian vagrant on this machine. There is no
 * VirtualBox here, so the commands that need a provider fail — and that failure is
 * exactly what a learner without VirtualBox sees, so it is worth asserting on.
 */
const haveVagrant = (() => {
  try {
    execFileSync('vagrant', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!haveVagrant) console.warn('vagrant not installed: real vagrant tests skipped');

/**
 * Debian's vagrant recommends vagrant-libvirt; with it, a Vagrantfile that does not force
 * VirtualBox falls back to libvirt, and there is no "no usable provider" to see. (The lab's
 * Vagrantfile forces VirtualBox for that reason: the last test below.)
 */
const libvirtPlugin = haveVagrant && (() => {
  try {
    return execFileSync('vagrant', ['plugin', 'list'], { encoding: 'utf8', env: { ...process.env, VAGRANT_CHECKPOINT_DISABLE: '1' } }).includes('vagrant-libvirt');
  } catch {
    return false;
  }
})();

const VAGRANTFILE = `Vagrant.configure("2") do |config|
  config.vm.box = "debian/bookworm64"
  config.vm.provider "virtualbox" do |vb|
    vb.memory = 512
  end
  config.vm.define "gluster1" do |m|
    m.vm.hostname = "gluster1"
    m.vm.network "private_network", ip: "172.20.1.21"
  end
end
`;

describe.skipIf(!haveVagrant)('real vagrant through our tool functions', () => {
  let lab: string;
  let home: string;
  // Vagrant reads and writes VAGRANT_HOME (~/.vagrant.d); a temp one keeps the user's untouched.
  const env = () => ({ ...process.env, VAGRANT_HOME: home, VAGRANT_CHECKPOINT_DISABLE: '1' });
  beforeAll(async () => {
    lab = await mkdtemp(join(tmpdir(), 'gl-real-vagrant-'));
    home = await mkdtemp(join(tmpdir(), 'gl-vagrant-home-'));
    await writeFile(join(lab, 'Vagrantfile'), VAGRANTFILE);
  });
  afterAll(async () => {
    await rm(lab, { recursive: true, force: true });
    await rm(home, { recursive: true, force: true });
  });

  it('vagrantVersion reads `vagrant --version`', async () => {
    expect(await vagrantVersion({ env: env() })).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it.skipIf(libvirtPlugin)('vagrantStatus without VirtualBox: a VagrantError NoDefaultProvider that tells to install VirtualBox', async () => {
    const error = await vagrantStatus({ env: env(), cwd: lab }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VagrantError);
    const vagrantError = error as VagrantError;
    expect(vagrantError.kind).toBe('failed');
    expect(vagrantError.exitCode).toBe(1);
    expect(vagrantError.errorClass).toBe('Vagrant::Errors::NoDefaultProvider');
    expect(vagrantError.vagrantMessage).toContain('The easiest solution to this message is to install VirtualBox, which\nis available');
    expect(vagrantError.commandLine).toBe('vagrant status --machine-readable');
  });

  it('vagrantStatus with VAGRANT_DEFAULT_PROVIDER=virtualbox: ProviderNotUsable names virtualbox and the machine', async () => {
    const error = (await vagrantStatus({ env: { ...env(), VAGRANT_DEFAULT_PROVIDER: 'virtualbox' }, cwd: lab }).catch((e: unknown) => e)) as VagrantError;
    expect(error.errorClass).toBe('Vagrant::Errors::ProviderNotUsable');
    expect(error.vagrantMessage).toContain("The provider 'virtualbox' that was requested to back the machine\n'gluster1'");
    expect(error.vagrantMessage).toContain('Vagrant could not detect VirtualBox!');
  });

  it.skipIf(libvirtPlugin)('vagrantValidate: plain validate fails without a provider; --ignore-provider validates the Vagrantfile', async () => {
    const error = await vagrantValidate({ env: env(), cwd: lab }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'failed', exitCode: 1, stderrTail: stringContaining('No usable default provider') });
    expect(await vagrantValidate({ env: env(), cwd: lab, ignoreProvider: true })).toBe('Vagrantfile validated successfully.');
  });

  it('vagrantValidate reports a broken Vagrantfile', async () => {
    const broken = await mkdtemp(join(tmpdir(), 'gl-real-vagrant-broken-'));
    try {
      await writeFile(join(broken, 'Vagrantfile'), 'Vagrant.configure("2") do |config|\n  config.vm.box = "x"\n  config.vm.hostname = "bad_name!"\nend\n');
      const error = await vagrantValidate({ env: env(), cwd: broken, ignoreProvider: true }).catch((e: unknown) => e);
      expect(error).toMatchObject({ kind: 'failed', exitCode: 1 });
      expect((error as { stderrTail: string }).stderrTail).toMatch(/hostname/i);
    } finally {
      await rm(broken, { recursive: true, force: true });
    }
  });

  it('vagrantUp without VirtualBox: an error-exit event naming the missing provider, a VagrantError, the output in the log', async () => {
    const logFile = join(lab, 'up.log');
    const events: VagrantEvent[] = [];
    const error = await vagrantUp({
      env: { ...env(), VAGRANT_DEFAULT_PROVIDER: 'virtualbox' },
      cwd: lab,
      logFile,
      onEvent: (e) => events.push(e),
    }).catch((e: unknown) => e);
    const exit = events.find((e) => e.type === 'error-exit');
    expect(exit).toMatchObject({ errorClass: 'Vagrant::Errors::ProviderNotUsable' });
    expect(exit?.type === 'error-exit' && exit.message).toContain("The provider 'virtualbox'");
    // The same sentence came first as ui,error lines, one event per visible line.
    expect(events).toContainEqual({ type: 'line', level: 'error', text: 'Vagrant could not detect VirtualBox! Make sure VirtualBox is properly installed.' });
    expect(error).toBeInstanceOf(VagrantError);
    expect(error).toMatchObject({ kind: 'failed', exitCode: 1, errorClass: 'Vagrant::Errors::ProviderNotUsable' });
    expect(await readFile(logFile, 'utf8')).toContain(',error-exit,Vagrant::Errors::ProviderNotUsable,');
  });

  it.skipIf(libvirtPlugin)('vagrantUp with no provider at all: NoDefaultProvider, whose advice is to install VirtualBox', async () => {
    const events: VagrantEvent[] = [];
    const error = await vagrantUp({ env: env(), cwd: lab, logFile: join(lab, 'up2.log'), onEvent: (e) => events.push(e) }).catch((e: unknown) => e);
    expect(error).toMatchObject({ errorClass: 'Vagrant::Errors::NoDefaultProvider' });
    expect(events.filter((e) => e.type === 'line').map((e) => (e.type === 'line' ? e.text : ''))).toContain(
      'The easiest solution to this message is to install VirtualBox, which',
    );
  });

  it('a Vagrantfile that forces VirtualBox as the lab\'s does: ProviderNotUsable whatever other providers are installed', async () => {
    const forced = await mkdtemp(join(tmpdir(), 'gl-real-vagrant-forced-'));
    try {
      await writeFile(join(forced, 'Vagrantfile'), `ENV['VAGRANT_DEFAULT_PROVIDER'] = 'virtualbox'\n${VAGRANTFILE}`);
      const status = (await vagrantStatus({ env: env(), cwd: forced }).catch((e: unknown) => e)) as VagrantError;
      expect(status).toBeInstanceOf(VagrantError);
      expect(status.errorClass).toBe('Vagrant::Errors::ProviderNotUsable');
      expect(status.vagrantMessage).toContain('Vagrant could not detect VirtualBox!');
      const validate = await vagrantValidate({ env: env(), cwd: forced }).catch((e: unknown) => e);
      expect(validate).toMatchObject({ kind: 'failed', exitCode: 1, stderrTail: stringContaining("The provider 'virtualbox'") });
    } finally {
      await rm(forced, { recursive: true, force: true });
    }
  });
});
