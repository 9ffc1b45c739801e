import * as z from 'zod';
import { categories } from './categories.js';

/** One sentence in both languages. */
const bilingual = z.object({ en: z.string().min(1), ja: z.string().min(1) }).strict();

/**
 * The fix: `all` for every OS, or one per OS where the steps differ. Every OS must
 * resolve to a text (checked below), so no user is left without a fix.
 */
const fixSchema = z
  .object({
    all: bilingual.optional(),
    windows: bilingual.optional(),
    macos: bilingual.optional(),
    linux: bilingual.optional(),
  })
  .strict()
  .refine((fix) => fix.all !== undefined || (fix.windows && fix.macos && fix.linux), {
    message: 'fix needs `all` or all three of windows/macos/linux',
  });

/** A pattern must compile; it is matched case-insensitively against one line at a time. */
const patternSchema = z.string().min(1).refine(
  (source) => {
    try {
      new RegExp(source, 'i');
      return true;
    } catch {
      return false;
    }
  },
  { message: 'not a valid regular expression' },
);

const entrySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'id must be kebab-case'),
    category: z.enum(categories),
    patterns: z.array(patternSchema).min(1),
    /**
     * `cause` names the root cause; `symptom` only restates that something failed
     * (e.g. "provider isn't usable") and is shown only when no cause matched.
     */
    role: z.enum(['cause', 'symptom']).default('cause'),
    /** Higher wins among causes: the more specific wording outranks the general one. */
    priority: z.number().int().min(0).max(100).default(50),
    /** The entry counts only when its patterns matched at least this many lines. */
    minMatches: z.number().int().min(1).default(1),
    /**
     * The evidence that decides between two plausible causes of the same line: the entry counts
     * only when some line of the log (before or after) also matches one of these, and that line
     * is shown with the evidence. ("not set up to build kernel modules" is the guest's problem
     * when "Guest Additions" is in the log, the host's otherwise.)
     */
    requires: z.array(patternSchema).min(1).optional(),
    /** The entry is dropped when any line of the log matches one of these (a later success, the other cause's context). */
    unless: z.array(patternSchema).min(1).optional(),
    /**
     * A comparison no pattern can make, run on the entry's matched lines (entry-checks.ts):
     * `vagrant-too-old-for-virtualbox` keeps the entry only when the Vagrant and VirtualBox
     * versions the log names do not fit together.
     */
    check: z.enum(['vagrant-too-old-for-virtualbox']).optional(),
    title: bilingual,
    explanation: bilingual,
    fix: fixSchema,
    links: z.array(z.url()).default([]),
  })
  .strict();

export const categoryFileSchema = z.array(entrySchema).min(1);

export type CatalogueEntryData = z.infer<typeof entrySchema>;
