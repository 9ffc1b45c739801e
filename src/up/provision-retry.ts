import { readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { makeDir, writeFileAtomic } from '../lab/atomic-write.js';
import { labFiles } from '../lab/lab-files.js';
import type { BringupState } from './bringup-reducer.js';

/** The VMs the last `up` left with failed provisioning (empty when none or unknown). */
export async function readProvisionFailed(labDir: string): Promise<string[]> {
  try {
    const names: unknown = JSON.parse(await readFile(join(labDir, labFiles.provisionFailed), 'utf8'));
    return Array.isArray(names) ? names.filter((n): n is string => typeof n === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * Records which VMs failed while provisioning, so that the next `up` provisions again; a
 * bring-up that ended well clears the record. An interrupted one leaves it as it was.
 */
export async function recordProvisionOutcome(labDir: string, state: BringupState): Promise<void> {
  const file = join(labDir, labFiles.provisionFailed);
  if (state.outcome === 'ok') {
    await rm(file, { force: true });
    return;
  }
  if (state.outcome !== 'failed') return;
  const failed = state.order.filter((name) => state.vms[name]?.failedIn === 'provisioning');
  if (failed.length === 0) return;
  await makeDir(dirname(file));
  await writeFileAtomic(file, `${JSON.stringify(failed)}\n`);
}
