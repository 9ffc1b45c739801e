import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { fillCatalogueText, labVars } from '../../../src/diagnosis/catalogue-vars.js';
import { diagnoseInput, diagnoseText } from '../../../src/diagnosis/scan-log.js';
import { loadCatalogue } from '../../../src/diagnosis/load-catalogue.js';
import { defaultLabConfig } from '../../../src/lab/defaults.js';

const vagrantRefusal = [
  'The IP address configured for the host-only network is not within the',
  'allowed ranges. Please update the address used to be within the allowed',
  'ranges and run the command again.',
  '  Address: 10.9.8.21',
  '  Ranges: 192.168.56.0/21',
  'Valid ranges can be modified in the /etc/vbox/networks.conf file. For',
];

const otherLab = { machines: defaultLabConfig.machines.map((m, i) => ({ ...m, address: `10.9.8.${20 + i}` })) };

describe('catalogue placeholders', () => {
  it("fill the host-only fix with the lab's range, keeping VirtualBox's default range on the line", () => {
    const [finding] = diagnoseText(vagrantRefusal, { lang: 'en', os: 'linux', vars: labVars(otherLab) });
    expect(finding?.id).toBe('hostonly-range-vagrant');
    expect(finding?.fix).toContain('echo "* 10.9.8.0/24 192.168.56.0/21" | sudo tee -a /etc/vbox/networks.conf');
    expect(finding?.fix).toContain('then run `gluster-lab up` again');
    expect(finding?.fix).not.toContain('vagrant up');
    expect(finding?.explanation).toContain('the lab uses 10.9.8.0/24');
  });

  it('fall back to the original guide\'s 172.20.1.0/24 when no lab is known (the default lab is never refused)', () => {
    const [finding] = diagnoseText(vagrantRefusal, { lang: 'ja', os: 'macos' });
    expect(finding?.fix).toContain('echo "* 172.20.1.0/24 192.168.56.0/21" | sudo tee -a /etc/vbox/networks.conf');
    expect(finding?.fix).toContain('`gluster-lab up` をやり直してください');
  });

  it('leave other braces alone, and no catalogue text names an unknown placeholder', () => {
    expect(fillCatalogueText('securityContext: {supplementalGroups: [2000]} {labRange} {gid}', labVars(defaultLabConfig))).toBe('securityContext: {supplementalGroups: [2000]} 192.168.56.0/24 {gid}');
    const texts = loadCatalogue().entries.flatMap((e) => [e.title, e.explanation, ...Object.values(e.fix)].flatMap((b) => (b ? [b.en, b.ja] : [])));
    const names = new Set(texts.flatMap((t) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1])));
    expect([...names].filter((n) => n !== 'labRange' && n !== 'defaultRange')).toEqual([]);
  });
});

describe('diagnoseInput', () => {
  it('counts the lines that hold text, so empty input can be told apart from an unmatched log', async () => {
    expect((await diagnoseInput(Readable.from(['\n  \n']), { lang: 'en' })).textLines).toBe(0);
    expect((await diagnoseInput(Readable.from(['hello\n\nworld']), { lang: 'en' })).textLines).toBe(2);
  });
});
