import { padColumns } from '../text/text-width.js';
import type { DoctorT } from './doctor-context.js';
import type { DoctorFinding, LayerResult, LayerStatus } from './doctor-types.js';

const statusMark: Record<LayerStatus, string> = { ok: '✓', failed: '✗', warning: '!', skipped: '-' };

/** "✓ VMs                  4 of 4 running" — titles padded to `width`. */
export function formatLayerRow(title: string, result: LayerResult, width: number): string {
  return `${statusMark[result.status]} ${padColumns(title, width)}  ${result.summary}`;
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
