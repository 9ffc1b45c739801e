import { describe, expect, it } from 'vitest';
import { checkText } from '../../../src/checks/check-text.js';
import { hostOnlyRangesCheck, type HostOnlyFacts } from '../../../src/checks/hostonly-ranges-check.js';
import { networksConfLineFor, parseNetworksConf } from '../../../src/host/networks-conf.js';
import { errorOutcome, okOutcome, type Outcome } from '../../../src/checks/outcome.js';
import { labNeeds } from '../../../src/checks/lab-needs.js';
import { defaultLabConfig } from '../../../src/lab/defaults.js';
import { labConfigOnNetwork } from '../../../src/lab/lab-network.js';
import type { VBoxVersion } from '../../../src/tools/vboxmanage.js';

// A lab on the original guide's network (`init --network 172.20.1.0/24`): outside the
// range a stock VirtualBox allows, the case this check explains.
const labAddresses = labNeeds(labConfigOnNetwork(defaultLabConfig, '172.20.1')).addresses;
const vbox71: Outcome<VBoxVersion> = okOutcome({ version: '7.1.6', revision: '167084', raw: '7.1.6r167084' });
const en = checkText('en', 'linux');

function facts(networksConf: string | undefined, addresses = labAddresses, vbox: Outcome<VBoxVersion> = vbox71): HostOnlyFacts {
  return { vbox, networksConf: okOutcome(networksConf), addresses };
}

describe('parseNetworksConf', () => {
  it('reads ranges after "*", skips comments and keeps lines VirtualBox ignores', () => {
    const conf = parseNetworksConf('# allowed\n* 10.0.0.0/8 192.168.0.0/16\n* 2001::/64\n10.1.0.0/16\n* 172.300.0.0/16\n');
    expect(conf.ranges.map((r) => r.text)).toEqual(['10.0.0.0/8', '192.168.0.0/16']);
    expect(conf.ipv6).toEqual(['2001::/64']);
    expect(conf.ignored).toEqual(['10.1.0.0/16', '* 172.300.0.0/16']);
  });

  it('gives the /24 line for the addresses outside', () => {
    expect(networksConfLineFor(labAddresses)).toBe('* 172.20.1.0/24');
    expect(networksConfLineFor(['172.20.1.20', '10.9.8.7'])).toBe('* 172.20.1.0/24 10.9.8.0/24');
  });
});

