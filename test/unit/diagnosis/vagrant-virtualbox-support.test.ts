import { describe, expect, it } from 'vitest';
import { diagnoseText } from '../../../src/diagnosis/scan-log.js';
import { loadCatalogue } from '../../../src/diagnosis/load-catalogue.js';
import { vagrantTooOldForVirtualBox, versionLinePatterns } from '../../../src/diagnosis/vagrant-virtualbox-support.js';

const noProvider = [
  'No usable default provider could be found for your system.',
  '',
  'Vagrant relies on interactions with 3rd party systems, known as',
];

describe('vagrantTooOldForVirtualBox', () => {
  it.each([
    [['* Vagrant Version:1.9.1', '* VirtualBox Version: 5.2.0'], true],
    [['Vagrant 2.2.19', 'VirtualBox 7.0.6'], true],
    [['Vagrant 2.3.2', 'VirtualBox 7.0.6'], false],
    [['Vagrant 2.4.1', 'VirtualBox 6.1.50'], false],
    [['Vagrant 2.4.9', 'VirtualBox 9.0.0'], true],
    [['Vagrant 2.4.9', 'VirtualBox 7.10.0'], true],
    [['Vagrant 2.4.9', 'VirtualBox 4.3.40'], false],
    [['Vagrant 2.2.19'], false],
    [['VirtualBox 7.0.6'], false],
  ])('%j → %s', (lines, expected) => {
    expect(vagrantTooOldForVirtualBox(lines)).toBe(expected);
  });

  it('matches the version lines with the same patterns as its catalogue entry', () => {
    const entry = loadCatalogue().entries.find((e) => e.id === 'vagrant-virtualbox-too-new');
    expect(entry?.check).toBe('vagrant-too-old-for-virtualbox');
    expect(entry?.patterns).toEqual(versionLinePatterns);
  });
});

describe('a report naming both versions', () => {
  const diagnose = (lines: string[]) =>
    diagnoseText(lines, { lang: 'en', os: 'linux' }).map((f) => f.id);

  it('names the version mismatch before "no usable provider" when Vagrant is too old', () => {
    expect(diagnose(['Vagrant 1.9.1', 'VirtualBox 5.2.0', ...noProvider])[0]).toBe('vagrant-virtualbox-too-new');
  });

  it('keeps "VirtualBox is missing" when the versions fit', () => {
    const ids = diagnose(['Vagrant 2.4.1', 'VirtualBox 7.0.14', ...noProvider]);
    expect(ids[0]).toBe('no-usable-provider');
    expect(ids).not.toContain('vagrant-virtualbox-too-new');
  });

  it('finds nothing in version lines without a provider failure', () => {
    expect(diagnose(['Vagrant 1.9.1', 'VirtualBox 5.2.0', '==> node1: Machine booted and ready!'])).toEqual([]);
  });
});
