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
  it('runs the box on x86-64 only', () => {
    expect(hostArchCheck('linux', 'x64', en).status).toBe('ok');
    expect(hostArchCheck('win32', 'x64', en).status).toBe('ok');
    const mac = hostArchCheck('darwin', 'arm64', checkText('en', 'macos'));
    expect(mac).toMatchObject({ status: 'failure', found: 'darwin/arm64', message: "This Mac has Apple silicon (arm64): VirtualBox cannot run the lab's x86-64 box on it." });
    expect(hostArchCheck('linux', 'arm64', en)).toMatchObject({ status: 'failure', message: stringContaining('CPU is arm64') });
  });
});
