import { diagnoseText } from '../diagnosis/scan-log.js';
import type { Lang } from '../i18n/define.js';
import type { DoctorFinding, LayerName } from './doctor-types.js';

/**
 * The one place doctor asks the known-issue catalogue: lines a tool printed (stderr,
 * event messages, a pod's log) → the catalogue's findings for them, most likely first.
 * An empty list means the catalogue does not know the cause; the caller then reports
 * the lines themselves.
 */
export function catalogueFindings(lines: readonly string[], layer: LayerName, lang: Lang): DoctorFinding[] {
  if (lines.length === 0) return [];
  return diagnoseText(lines, { lang }).map((f) => ({
    id: f.id,
    layer,
    category: f.category,
    severity: 'error',
    title: f.title,
    explanation: f.explanation,
    fix: f.fix,
    links: f.links,
    evidence: f.evidence,
  }));
}

/** A doctor finding of its own (no catalogue entry applies): what, why, what to do. */
export function ownFinding(
  layer: LayerName,
  id: string,
  text: { title: string; explanation: string; fix: string },
  evidence: string[] = [],
  extra: Partial<Pick<DoctorFinding, 'category' | 'severity' | 'links'>> = {},
): DoctorFinding {
  return { id: `doctor.${id}`, layer, severity: 'error', links: [], ...extra, ...text, evidence };
}

/** The last lines of a tool's error output, for evidence. */
export function tailLines(text: string, count = 8): string[] {
  return text
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l.trim().length > 0)
    .slice(-count);
}
