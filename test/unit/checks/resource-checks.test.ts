import { describe, expect, it } from 'vitest';
import { checkText } from '../../../src/checks/check-text.js';
import { labNeeds } from '../../../src/checks/lab-needs.js';
import { errorOutcome, okOutcome } from '../../../src/checks/outcome.js';
import { cpuCheck, diskCheck, memoryCheck } from '../../../src/checks/resource-checks.js';
import { defaultLabConfig } from '../../../src/lab/defaults.js';
import { stringContaining } from '../../string-containing.js';

const GIB = 1024 ** 3;
const en = checkText('en', 'linux');
const needs = labNeeds(defaultLabConfig);

describe('memory', () => {
  it('fails when the VMs plus headroom do not fit', () => {
    const result = memoryCheck({ totalBytes: 4 * GIB, freeBytes: 3 * GIB }, needs, en);
    expect(result).toMatchObject({ status: 'failure', found: '4 GB, 3 GB free' });
    expect(result.message).toBe("The lab's 4 VMs need 4 GB plus about 2 GB for your system, but this computer has 4 GB.");
    expect(result.fix).toContain('8 GB or more');
  });

  it('warns below 8 GB, but not for an "8 GB" laptop that reports 7.7', () => {
    expect(memoryCheck({ totalBytes: 6.5 * GIB, freeBytes: 5 * GIB }, needs, en)).toMatchObject({ status: 'warning', message: stringContaining('6.5 GB is less than the recommended 8 GB') });
    expect(memoryCheck({ totalBytes: 7.7 * GIB, freeBytes: 5 * GIB }, needs, en).status).toBe('ok');
  });

  it('warns when too little is free right now', () => {
    expect(memoryCheck({ totalBytes: 16 * GIB, freeBytes: 2.5 * GIB }, needs, en)).toMatchObject({ status: 'warning', message: 'Only 2.5 GB is free now and the VMs need 4 GB.' });
  });

  it('follows the lab config: bigger VMs need more', () => {
    const big = labNeeds({ ...defaultLabConfig, machines: defaultLabConfig.machines.map((m) => ({ ...m, memory_mb: 4096 })) });
    expect(memoryCheck({ totalBytes: 16 * GIB, freeBytes: 15 * GIB }, big, en).status).toBe('failure');
  });
});

describe('disk', () => {
  it('fails below the VMs minimum, warns below full data disks, else ok', () => {
    expect(diskCheck(okOutcome(3 * GIB), '/home/u/lab', needs, en)).toMatchObject({ status: 'failure', message: '3 GB free in /home/u/lab, but the VMs need at least 8 GB.' });
    expect(diskCheck(okOutcome(20 * GIB), '/home/u/lab', needs, en)).toMatchObject({
      status: 'warning',
      message: '20 GB free in /home/u/lab: enough to start (8 GB), but the 3 data disks can grow to 96 GB as volumes fill.',
    });
    expect(diskCheck(okOutcome(120 * GIB), '/home/u/lab', needs, en)).toMatchObject({ status: 'ok', found: '120 GB free' });
  });

  it('warns when the free space cannot be read', () => {
    expect(diskCheck(errorOutcome(new Error('ENOENT: no such file')), '/x', needs, en)).toMatchObject({ status: 'warning', message: 'Could not read the free space of /x (ENOENT: no such file).' });
  });
});

describe('cpu', () => {
  it('warns when the VMs ask for more virtual CPUs than there are cores', () => {
    expect(cpuCheck(2, needs, en)).toMatchObject({ status: 'warning', found: '2 cores' });
    expect(cpuCheck(4, needs, en)).toMatchObject({ status: 'ok', message: "4 cores for the lab's 4 virtual CPUs." });
    expect(cpuCheck(2, needs, checkText('ja', 'linux')).message).toBe('VM は仮想 CPU を 4 個使いますが、このコンピューターは 2 コアです。共有するため動作が遅くなります。');
  });
});
