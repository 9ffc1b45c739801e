import type { VBoxVersion } from '../tools/vboxmanage.js';
import type { CheckResult } from './check-result.js';
import type { CheckText } from './check-text.js';
import type { Outcome } from './outcome.js';
import { vagrantSupportForVirtualBox } from './vagrant-virtualbox-support.js';
import { compareVersions, majorMinor } from './version-number.js';

/** Whether this Vagrant's VirtualBox provider accepts this VirtualBox series (the support table is data). */
export function compatCheck(vagrant: Outcome<string>, vbox: Outcome<VBoxVersion>, { t }: CheckText, table = vagrantSupportForVirtualBox): CheckResult {
  const id = 'vagrant-vbox-compat';
  if (!vagrant.ok || !vbox.ok) {
    const missing = [vagrant.ok ? undefined : 'Vagrant', vbox.ok ? undefined : 'VirtualBox'].filter(Boolean).join(' / ');
    return { id, status: 'warning', found: '', message: t('compatCannotCompare', { missing }), fix: t('compatCannotCompareFix', { missing }) };
  }
  const series = majorMinor(vbox.value.version);
  const found = `${vagrant.value} / ${vbox.value.version}`;
  const oldest = table[0];
  const latest = table.at(-1);
  if (!oldest || !latest) throw new Error('empty Vagrant/VirtualBox support table');
  if (compareVersions(series, oldest.virtualbox) < 0) {
    return { id, status: 'failure', found, message: t('compatVboxTooOld', { version: vbox.value.version, oldest: oldest.virtualbox }), fix: t('compatVboxTooOldFix') };
  }
  const row = table.find((r) => compareVersions(r.virtualbox, series) === 0);
  if (!row) {
    return {
      id,
      status: 'warning',
      found,
      message: t('compatVboxUnknown', { series, latest: latest.virtualbox, vagrant: vagrant.value }),
      fix: t('compatVboxUnknownFix', { latest: latest.virtualbox }),
    };
  }
  if (compareVersions(vagrant.value, row.firstVagrant) < 0) {
    const supported = table.filter((r) => compareVersions(vagrant.value, r.firstVagrant) >= 0).map((r) => r.virtualbox).join(', ');
    return {
      id,
      status: 'failure',
      found,
      message: t('compatVagrantTooOld', { vagrant: vagrant.value, series, needed: row.firstVagrant }),
      fix: t('compatVagrantTooOldFix', { needed: row.firstVagrant, supported }),
    };
  }
  return { id, status: 'ok', found, message: t('compatOk', { vagrant: vagrant.value, series }), fix: '' };
}
