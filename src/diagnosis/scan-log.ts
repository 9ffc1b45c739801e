import { createReadStream } from 'node:fs';
import type { Lang } from '../i18n/define.js';
import { LineSplitter } from '../tools/line-splitter.js';
import type { CatalogueVars } from './catalogue-vars.js';
import { toFinding, type Finding } from './finding.js';
import { hostOs, type HostOs } from '../host/host-os.js';
import { LineMatcher, type EntryMatch } from './line-matcher.js';
import { loadCatalogue, type Catalogue } from './load-catalogue.js';
import { rankMatches } from './rank-matches.js';

export interface DiagnoseOptions {
  lang: Lang;
  /** The host family whose fix is shown; defaults to this machine's. */
  os?: HostOs;
  /** Defaults to the shipped catalogue. */
  catalogue?: Catalogue;
  /**
   * Values for the catalogue's placeholders, from the lab the caller knows (`labVars(config)`
   * or `await labVarsAt(ctx.labDir)`). Without them — no lab known — `{labRange}` reads as the
   * default lab's 172.20.1.0/24 (catalogue-vars.ts `fallbackVars`).
   */
  vars?: Partial<CatalogueVars>;
}

function finish(matcher: LineMatcher, options: DiagnoseOptions): Finding[] {
  const os = options.os ?? hostOs(process.platform);
  return rankMatches(matcher.results()).map((match) => toFinding(match, options.lang, os, options.vars));
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
  return (await diagnoseInput(readable, options)).findings;
}

export interface InputDiagnosis {
  findings: Finding[];
  /** Lines holding more than white space: 0 means the input was empty (nothing pasted, or stdout piped without 2>&1). */
  textLines: number;
}

/** diagnoseStream, also telling whether there was anything to read. */
export async function diagnoseInput(readable: NodeJS.ReadableStream, options: DiagnoseOptions): Promise<InputDiagnosis> {
  const matcher = new LineMatcher(options.catalogue ?? loadCatalogue());
  let textLines = 0;
  const splitter = new LineSplitter((line) => {
    if (line.trim() !== '') textLines++;
    matcher.push(line);
  });
  for await (const chunk of readable) splitter.push(chunk);
  splitter.end();
  return { findings: finish(matcher, options), textLines };
}

/** Diagnoses a file by path; rejects with the fs error (ENOENT, EACCES, EISDIR) when unreadable. */
export function diagnoseFile(path: string, options: DiagnoseOptions): Promise<Finding[]> {
  return diagnoseStream(createReadStream(path), options);
}
