import type { Catalogue, CatalogueEntry } from './load-catalogue.js';

/** How many evidence lines a finding keeps, and how long each may be. */
const evidenceLimit = 3;
const evidenceWidth = 300;
/** Only the head of a very long line is matched: error messages start early. */
const matchWidth = 4096;

export interface EntryMatch {
  entry: CatalogueEntry;
  /** Lines that matched any of the entry's patterns. */
  count: number;
  /** Index of the first matching line, for ordering ties. */
  firstLine: number;
  evidence: string[];
}

// Vagrant's progress output and kubectl's colour codes would otherwise show up in evidence.
const ansi = /\x1b\[[0-9;?]*[A-Za-z]/g;

function tidy(line: string): string {
  const plain = line.replace(ansi, '').replace(/\r/g, ' ').trim();
  return plain.length > evidenceWidth ? `${plain.slice(0, evidenceWidth - 1)}…` : plain;
}

/**
 * Matches lines one at a time against the catalogue, keeping only a count and a few
 * evidence lines per entry: memory stays bounded whatever the input size.
 */
export class LineMatcher {
  private readonly matches = new Map<string, EntryMatch>();
  private lineNo = 0;
  /** A cheap first test: most log lines match no pattern at all. */
  private readonly anyPattern: RegExp;

  constructor(private readonly catalogue: Catalogue) {
    this.anyPattern = new RegExp(catalogue.entries.flatMap((e) => e.patterns.map((p) => `(?:${p})`)).join('|'), 'i');
  }

  push(line: string): void {
    const index = this.lineNo++;
    const head = line.length > matchWidth ? line.slice(0, matchWidth) : line;
    if (!this.anyPattern.test(head)) return;
    for (const entry of this.catalogue.entries) {
      if (!entry.regexes.some((re) => re.test(head))) continue;
      this.record(entry, index, line);
    }
  }

  private record(entry: CatalogueEntry, index: number, line: string): void {
    let match = this.matches.get(entry.id);
    if (!match) {
      match = { entry, count: 0, firstLine: index, evidence: [] };
      this.matches.set(entry.id, match);
    }
    match.count++;
    const text = tidy(line);
    if (match.evidence.length < evidenceLimit && !match.evidence.includes(text)) match.evidence.push(text);
  }

  /** Every entry that matched enough lines, in catalogue order (not ranked). */
  results(): EntryMatch[] {
    return this.catalogue.entries
      .map((entry) => this.matches.get(entry.id))
      .filter((m): m is EntryMatch => m !== undefined && m.count >= m.entry.minMatches);
  }
}
