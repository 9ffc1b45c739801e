import { categoryStage } from './category-stages.js';
import type { EntryMatch } from './line-matcher.js';

/**
 * A cause this weak (a generic "Transport endpoint is not connected") names no root cause on
 * its own, so it never pushes a later, specific failure down.
 */
const explainsFrom = 50;

/** `a` explains `b`: an earlier stage of the bring-up, and earlier in the log. */
function explains(a: EntryMatch, b: EntryMatch): boolean {
  return (
    a.entry.priority >= explainsFrom &&
    categoryStage[a.entry.category] < categoryStage[b.entry.category] &&
    a.firstLine < b.firstLine
  );
}

/**
 * Most likely first. The rule:
 * 1. Root causes before symptoms, and a symptom (a generic "provider isn't usable",
 *    "failed to provision", "mount failed") is dropped when any cause matched, so the
 *    finding names the root cause, not the restatement.
 * 2. A cause that another cause explains — one from an earlier stage of the bring-up that
 *    also came earlier in the log (category-stages.ts) — follows every cause nothing explains:
 *    the first failure in time that explains the rest comes first.
 * 3. Then higher `priority` first: the catalogue gives the more specific wording a higher
 *    priority (Hyper-V's NEM fallback over a bare "VT-x is not available"; "excluded by a
 *    filter" over "already initialized or contains data").
 * 4. Then the cause seen first, then the one with more matching lines.
 * The causes after the first stay in the list: they are the alternatives, each with the
 * evidence that names it.
 */
export function rankMatches(matches: EntryMatch[]): EntryMatch[] {
  const causes = matches.filter((m) => m.entry.role === 'cause');
  const kept = causes.length > 0 ? causes : matches;
  const explained = new Set(kept.filter((b) => kept.some((a) => a !== b && explains(a, b))));
  return [...kept].sort(
    (a, b) =>
      Number(explained.has(a)) - Number(explained.has(b)) ||
      b.entry.priority - a.entry.priority ||
      a.firstLine - b.firstLine ||
      b.count - a.count,
  );
}
