import { translator, type Lang } from '../i18n/define.js';
import { diagnosisMessages } from '../i18n/diagnosis-messages.js';
import type { Finding } from './finding.js';

/** The findings as plain text for a terminal or a pipe; `source` names what was read. */
export function renderFindings(findings: Finding[], lang: Lang, source: string): string {
  const t = translator(diagnosisMessages, lang);
  if (findings.length === 0) return `${t('nothingMatched', { source })}\n`;
  const blocks = findings.map((f, i) => {
    const lines = [`${i + 1}. ${f.title}  [${f.id}]`, `   ${f.explanation}`, `   ${t('fixLabel')} ${f.fix}`];
    if (f.evidence.length > 0) lines.push(`   ${t('evidenceLabel')}`, ...f.evidence.map((e) => `     > ${e}`));
    if (f.links.length > 0) lines.push(`   ${t('linksLabel')} ${f.links.join('  ')}`);
    return lines.join('\n');
  });
  return `${t('heading', { count: findings.length, source })}\n\n${blocks.join('\n\n')}\n`;
}

/**
 * Exactly the `--json` shape of SPEC §4: `{"findings":[{id,category,title,fix,evidence}]}`,
 * with `"unread":{"reason","bytesRead"}` when a limit stopped the reading before the end.
 */
export function findingsJson(findings: Finding[], unread?: { reason: 'size' | 'time'; bytesRead: number }): string {
  const slim = findings.map(({ id, category, title, fix, evidence }) => ({ id, category, title, fix, evidence }));
  return `${JSON.stringify(unread ? { findings: slim, unread } : { findings: slim })}\n`;
}
