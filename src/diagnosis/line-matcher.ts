import { checkedLineLimit, checkHolds } from './entry-checks.js';
import type { Catalogue, CatalogueEntry } from './load-catalogue.js';

/** How many evidence lines a finding keeps, and how long each may be. */
export const evidenceLimit = 3;
const evidenceWidth = 300;
/**
 * Only the head of a very long line is matched here; a reader of a long stream hands such a
 * line on in overlapping pieces of this width (scan-log.ts), so that every part is matched.
 */
export const matchWidth = 4096;

export interface EntryMatch {
  entry: CatalogueEntry;
  /** Lines that matched any of the entry's patterns. */
  count: number;
  /** Index of the first matching line, for ordering ties. */
  firstLine: number;
  evidence: string[];
}

/** ESC: Vagrant's progress output and kubectl's colour codes start with it. */
const esc = String.fromCharCode(27);
/** A colour or cursor code, which would otherwise show in evidence and stand between a `^` anchor and the text. */
const ansi = new RegExp(`${esc}\\[[0-9;?]*[A-Za-z]`, 'g');

/** The line as a reader sees it: no colour codes, no carriage returns (Windows line ends, progress bars). */
function plain(line: string): string {
  const text = line.includes(esc) ? line.replace(ansi, '') : line;
  return text.includes('\r') ? text.replace(/\r/g, ' ') : text;
}

/** The line as evidence: at most evidenceWidth characters, around the match when the line is longer. */
function tidy(line: string, at = 0): string {
  const text = plain(line).trim();
  if (text.length <= evidenceWidth) return text;
  const from = Math.max(0, Math.min(at - evidenceWidth / 3, text.length - evidenceWidth + 2));
  const piece = text.slice(Math.floor(from), Math.floor(from) + evidenceWidth - 2);
  return `${from > 0 ? '…' : ''}${piece}${from + piece.length < text.length ? '…' : ''}`;
}

/**
 * Matches lines one at a time against the catalogue, keeping only a count and a few
 * evidence lines per entry, and for entries with `requires`/`unless` the first context
 * line and whether a veto was seen: memory stays bounded whatever the input size.
 */
export class LineMatcher {
  private readonly matches = new Map<string, EntryMatch>();
  /** First line that satisfied an entry's `requires`, by entry id. */
  private readonly context = new Map<string, string>();
  /** Entries an `unless` line has ruled out. */
  private readonly vetoed = new Set<string>();
  /** The first matched lines of entries with a `check`, for it to read. */
  private readonly checked = new Map<string, string[]>();
  private readonly contextual: CatalogueEntry[];
  private lineNo = 0;
  /** The line each entry was last counted on: a long line's pieces count once. */
  private readonly countedOn = new Map<string, number>();
  /** A cheap first test: most log lines match no pattern at all. */
  private readonly anyPattern: RegExp;

  constructor(private readonly catalogue: Catalogue) {
    const sources = catalogue.entries.flatMap((e) => [...e.patterns, ...(e.requires ?? []), ...(e.unless ?? [])]);
    this.anyPattern = new RegExp(sources.map((p) => `(?:${p})`).join('|'), 'i');
    this.contextual = catalogue.entries.filter((e) => e.requiresRegexes.length > 0 || e.unlessRegexes.length > 0);
  }

  /** One line, or with `continued` one more piece of the line pushed last (LineSplitter's pieces). */
  push(line: string, continued = false): void {
    const index = continued && this.lineNo > 0 ? this.lineNo - 1 : this.lineNo++;
    const head = plain(line.length > matchWidth ? line.slice(0, matchWidth) : line);
    if (!this.anyPattern.test(head)) return;
    for (const entry of this.catalogue.entries) {
      const at = firstMatch(entry.regexes, head);
      if (at === undefined) continue;
      this.record(entry, index, head, at);
    }
    for (const entry of this.contextual) {
      if (entry.unlessRegexes.some((re) => re.test(head))) this.vetoed.add(entry.id);
      if (!this.context.has(entry.id) && entry.requiresRegexes.some((re) => re.test(head))) this.context.set(entry.id, tidy(line));
    }
  }

  private record(entry: CatalogueEntry, index: number, line: string, at: number): void {
    let match = this.matches.get(entry.id);
    if (!match) {
      match = { entry, count: 0, firstLine: index, evidence: [] };
      this.matches.set(entry.id, match);
    }
    if (this.countedOn.get(entry.id) === index) return;
    this.countedOn.set(entry.id, index);
    match.count++;
    const text = tidy(line, at);
    if (entry.check) {
      const lines = this.checked.get(entry.id) ?? [];
      if (lines.length < checkedLineLimit) lines.push(text);
      this.checked.set(entry.id, lines);
    }
    if (match.evidence.length < evidenceLimit && !match.evidence.includes(text)) match.evidence.push(text);
  }

  /**
   * Every entry that matched enough lines and whose context holds, in catalogue order (not
   * ranked). An entry that needed context shows the deciding line as its last evidence.
   */
  results(): EntryMatch[] {
    const out: EntryMatch[] = [];
    for (const entry of this.catalogue.entries) {
      const match = this.matches.get(entry.id);
      if (!match || match.count < entry.minMatches || this.vetoed.has(entry.id)) continue;
      if (!checkHolds(entry.check, this.checked.get(entry.id) ?? [])) continue;
      if (entry.requiresRegexes.length === 0) {
        out.push(match);
        continue;
      }
      const deciding = this.context.get(entry.id);
      if (deciding === undefined) continue;
      const evidence = match.evidence.includes(deciding) ? match.evidence : [...match.evidence.slice(0, evidenceLimit - 1), deciding];
      out.push({ ...match, evidence });
    }
    return out;
  }
}

/** Where the first of `regexes` that matches `text` matches, or undefined. */
function firstMatch(regexes: readonly RegExp[], text: string): number | undefined {
  for (const re of regexes) {
    const found = re.exec(text);
    if (found) return found.index;
  }
  return undefined;
}
