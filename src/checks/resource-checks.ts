import type { CheckResult } from './check-result.js';
import type { CheckText } from './check-text.js';
import { gigabytes, type LabNeeds } from './lab-needs.js';
import type { Outcome } from './outcome.js';
import { shortReason } from '../tools/short-reason.js';

const GIB = 1024 ** 3;
/** Host OS, VirtualBox and a terminal need about this much beside the VMs. */
const memoryHeadroomBytes = 2 * GIB;
const recommendedMemoryBytes = 8 * GIB;
/**
 * An "8 GB" computer reports less (firmware and integrated graphics reserve some), e.g.
 * 7.7 GB: accept 90 % of the recommendation so such a machine is not warned about.
 */
const reportedShare = 0.9;

export interface MemoryFacts {
  totalBytes: number;
  /** Available now (Node's freemem: MemAvailable on Linux). */
  freeBytes: number;
}

export function memoryCheck(facts: MemoryFacts, needs: LabNeeds, { t }: CheckText): CheckResult {
  const id = 'memory';
  const total = gigabytes(facts.totalBytes);
  const need = gigabytes(needs.memoryBytes);
  const recommendedBytes = Math.max(recommendedMemoryBytes, needs.memoryBytes + memoryHeadroomBytes);
  const recommended = gigabytes(recommendedBytes);
  const found = t('memoryFound', { total, free: gigabytes(facts.freeBytes) });
  if (facts.totalBytes < needs.memoryBytes + memoryHeadroomBytes) {
    return {
      id,
      status: 'failure',
      found,
      message: t('memoryTooLow', { vms: needs.vms, need, headroom: gigabytes(memoryHeadroomBytes), total }),
      fix: t('memoryTooLowFix', { recommended }),
    };
  }
  if (facts.totalBytes < recommendedBytes * reportedShare) {
    return { id, status: 'warning', found, message: t('memoryBelowRecommended', { total, recommended, need }), fix: t('memoryBelowRecommendedFix') };
  }
  if (facts.freeBytes < needs.memoryBytes) {
    return { id, status: 'warning', found, message: t('memoryBusy', { free: gigabytes(facts.freeBytes), need }), fix: t('memoryBusyFix') };
  }
  return { id, status: 'ok', found, message: t('memoryOk', { vms: needs.vms, need, total }), fix: '' };
}

/** Free space where the lab lives (VM disks and data disks are created under it). */
export function diskCheck(free: Outcome<number>, dir: string, needs: LabNeeds, { t }: CheckText): CheckResult {
  const id = 'disk';
  const need = gigabytes(needs.minimumDiskBytes);
  if (!free.ok) return { id, status: 'warning', found: '', message: t('diskUnknown', { dir, reason: shortReason(free.error) }), fix: t('diskUnknownFix', { need }) };
  const freeText = gigabytes(free.value);
  const data = gigabytes(needs.dataDiskBytes);
  const found = t('diskFound', { free: freeText });
  if (free.value < needs.minimumDiskBytes) {
    return { id, status: 'failure', found, message: t('diskTooLow', { free: freeText, dir, need }), fix: t('diskTooLowFix') };
  }
  if (free.value < needs.minimumDiskBytes + needs.dataDiskBytes) {
    return { id, status: 'warning', found, message: t('diskTight', { free: freeText, dir, need, count: needs.dataDisks, data }), fix: t('diskTightFix') };
  }
  return { id, status: 'ok', found, message: t('diskOk', { free: freeText, dir, need, data }), fix: '' };
}

/** VirtualBox lets VMs share cores, so too few cores is slow, not broken: a warning. */
export function cpuCheck(count: number, needs: LabNeeds, { t }: CheckText): CheckResult {
  const found = t('cpuFound', { count });
  if (count < needs.cpus) return { id: 'cpu', status: 'warning', found, message: t('cpuFew', { count, need: needs.cpus }), fix: t('cpuFewFix') };
  return { id: 'cpu', status: 'ok', found, message: t('cpuOk', { count, need: needs.cpus }), fix: '' };
}
