import { diagnoseText } from './scan-log.js';
import type { Finding } from './finding.js';
import { toFinding } from './finding.js';
import { hostOs } from '../host/host-os.js';
import { loadCatalogue } from './load-catalogue.js';
import type { Lang } from '../i18n/define.js';

/**
 * The one place `storage` asks the known-issue catalogue. A broken catalogue must never
 * hide the error being explained, so it yields no finding rather than a second failure.
 */
export function diagnoseLines(lines: readonly string[], lang: Lang): Finding[] {
  try {
    return diagnoseText(lines, { lang });
  } catch {
    return [];
  }
}

/** The catalogue entry for a failure whose cause the flow already knows (e.g. Heketi unreachable). */
export function knownFinding(id: string, lang: Lang, evidence: string[] = []): Finding[] {
  try {
    const entry = loadCatalogue().entries.find((e) => e.id === id);
    return entry ? [toFinding({ entry, count: 1, firstLine: 0, evidence }, lang, hostOs(process.platform))] : [];
  } catch {
    return [];
  }
}
