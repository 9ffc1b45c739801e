import type { EntryMatch } from './line-matcher.js';

/**
 * Most likely first. The rule:
 * 1. Root causes before symptoms, and a symptom (a generic "provider isn't usable",
 *    "failed to provision", "mount failed") is dropped when any cause matched, so the
 *    finding names the root cause, not the restatement.
 * 2. Among causes, higher `priority` first: the catalogue gives the more specific
 *    wording a higher priority (Hyper-V's NEM fallback over a bare "VT-x is not
 *    available"; "excluded by a filter" over "already initialized or contains data").
 * 3. Then the entry with more matching lines, then the one seen first.
 */
export function rankMatches(matches: EntryMatch[]): EntryMatch[] {
  const causes = matches.filter((m) => m.entry.role === 'cause');
  const kept = causes.length > 0 ? causes : matches;
  return [...kept].sort(
    (a, b) => b.entry.priority - a.entry.priority || b.count - a.count || a.firstLine - b.firstLine,
  );
}
