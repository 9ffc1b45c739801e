import type { VBoxVersion } from '../tools/vboxmanage.js';
import type { CheckResult } from './check-result.js';
import type { CheckText } from './check-text.js';
import { defaultHostOnlyRange, hostOnlyLimitSince, networksConfLineFor, parseIpv4Range, parseNetworksConf, rangeContains, sortedIpv4, type Ipv4Range } from '../host/networks-conf.js';
import type { Outcome } from './outcome.js';
import { shortReason } from '../tools/short-reason.js';
import { compareVersions } from './version-number.js';

export interface HostOnlyFacts {
  /** VBoxManage's version; when unknown the limit is assumed (every current VirtualBox has it). */
  vbox: Outcome<VBoxVersion>;
  /** Text of /etc/vbox/networks.conf; value undefined when the file does not exist. */
  networksConf: Outcome<string | undefined>;
  /** Every host-only address of the lab's machines. */
  addresses: readonly string[];
}

/** VirtualBox 6.1.28+ on Linux/macOS refuses host-only addresses outside networks.conf's ranges. */
export function hostOnlyRangesCheck(facts: HostOnlyFacts, { t, os }: CheckText): CheckResult {
  const id = 'hostonly-ranges';
  if (os === 'windows') return { id, status: 'ok', found: '', message: t('hostonlyWindows'), fix: '' };
  if (facts.vbox.ok && compareVersions(facts.vbox.value.version, hostOnlyLimitSince) < 0) {
    return { id, status: 'ok', found: facts.vbox.value.version, message: t('hostonlyOldVbox', { version: facts.vbox.value.version }), fix: '' };
  }
  if (!facts.networksConf.ok) {
    return { id, status: 'warning', found: '', message: t('hostonlyUnreadable', { reason: shortReason(facts.networksConf.error) }), fix: t('hostonlyUnreadableFix') };
  }
  const text = facts.networksConf.value;
  const conf = text === undefined ? undefined : parseNetworksConf(text);
  const ranges: Ipv4Range[] = conf ? conf.ranges : [parseIpv4Range(defaultHostOnlyRange) as Ipv4Range];
  const rangesText = ranges.length > 0 ? ranges.map((r) => r.text).join(' ') : t('hostonlyNoRanges');
  // The lab's machines come in the Vagrantfile's order (gluster nodes, Heketi, the node);
  // a sentence lists their addresses in numeric order.
  const sorted = sortedIpv4(facts.addresses);
  const outside = sorted.filter((address) => !ranges.some((range) => rangeContains(range, address)));
  const addresses = sorted.join(', ');

  if (outside.length > 0) {
    // Without the file VirtualBox allows its default range; a new file replaces that default,
    // so the line must keep it or other VirtualBox labs on this machine would break.
    const line = conf ? networksConfLineFor(outside) : `${networksConfLineFor(outside)} ${defaultHostOnlyRange}`;
    const ignored = conf && conf.ignored.length > 0 ? ` ${t('hostonlyIgnored', { lines: conf.ignored.map((l) => `"${l}"`).join(', ') })}` : '';
    return {
      id,
      status: 'failure',
      found: rangesText,
      message:
        t('hostonlyOutside', { ranges: rangesText, source: t(conf ? 'hostonlySourceFile' : 'hostonlySourceDefault'), addresses: outside.join(', ') }) + ignored,
      fix: t('hostonlyFix', { line, command: `sudo mkdir -p /etc/vbox && echo '${line}' | sudo tee -a /etc/vbox/networks.conf` }),
    };
  }
  if (conf && conf.ignored.length > 0) {
    return {
      id,
      status: 'warning',
      found: rangesText,
      message: `${t('hostonlyOk', { ranges: rangesText, addresses })} ${t('hostonlyIgnored', { lines: conf.ignored.map((l) => `"${l}"`).join(', ') })}`,
      fix: t('hostonlyIgnoredFix'),
    };
  }
  return { id, status: 'ok', found: rangesText, message: t(conf ? 'hostonlyOk' : 'hostonlyDefaultOk', { ranges: rangesText, addresses }), fix: '' };
}
