import { columnCells } from '../text/cell-lines.js';
import type { DoctorT } from './doctor-context.js';
import type { DoctorFinding, LayerResult, LayerStatus } from './doctor-types.js';

const statusMark: Record<LayerStatus, string> = { ok: '✓', failed: '✗', warning: '!', skipped: '-' };

/**
 * "✓ VMs                  4 of 4 running" — titles padded to `width`. In a terminal
 * `columns` wide, title and summary each wrap inside their own column; without a width
 * (a pipe, a log) the row is one line.
 */
export function formatLayerRow(title: string, result: LayerResult, width: number, columns?: number): string[] {
  return layerRowLines(statusMark[result.status], title, result.summary, width, columns);
}

/** A layer's row as lines: mark, title column, summary column (shared by the live screen). */
function layerRowLines(mark: string, title: string, summary: string, width: number, columns?: number): string[] {
  return layerRowCells(mark, title, summary, width, columns).map(([m = '', t = '', s = '']) => `${m} ${t}  ${s}`.trimEnd());
}

/** The same row cell by cell ([mark, title, summary] per line), for a screen that colours each. */
export function layerRowCells(mark: string, title: string, summary: string, width: number, columns?: number): string[][] {
  if (columns === undefined) return columnCells([mark, title, summary], [1, width, Infinity]);
  // The summary keeps at least half of what is left after the mark; titles wrap first.
  const room = Math.max(8, columns - 2 - 2);
  const titleWidth = Math.min(width, Math.max(4, Math.floor(room / 2)));
  return columnCells([mark, title, summary], [1, titleWidth, room - titleWidth]);
}

/** One finding as a block: title, what is wrong, what to do, evidence, links. */
function formatFinding(finding: DoctorFinding, index: number, t: DoctorT): string[] {
  const lines = [`${index}. [${finding.layer}] ${finding.title}`, `   ${t('findingWhat', { text: finding.explanation })}`, `   ${t('findingFix', { text: finding.fix })}`];
  if (finding.evidence.length > 0) {
    lines.push(`   ${t('findingEvidence')}`);
    for (const line of finding.evidence.slice(0, 8)) lines.push(`     | ${line}`);
  }
  if (finding.links.length > 0) lines.push(`   ${t('findingLinks', { links: finding.links.join(' ') })}`);
  return lines;
}

/** Everything after the layer rows: the findings, or the sentence that says all is well. */
export function formatFindings(findings: readonly DoctorFinding[], t: DoctorT): string[] {
  if (findings.length === 0) return [t('healthy')];
  return [t('findingsHeading', { count: findings.length }), ...findings.flatMap((f, i) => ['', ...formatFinding(f, i + 1, t)])];
}
