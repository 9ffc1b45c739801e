import { createReadStream } from 'node:fs';
import type { Lang } from '../i18n/define.js';
import { LineSplitter } from '../tools/line-splitter.js';
import type { CatalogueVars } from './catalogue-vars.js';
import { toFinding, type Finding } from './finding.js';
import { hostOs, type HostOs } from '../host/host-os.js';
import { LineMatcher, matchWidth, type EntryMatch } from './line-matcher.js';
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
   * original guide's network (catalogue-vars.ts `fallbackVars`, lab/defaults.ts `seedNetwork`).
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
  /** Bytes read (after a byte-order mark). */
  bytesRead: number;
  /** Why reading stopped before the input ended: the size or time limit, or a stop (Ctrl-C, SIGTERM). */
  stopped?: 'size' | 'time' | 'interrupted';
  /** A NUL byte near the start: not a log, nothing was matched. */
  binary?: boolean;
}

/** How much of one input `diagnose` reads (README "diagnose"): a log that explains a failure is far smaller. */
export const inputLimits = { maxBytes: 64 * 1024 * 1024, maxMs: 60_000 };

export interface InputOptions extends DiagnoseOptions {
  maxBytes?: number;
  maxMs?: number;
  /** Stops the reading (Ctrl-C): what was read so far is not diagnosed. */
  signal?: AbortSignal;
}

/** A phrase up to this long is whole in one of the overlapping pieces a long line is cut into. */
const pieceOverlap = 1024;
/** How far into the input a NUL byte means binary data (git looks as far). */
const binarySniff = 8000;

/**
 * diagnoseStream, also telling whether there was anything to read. Reading yields to the
 * event loop between chunks, so a signal or the time limit stops it even on an endless input
 * (/dev/zero, `yes`); past `maxBytes` or `maxMs` the rest is not read, and `stopped` says so.
 * A line of any length is matched in overlapping pieces. UTF-16 with a byte-order mark (a
 * log saved by Windows PowerShell) is read as text; other input with a NUL byte is not text.
 */
export async function diagnoseInput(readable: NodeJS.ReadableStream, options: InputOptions): Promise<InputDiagnosis> {
  const { maxBytes = inputLimits.maxBytes, maxMs = inputLimits.maxMs, signal } = options;
  const matcher = new LineMatcher(options.catalogue ?? loadCatalogue());
  let textLines = 0;
  const splitter = new LineSplitter(
    (line, continued) => {
      if (!continued && line.trim() !== '') textLines++;
      matcher.push(line, continued);
    },
    matchWidth,
    pieceOverlap,
  );
  const stream = readable as NodeJS.ReadableStream & { destroy?: () => void };
  let stopped: InputDiagnosis['stopped'];
  const stop = (why: NonNullable<InputDiagnosis['stopped']>) => {
    stopped ??= why;
    // Ends a read that waits for more input (a terminal, a pipe whose writer is silent).
    stream.destroy?.();
  };
  const timer = setTimeout(() => stop('time'), maxMs);
  const onAbort = () => stop('interrupted');
  if (signal?.aborted) onAbort();
  else signal?.addEventListener('abort', onAbort, { once: true });

  let decoder: TextDecoder | undefined;
  let bytesRead = 0;
  let sniffed = 0;
  let binary = false;
  try {
    for await (const chunk of stream) {
      if (stopped) break;
      let bytes: Uint8Array = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : (chunk);
      if (!decoder) {
        const bom = encodingOf(bytes);
        decoder = new TextDecoder(bom.encoding);
        bytes = bytes.subarray(bom.length);
      }
      if (sniffed < binarySniff && decoder.encoding === 'utf-8') {
        binary = bytes.subarray(0, binarySniff - sniffed).includes(0);
        sniffed += bytes.length;
        if (binary) break;
      }
      if (bytesRead + bytes.length > maxBytes) {
        bytes = bytes.subarray(0, maxBytes - bytesRead);
        stopped = 'size';
      }
      bytesRead += bytes.length;
      splitter.push(decoder.decode(bytes, { stream: true }));
      if (stopped) break;
      // Chunks that are already buffered arrive without a turn of the event loop: signals and
      // the timer get theirs here.
      await new Promise((resolve) => setImmediate(resolve));
    }
  } catch (error) {
    // Destroying the stream to stop it may end the loop with a premature-close error.
    if (!stopped) throw error;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
  if (binary) return { findings: [], textLines: 0, bytesRead, binary };
  if (decoder) splitter.push(decoder.decode());
  splitter.end();
  const result: InputDiagnosis = { findings: finish(matcher, options), textLines, bytesRead };
  if (stopped) result.stopped = stopped;
  return result;
}

/** A byte-order mark, if the input starts with one. */
function encodingOf(bytes: Uint8Array): { encoding: string; length: number } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  return { encoding: 'utf-8', length: 0 };
}

/** Diagnoses a file by path; rejects with the fs error (ENOENT, EACCES, EISDIR) when unreadable. */
export function diagnoseFile(path: string, options: DiagnoseOptions): Promise<Finding[]> {
  return diagnoseStream(createReadStream(path), options);
}
