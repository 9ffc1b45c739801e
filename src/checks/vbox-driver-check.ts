import type { CheckResult } from './check-result.js';
import type { CheckText } from './check-text.js';

export interface VboxDriverFacts {
  /** Text of /proc/modules, or undefined when it could not be read. */
  procModules: string | undefined;
  /** Whether /dev/vboxdrv exists (the driver's device; present only while it is loaded). */
  deviceExists: boolean;
  /** False when VBoxManage is not on PATH: the fix is then to install VirtualBox, not to rebuild the driver. */
  virtualboxInstalled: boolean;
}

/** Module names as /proc/modules lists them (first field of each line). */
export function loadedModules(procModules: string): string[] {
  return procModules
    .split('\n')
    .map((line) => line.split(/\s+/)[0] ?? '')
    .filter((name) => name.length > 0);
}

/** Linux only: VirtualBox starts no VM without its vboxdrv kernel module. */
export function vboxDriverCheck(facts: VboxDriverFacts, { t }: CheckText): CheckResult {
  const loaded = facts.deviceExists || (facts.procModules !== undefined && loadedModules(facts.procModules).includes('vboxdrv'));
  if (loaded) return { id: 'vbox-driver', status: 'ok', found: t('driverFound'), message: t('driverLoaded'), fix: '' };
  if (!facts.virtualboxInstalled) {
    return { id: 'vbox-driver', status: 'failure', found: t('notInstalled'), message: t('driverMissingNoVbox'), fix: t('driverFixNoVbox') };
  }
  return { id: 'vbox-driver', status: 'failure', found: '', message: t('driverMissing'), fix: t('driverFix') };
}
