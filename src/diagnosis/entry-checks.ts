import type { CatalogueEntryData } from './catalogue-schema.js';
import { vagrantTooOldForVirtualBox } from './vagrant-virtualbox-support.js';

/** How many matched lines an entry with a `check` keeps for it. */
export const checkedLineLimit = 20;

type Check = NonNullable<CatalogueEntryData['check']>;

const checks: Record<Check, (lines: readonly string[]) => boolean> = {
  'vagrant-too-old-for-virtualbox': vagrantTooOldForVirtualBox,
};

/** Whether the entry's `check` (if any) holds on the lines it matched. */
export function checkHolds(check: Check | undefined, lines: readonly string[]): boolean {
  return check === undefined || checks[check](lines);
}
