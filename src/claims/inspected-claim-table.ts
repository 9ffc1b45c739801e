import type { Translate } from '../i18n/define.js';
import { alignColumns, displayWidth } from '../text/text-width.js';
import type { repairMessages } from '../i18n/repair-messages.js';
import type { InspectedClaim } from './claim-suspicion.js';

type T = Translate<keyof typeof repairMessages.en>;

/** "1000", "root", "image default" for each distinct user among the claim's pods. */
function claimUsers(claim: InspectedClaim, t: T): string {
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

/**
 * The columns cut to fit a narrow terminal, in this order: PODS (grows with the cluster),
 * then RUNS AS. The claim's name, status and verdict are never cut.
 */
const shrinkable = [4, 5];
const minCut = 8;

/**
 * The table (header first) laid out to fit `maxWidth` terminal columns: the PODS cells, then
 * the RUNS AS cells, are cut with "…" as far as needed (never below 8 columns). A row wider
 * than the terminal wraps, and a wrapped row in a scrolling list loses its first lines —
 * the header showed only "PROBLEM". Without a width (not a terminal) nothing is cut.
 */
export function fitClaimTable(table: readonly (readonly string[])[], maxWidth: number | undefined, gap = 2): string[] {
  let cells = table;
  for (const column of shrinkable) {
    const excess = Math.max(0, ...alignColumns(cells, gap).map(displayWidth)) - (maxWidth ?? Infinity);
    if (excess <= 0) break;
    const width = Math.max(0, ...cells.map((row) => displayWidth(row[column] ?? '')));
    const limit = Math.max(minCut, width - excess);
    cells = cells.map((row) => row.map((cell, i) => (i === column ? cutToWidth(cell, limit) : cell)));
  }
  return alignColumns(cells, gap);
}

/** `text` cut to at most `width` columns, ending in "…" when cut. */
export function cutToWidth(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  for (const ch of text) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out}…`;
}
