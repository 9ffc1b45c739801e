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

/** Display width: East Asian wide characters (the Japanese headers) take two columns. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(char) ? 2 : 1;
  return width;
}

/** Rows padded into columns two spaces apart, like kubectl's tables; the last column is not padded. */
export function alignColumns(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell))));
  return rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - displayWidth(cell))))
      .join('  ')
      .trimEnd(),
  );
}
