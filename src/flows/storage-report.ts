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
  /**
   * A line that replaces itself (a countdown). In a terminal it is redrawn in place and
   * wiped before the next ordinary line; in a pipe or log it is printed as an ordinary line,
   * so callers send it there only now and then.
   */
  live(line: string): void;
}

/** Whether `live` lines are redrawn in place (else each is a line of its own). */
export function redrawsLive(ctx: AppContext): boolean {
  return ctx.interactive && !ctx.json;
}

export function createReport(ctx: AppContext): Report {
  const t = translator(storageMessages, ctx.lang);
  const progress = ctx.json ? ctx.stderr : ctx.stdout;
  let liveShown = false;
  const write = (stream: NodeJS.WritableStream, line: string) => {
    if (liveShown) {
      progress.write('\r\x1b[2K');
      liveShown = false;
    }
    stream.write(`${line}\n`);
  };
  return {
    live(line) {
      if (!redrawsLive(ctx)) return write(progress, line);
      progress.write(`\r\x1b[2K${line}`);
      liveShown = true;
    },
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
