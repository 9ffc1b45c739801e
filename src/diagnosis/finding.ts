import type { Lang } from '../i18n/define.js';
import type { Category } from './categories.js';
import type { HostOs } from './host-os.js';
import type { EntryMatch } from './line-matcher.js';

/** One diagnosis, in the reader's language, with the fix for their OS. */
export interface Finding {
  id: string;
  category: Category;
  title: string;
  explanation: string;
  fix: string;
  links: string[];
  evidence: string[];
}

export function toFinding(match: EntryMatch, lang: Lang, os: HostOs): Finding {
  const { entry } = match;
  // The schema guarantees `all` or all three OS texts, so one of them is present.
  const fix = entry.fix[os] ?? entry.fix.all;
  return {
    id: entry.id,
    category: entry.category,
    title: entry.title[lang],
    explanation: entry.explanation[lang],
    fix: fix ? fix[lang] : '',
    links: entry.links,
    evidence: match.evidence,
  };
}
