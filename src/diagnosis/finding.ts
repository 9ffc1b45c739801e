import type { Lang } from '../i18n/define.js';
import type { Category } from './categories.js';
import { fillCatalogueText, type CatalogueVars } from './catalogue-vars.js';
import type { HostOs } from '../host/host-os.js';
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

/** The finding in `lang` for `os`, with the catalogue's `{labRange}`-style placeholders filled from `vars` (fallbacks: catalogue-vars.ts). */
export function toFinding(match: EntryMatch, lang: Lang, os: HostOs, vars?: Partial<CatalogueVars>): Finding {
  const { entry } = match;
  // The schema guarantees `all` or all three OS texts, so one of them is present.
  const fix = entry.fix[os] ?? entry.fix.all;
  const fill = (text: string) => fillCatalogueText(text, vars);
  return {
    id: entry.id,
    category: entry.category,
    title: fill(entry.title[lang]),
    explanation: fill(entry.explanation[lang]),
    fix: fix ? fill(fix[lang]) : '',
    links: entry.links,
    evidence: match.evidence,
  };
}
