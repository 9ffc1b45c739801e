import type { AppContext } from '../context.js';
import type { Finding } from '../diagnosis/finding.js';
import { translator } from '../i18n/define.js';
import { storageMessages } from '../i18n/storage-messages.js';

/**
 * Where `storage` and `default-class` write what happens. Plain lines in both a terminal and
 * a pipe; with --json the lines go to stderr so stdout holds only the JSON document.
 * Refusals always go to stderr.
 */
export interface Report {
  info(line: string): void;
  warn(line: string): void;
  fail(line: string): void;
  /** Diagnoses shown after a refusal go with it to stderr ('fail'); those during a wait stay with the progress. */
  findings(findings: readonly Finding[], beside?: 'progress' | 'fail'): void;
}

export function createReport(ctx: AppContext): Report {
  const t = translator(storageMessages, ctx.lang);
  const progress = ctx.json ? ctx.stderr : ctx.stdout;
  const write = (stream: NodeJS.WritableStream, line: string) => stream.write(`${line}\n`);
  return {
    info: (line) => write(progress, line),
    warn: (line) => write(progress, line),
    fail: (line) => write(ctx.stderr, line),
    findings(findings, beside = 'progress') {
      const stream = beside === 'fail' ? ctx.stderr : progress;
      for (const f of findings) {
        write(stream, t('findingTitle', { title: f.title }));
        write(stream, t('findingExplain', { explanation: f.explanation }));
        if (f.fix) write(stream, t('findingFix', { fix: f.fix }));
      }
    },
  };
}

/** Ends a flow early with this exit code; what to say was already reported. */
export class FlowStop extends Error {
  override readonly name = 'FlowStop';
  constructor(
    readonly code: number,
    /** Which step stopped, for the --json summary. */
    readonly step: string,
    readonly reason: string,
  ) {
    super(reason);
  }
}
