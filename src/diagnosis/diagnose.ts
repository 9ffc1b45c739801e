import { createReadStream } from 'node:fs';
import type { Lang } from '../i18n/define.js';
import { LineSplitter } from '../tools/line-splitter.js';
import { toFinding, type Finding } from './finding.js';
import { hostOs, type HostOs } from './host-os.js';
import { LineMatcher, type EntryMatch } from './line-matcher.js';
import { loadCatalogue, type Catalogue } from './load-catalogue.js';
import { rankMatches } from './rank-matches.js';

export interface DiagnoseOptions {
  lang: Lang;
  /** The host family whose fix is shown; defaults to this machine's. */
  os?: HostOs;
  /** Defaults to the shipped catalogue. */
  catalogue?: Catalogue;
}

function finish(matcher: LineMatcher, options: DiagnoseOptions): Finding[] {
  const os = options.os ?? hostOs(process.platform);
  return rankMatches(matcher.results()).map((match) => toFinding(match, options.lang, os));
}

/** Every entry that matched, unranked: for tests and coverage checks of the catalogue. */
export function matchAll(lines: Iterable<string>, catalogue: Catalogue = loadCatalogue()): EntryMatch[] {
  const matcher = new LineMatcher(catalogue);
  for (const line of lines) matcher.push(line);
  return matcher.results();
}

/**
 * Diagnoses lines already in memory (a tool's captured stderr, a pod's events).
 * Returns findings most likely first; an empty list when nothing is recognised.
 */
export function diagnoseText(lines: Iterable<string>, options: DiagnoseOptions): Finding[] {
  const matcher = new LineMatcher(options.catalogue ?? loadCatalogue());
  for (const line of lines) matcher.push(line);
  return finish(matcher, options);
}

/**
 * Diagnoses a byte stream (a log file, stdin) line by line without holding it:
 * memory is bounded by one line plus a few evidence lines per entry.
 */
export async function diagnoseStream(readable: NodeJS.ReadableStream, options: DiagnoseOptions): Promise<Finding[]> {
  const matcher = new LineMatcher(options.catalogue ?? loadCatalogue());
  const splitter = new LineSplitter((line) => matcher.push(line));
  for await (const chunk of readable) splitter.push(chunk as Uint8Array | string);
  splitter.end();
  return finish(matcher, options);
}

/** Diagnoses a file by path; rejects with the fs error (ENOENT, EACCES, EISDIR) when unreadable. */
export function diagnoseFile(path: string, options: DiagnoseOptions): Promise<Finding[]> {
  return diagnoseStream(createReadStream(path), options);
}
