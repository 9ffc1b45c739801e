import type { Translate } from '../i18n/define.js';
import type { repairMessages } from '../i18n/repair-messages.js';
import type { InspectedClaim } from './claim-suspicion.js';

type T = Translate<keyof typeof repairMessages.en>;

/** "1000", "root", "image default" for each distinct user among the claim's pods. */
export function claimUsers(claim: InspectedClaim, t: T): string {
  const ids = new Set(claim.pods.flatMap((p) => p.userIds));
  if (ids.size === 0) return t('noPods');
  return [...ids]
    .sort((a, b) => (a ?? -1) - (b ?? -1))
    .map((id) => (id === undefined ? t('userImage') : id === 0 ? t('userRoot') : String(id)))
    .join(', ');
}

/** The cells of one claim's row, in the header's order. */
export function claimCells(claim: InspectedClaim, t: T): string[] {
  return [
    claim.namespace,
    claim.name,
    claim.status,
    claim.capacity,
    claim.pods.length === 0 ? t('noPods') : claim.pods.map((p) => p.name).join(', '),
    claimUsers(claim, t),
    claim.suspected ? t('suspectedYes') : t('suspectedNo'),
  ];
}

export function claimHeader(t: T): string[] {
  return [t('colNamespace'), t('colName'), t('colStatus'), t('colCapacity'), t('colPods'), t('colUser'), t('colSuspected')];
}
