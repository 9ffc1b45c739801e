import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { categories } from '../../../src/diagnosis/categories.js';
import { diagnoseText, matchAll } from '../../../src/diagnosis/scan-log.js';
import { loadCatalogue } from '../../../src/diagnosis/load-catalogue.js';
import {
  cleanFiles,
  fixtureDir,
  haveSharedSamples,
  readLines,
  sampleFiles,
  sharedSamplesDir,
} from './fixture-files.js';

const catalogue = loadCatalogue();
const samples = sampleFiles();

describe('the known-issue catalogue on real samples', () => {
  it.each(samples)('names $expectedId first for $file', ({ file, expectedId }) => {
    const findings = diagnoseText(readLines(join(fixtureDir, file)), { lang: 'en', os: 'linux', catalogue });
    expect(findings[0]?.id).toBe(expectedId);
    expect(findings[0]?.evidence.length).toBeGreaterThan(0);
  });

  it('recognises every entry on at least one real sample', () => {
    const matched = new Set<string>();
    for (const { file } of samples) {
      for (const m of matchAll(readLines(join(fixtureDir, file)), catalogue)) matched.add(m.entry.id);
    }
    const unmatched = catalogue.entries.map((e) => e.id).filter((id) => !matched.has(id));
    expect(unmatched).toEqual([]);
  });

  it('has at least one entry for every category of SPEC §4', () => {
    const covered = new Set(catalogue.entries.map((e) => e.category));
    expect(categories.filter((c) => !covered.has(c))).toEqual([]);
  });

  it('names the source of every sample in SOURCES.md', () => {
    const sources = readFileSync(join(fixtureDir, 'SOURCES.md'), 'utf8');
    const missing = samples.map((s) => s.file).filter((file) => !sources.includes(`| ${file} |`));
    expect(missing).toEqual([]);
  });

  it.each(cleanFiles())('finds nothing in the clean log %s', (file) => {
    expect(diagnoseText(readLines(join(fixtureDir, file)), { lang: 'en', catalogue })).toEqual([]);
  });
});

describe.skipIf(!haveSharedSamples)('the catalogue on ../shared/samples/real', () => {
  it.each([
    'vagrant-up-mr-govagrant.log',
    'vagrant-up-plain-multi-ansible-local.log',
    'vagrant-up-mr-phing-multi.log',
    'vagrant-up-plain-multi-shell-k8s.log',
    'vagrant-reload-mr-phing-multi.log',
    'vagrant-status-mr-phing-running.log',
    'gluster-peer-status-xml-3peers.xml',
  ])('finds nothing in the successful run %s', (file) => {
    expect(diagnoseText(readLines(join(sharedSamplesDir, file)), { lang: 'en', catalogue })).toEqual([]);
  });

  it.each([
    ['kubectl-describe-pvc-glusterfs-provisioningfailed-ocne.txt', 'k8s-provision-failed-opaque'],
    ['kubectl-describe-pvc-glusterfs-provisioningfailed-gk367.txt', 'k8s-provision-failed-opaque'],
    ['vagrant-up-ansible-local-not-found-vagrant7166.txt', 'ansible-local-not-installed'],
    ['gluster-peer-status-xml-disconnected-rejected.xml', 'gluster-peer-rejected'],
  ])('names %s as %s', (file, id) => {
    const findings = diagnoseText(readLines(join(sharedSamplesDir, file)), { lang: 'en', catalogue });
    expect(findings[0]?.id).toBe(id);
  });
});

if (!haveSharedSamples) console.warn(`skipping shared-sample checks: ${sharedSamplesDir} is absent`);