describe('hostonly-ranges check', () => {
  it('passes the default lab on a stock VirtualBox: no networks.conf, addresses inside 192.168.56.0/21', () => {
    const addresses = labNeeds(defaultLabConfig).addresses;
    // The Vagrantfile's order: the gluster nodes, then Heketi (issue 17's labMachines).
    expect(addresses).toEqual(['192.168.56.21', '192.168.56.22', '192.168.56.23', '192.168.56.20']);
    const result = hostOnlyRangesCheck(facts(undefined, addresses), en);
    expect(result).toMatchObject({ status: 'ok', found: '192.168.56.0/21' });
    expect(result.message).toBe('There is no /etc/vbox/networks.conf, so VirtualBox allows 192.168.56.0/21; every lab address (192.168.56.20, 192.168.56.21, 192.168.56.22, 192.168.56.23) is inside.');
  });

  it('fails when the file is missing and the lab is outside 192.168.56.0/21, giving the exact line and command', () => {
    const result = hostOnlyRangesCheck(facts(undefined), en);
    expect(result.status).toBe('failure');
    expect(result.found).toBe('192.168.56.0/21');
    expect(result.message).toContain('the default, as /etc/vbox/networks.conf does not exist');
    expect(result.message).toContain('172.20.1.20, 172.20.1.21, 172.20.1.22, 172.20.1.23');
    // The new file must keep VirtualBox's default range, which it replaces.
    expect(result.fix).toContain('Add the line `* 172.20.1.0/24 192.168.56.0/21` to /etc/vbox/networks.conf');
    expect(result.fix).toContain("sudo mkdir -p /etc/vbox && echo '* 172.20.1.0/24 192.168.56.0/21' | sudo tee -a /etc/vbox/networks.conf");
    expect(result.fix).toContain('192.168.56.x');
  });

  it('passes with the file missing when the lab uses 192.168.56.x', () => {
    const result = hostOnlyRangesCheck(facts(undefined, ['192.168.56.20', '192.168.63.250']), en);
    expect(result).toMatchObject({ status: 'ok', found: '192.168.56.0/21' });
    expect(result.message).toContain('There is no /etc/vbox/networks.conf');
  });

  it('fails on an empty file: it allows no range at all, not the default', () => {
    const result = hostOnlyRangesCheck(facts(''), en);
    expect(result.status).toBe('failure');
    expect(result.found).toBe('no range at all');
    expect(result.message).toContain('from /etc/vbox/networks.conf');
  });

  it('passes on a valid file covering every address', () => {
    const result = hostOnlyRangesCheck(facts('* 10.0.0.0/8 172.16.0.0/12\n'), en);
    expect(result).toMatchObject({ status: 'ok', found: '10.0.0.0/8 172.16.0.0/12', fix: '' });
  });

  it('fails on a valid file that covers only some addresses, naming just those', () => {
    const result = hostOnlyRangesCheck(facts('* 172.20.1.20/31\n'), en);
    expect(result.status).toBe('failure');
    expect(result.message).toContain('the lab uses 172.20.1.22, 172.20.1.23 outside');
  });

  it('warns about invalid lines even when the addresses are allowed', () => {
    const result = hostOnlyRangesCheck(facts('172.20.1.0/24\n* 172.20.0.0/16\n* not-a-range\n'), en);
    expect(result.status).toBe('warning');
    expect(result.message).toContain('VirtualBox ignores these lines of /etc/vbox/networks.conf: "172.20.1.0/24", "* not-a-range".');
    expect(result.fix).toContain('`* 10.0.0.0/8 192.168.0.0/16`');
  });

  it('fails when the only line that would allow the lab is invalid, and says why', () => {
    const result = hostOnlyRangesCheck(facts('172.20.1.0/24\n'), en);
    expect(result.status).toBe('failure');
    expect(result.message).toContain('ignores these lines');
  });

  it('has no limit on Windows or before VirtualBox 6.1.28', () => {
    expect(hostOnlyRangesCheck(facts(undefined), checkText('en', 'windows')).status).toBe('ok');
    const old = hostOnlyRangesCheck(facts(undefined, labAddresses, okOutcome({ version: '6.1.26', raw: '6.1.26r145957' })), en);
    expect(old).toMatchObject({ status: 'ok', found: '6.1.26' });
    const limited = hostOnlyRangesCheck(facts(undefined, labAddresses, okOutcome({ version: '6.1.28', raw: '6.1.28r147628' })), en);
    expect(limited.status).toBe('failure');
  });

  it('warns when the file cannot be read', () => {
    const result = hostOnlyRangesCheck({ vbox: vbox71, networksConf: errorOutcome(new Error('EACCES: permission denied')), addresses: labAddresses }, en);
    expect(result).toMatchObject({ status: 'warning', message: 'Could not read /etc/vbox/networks.conf (EACCES: permission denied).' });
  });

  it('says the same in Japanese', () => {
    const result = hostOnlyRangesCheck(facts(undefined), checkText('ja', 'linux'));
    expect(result.status).toBe('failure');
    expect(result.message).toContain('VirtualBox が許可するホストオンリーのアドレスは 192.168.56.0/21 だけです');
    expect(result.fix).toContain('/etc/vbox/networks.conf に `* 172.20.1.0/24 192.168.56.0/21` の行を追加してください');
    expect(result.fix).toContain("echo '* 172.20.1.0/24 192.168.56.0/21' | sudo tee -a /etc/vbox/networks.conf");
  });
});
