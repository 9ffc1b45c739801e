import type { CheckResult } from './check-result.js';
import type { CheckText } from './check-text.js';
import type { Outcome } from './outcome.js';
import { shortReason } from '../tools/short-reason.js';
import type { VBoxVersion } from '../tools/vboxmanage.js';
import { loadedModules } from './vbox-driver-check.js';
import { compareVersions } from './version-number.js';

export interface VirtualizationFacts {
  /** Linux: text of /proc/cpuinfo. */
  cpuinfo?: Outcome<string>;
  /** Linux: text of /proc/modules (KVM holding VT-x stops VirtualBox). */
  procModules?: string;
  /** Windows: Win32_ComputerSystem.HypervisorPresent (Hyper-V, WSL2, VBS). */
  windowsHypervisor?: Outcome<boolean>;
}

/** The virtualisation flags of the first CPU that lists flags: vmx (Intel VT-x), svm (AMD-V). */
export function virtualizationFlags(cpuinfo: string): string[] {
  const flagsLine = cpuinfo.split('\n').find((line) => /^flags\s*:/.test(line));
  if (!flagsLine) return [];
  const flags = new Set(flagsLine.slice(flagsLine.indexOf(':') + 1).trim().split(/\s+/));
  return ['vmx', 'svm'].filter((flag) => flags.has(flag));
}

const kvmModules = ['kvm_intel', 'kvm_amd'];

export function virtualizationCheck(facts: VirtualizationFacts, { t, os }: CheckText): CheckResult {
  const id = 'virtualization';
  if (os === 'macos') return { id, status: 'ok', found: t('virtFoundOn'), message: t('virtMac'), fix: '' };
  if (os === 'windows') {
    const hypervisor = facts.windowsHypervisor;
    if (!hypervisor || !hypervisor.ok) {
      const reason = hypervisor ? shortReason(hypervisor.error) : 'not probed';
      return { id, status: 'warning', found: t('virtFoundUnknown'), message: t('virtWindowsUnknown', { reason }), fix: t('virtWindowsFix') };
    }
    if (hypervisor.value) return { id, status: 'warning', found: t('virtFoundHypervisor'), message: t('virtWindowsHypervisor'), fix: t('virtWindowsFix') };
    return { id, status: 'ok', found: t('virtFoundOn'), message: t('virtWindowsOk'), fix: '' };
  }
  if (!facts.cpuinfo || !facts.cpuinfo.ok) {
    const reason = facts.cpuinfo ? shortReason(facts.cpuinfo.error) : 'not probed';
    return { id, status: 'warning', found: t('virtFoundUnknown'), message: t('virtNoCpuinfo', { reason }), fix: t('virtNoCpuinfoFix') };
  }
  const flags = virtualizationFlags(facts.cpuinfo.value);
  if (flags.length === 0) return { id, status: 'failure', found: t('virtFoundOff'), message: t('virtMissing'), fix: t('virtMissingFix') };
  const kvm = facts.procModules ? loadedModules(facts.procModules).filter((m) => kvmModules.includes(m)) : [];
  const found = flags.join(' ');
  if (kvm.length > 0) {
    return { id, status: 'warning', found, message: t('virtKvm', { modules: kvm.join(', ') }), fix: t('virtKvmFix', { module: `${kvm.join(' ')} kvm` }) };
  }
  return { id, status: 'ok', found, message: t('virtFlag', { flag: found }), fix: '' };
}

/**
 * The first VirtualBox for Macs with Apple silicon (7.1, September 2024); Vagrant's provider
 * accepts it from 2.4.2 (vagrant-virtualbox-support.ts), which also picks the box built for the
 * host's CPU (box architectures, Vagrant 2.4.0).
 */
export const appleSiliconVirtualBoxSince = '7.1.0';

/**
 * Whether the lab's builds fit this CPU: the box (bento/ubuntu-24.04, built for VirtualBox on
 * x86_64 and aarch64) and Heketi (release tarballs for linux amd64 and arm64) exist for both.
 * x86-64 hosts run the amd64 builds; Macs with Apple silicon the arm64 ones, under VirtualBox
 * 7.1 or later. VirtualBox on other Arm hosts is not what the lab was checked against.
 */
export function hostArchCheck(platform: NodeJS.Platform, arch: string, vbox: Outcome<VBoxVersion>, { t }: CheckText): CheckResult {
  const id = 'host-arch';
  const found = `${platform}/${arch}`;
  if (arch === 'x64') return { id, status: 'ok', found, message: t('archOk', { arch: 'x86-64' }), fix: '' };
  if (arch !== 'arm64') return { id, status: 'failure', found, message: t('archOther', { arch }), fix: t('archFix') };
  if (platform !== 'darwin') return { id, status: 'warning', found, message: t('archArmUntested'), fix: t('archFix') };
  if (!vbox.ok) return { id, status: 'warning', found, message: t('archAppleSiliconNoVbox', { since: appleSiliconVirtualBoxSince }), fix: t('archAppleSiliconFix') };
  const version = vbox.value.version;
  if (compareVersions(version, appleSiliconVirtualBoxSince) < 0) {
    return { id, status: 'failure', found, message: t('archAppleSiliconOldVbox', { version, since: appleSiliconVirtualBoxSince }), fix: t('archAppleSiliconFix') };
  }
  return { id, status: 'ok', found, message: t('archAppleSilicon', { version }), fix: '' };
}
