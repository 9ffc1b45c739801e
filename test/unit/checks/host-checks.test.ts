import { describe, expect, it } from 'vitest';
import { checkText } from '../../../src/checks/check-text.js';
import { errorOutcome, okOutcome } from '../../../src/checks/outcome.js';
import { vboxDriverCheck } from '../../../src/checks/vbox-driver-check.js';
import { hostArchCheck, virtualizationCheck, virtualizationFlags } from '../../../src/checks/virtualization-check.js';
import { healthyCpuinfo, healthyModules } from './fake-probes.js';
import { stringContaining } from '../../string-containing.js';

const en = checkText('en', 'linux');
const amdCpuinfo = 'processor\t: 0\nvendor_id\t: AuthenticAMD\nflags\t\t: fpu vme de pse tsc msr pae mce cx8 apic sep svm extapic cr8_legacy abm\n';
const noFlagsCpuinfo = 'processor\t: 0\nvendor_id\t: GenuineIntel\nflags\t\t: fpu vme de pse tsc msr pae mce cx8 apic sep hypervisor lahf_lm\n';
const armCpuinfo = 'processor\t: 0\nBogoMIPS\t: 48.00\nFeatures\t: fp asimd evtstrm aes pmull sha1 sha2 crc32 cpuid\nCPU implementer\t: 0x41\n';

describe('VirtualBox kernel driver (Linux)', () => {
  it('is ok when vboxdrv is in /proc/modules or /dev/vboxdrv exists', () => {
    expect(vboxDriverCheck({ procModules: healthyModules, deviceExists: false, virtualboxInstalled: true }, en).status).toBe('ok');
    expect(vboxDriverCheck({ procModules: undefined, deviceExists: true, virtualboxInstalled: true }, en).status).toBe('ok');
  });

  it('fails with the rebuild command when VirtualBox is installed but the driver is not loaded', () => {
    const result = vboxDriverCheck({ procModules: 'ext4 1044480 1 - Live 0x0\nvboxdrvx 1 0 - Live 0x0\n', deviceExists: false, virtualboxInstalled: true }, en);
    expect(result.status).toBe('failure');
    expect(result.fix).toContain('sudo /sbin/vboxconfig');
  });

  it('says to install VirtualBox when it is missing too', () => {
    expect(vboxDriverCheck({ procModules: '', deviceExists: false, virtualboxInstalled: false }, en).fix).toBe('Install VirtualBox first; its installer builds and loads the driver.');
  });
});

describe('hardware virtualisation', () => {
  it('reads vmx / svm from /proc/cpuinfo', () => {
    expect(virtualizationFlags(healthyCpuinfo)).toEqual(['vmx']);
    expect(virtualizationFlags(amdCpuinfo)).toEqual(['svm']);
    expect(virtualizationFlags(noFlagsCpuinfo)).toEqual([]);
    expect(virtualizationFlags(armCpuinfo)).toEqual([]);
  });

  it('is ok with the flag, fails without it', () => {
    expect(virtualizationCheck({ cpuinfo: okOutcome(healthyCpuinfo), procModules: healthyModules }, en)).toMatchObject({ status: 'ok', found: 'vmx' });
    const off = virtualizationCheck({ cpuinfo: okOutcome(noFlagsCpuinfo), procModules: '' }, en);
    expect(off).toMatchObject({ status: 'failure', found: 'off' });
    expect(off.fix).toContain('BIOS/UEFI');
  });

  it('warns when KVM holds VT-x', () => {
    const result = virtualizationCheck({ cpuinfo: okOutcome(amdCpuinfo), procModules: 'kvm_amd 155648 0 - Live 0x0\nkvm 1142784 1 kvm_amd, Live 0x0\n' }, en);
    expect(result).toMatchObject({ status: 'warning', message: stringContaining('KVM is loaded (kvm_amd)') });
    expect(result.fix).toContain('sudo modprobe -r kvm_amd kvm');
  });

  it('warns when /proc/cpuinfo cannot be read', () => {
    expect(virtualizationCheck({ cpuinfo: errorOutcome(new Error('EACCES')) }, en).status).toBe('warning');
  });

  it('on Windows, warns about a running hypervisor with the bcdedit step', () => {
    const windows = checkText('en', 'windows');
    const result = virtualizationCheck({ windowsHypervisor: okOutcome(true) }, windows);
    expect(result.status).toBe('warning');
    expect(result.message).toContain('Hyper-V, WSL2');
    expect(result.fix).toContain('bcdedit /set hypervisorlaunchtype off');
    expect(virtualizationCheck({ windowsHypervisor: okOutcome(false) }, windows).status).toBe('ok');
    expect(virtualizationCheck({ windowsHypervisor: errorOutcome(new Error('powershell missing')) }, windows).status).toBe('warning');
    expect(virtualizationCheck({ windowsHypervisor: okOutcome(true) }, checkText('ja', 'windows')).fix).toContain('管理者のターミナル');
  });
});

describe('host architecture', () => {
  const vbox = (version: string) => okOutcome({ version, revision: '1', raw: `${version}r1` });
  const mac = checkText('en', 'macos');

  it('runs the amd64 builds on x86-64 hosts', () => {
    expect(hostArchCheck('linux', 'x64', vbox('7.0.14'), en)).toMatchObject({ status: 'ok', message: 'x86-64: the lab runs the amd64 builds of its box (bento/ubuntu-24.04) and of Heketi.' });
    expect(hostArchCheck('win32', 'x64', vbox('7.1.6'), en).status).toBe('ok');
  });

  // The arm64 box (bento/ubuntu-24.04 for VirtualBox on aarch64) and Heketi's arm64 tarball
  // exist: a Mac with Apple silicon runs the lab with VirtualBox 7.1 or later.
  it('runs the arm64 builds on a Mac with Apple silicon and VirtualBox 7.1+', () => {
    expect(hostArchCheck('darwin', 'arm64', vbox('7.1.6'), mac)).toMatchObject({
      status: 'ok',
      found: 'darwin/arm64',
      message: 'Apple silicon (arm64) with VirtualBox 7.1.6: the lab runs the arm64 builds of its box (bento/ubuntu-24.04) and of Heketi.',
    });
    const ja = hostArchCheck('darwin', 'arm64', vbox('7.2.4'), checkText('ja', 'macos'));
    expect(ja.message).toBe('Apple シリコン (arm64) と VirtualBox 7.2.4: ラボはボックス (bento/ubuntu-24.04) と Heketi の arm64 版を使います。');
  });

  it('fails on Apple silicon with a VirtualBox older than 7.1, and says which to install', () => {
    const old = hostArchCheck('darwin', 'arm64', vbox('7.0.20'), mac);
    expect(old).toMatchObject({ status: 'failure', message: 'This Mac has Apple silicon (arm64), but VirtualBox 7.0.20 cannot run virtual machines on it: VirtualBox supports Apple silicon from 7.1.0 on.' });
    expect(old.fix).toContain('VirtualBox 7.1 or later for macOS / Apple silicon hosts');
    expect(hostArchCheck('darwin', 'arm64', errorOutcome(new Error('not found')), mac).status).toBe('warning');
  });

  it('warns on other Arm hosts (untested) and fails on CPUs the builds do not exist for', () => {
    expect(hostArchCheck('linux', 'arm64', vbox('7.2.4'), en)).toMatchObject({ status: 'warning', message: expect.stringContaining('only on Macs with Apple silicon') });
    expect(hostArchCheck('win32', 'ia32', vbox('7.0.14'), en)).toMatchObject({ status: 'failure', message: expect.stringContaining('CPU is ia32') });
  });
});
