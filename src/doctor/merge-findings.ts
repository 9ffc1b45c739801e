import type { DoctorFinding } from './doctor-types.js';

/**
 * One finding per cause: the same catalogue entry found for several objects becomes one
 * finding whose evidence names each object, so a cause is reported once.
 */
export function mergeFindings(tagged: readonly { subject: string; finding: DoctorFinding }[]): DoctorFinding[] {
  const byId = new Map<string, DoctorFinding>();
  for (const { subject, finding } of tagged) {
    const lines = finding.evidence.map((line) => `${subject}: ${line}`);
    const seen = byId.get(finding.id);
    if (seen) seen.evidence.push(...lines.filter((l) => !seen.evidence.includes(l)));
    else byId.set(finding.id, { ...finding, evidence: lines });
  }
  return [...byId.values()];
}
