import { ToolError } from '../tools/tool-error.js';

/** True when the program is not installed (not on PATH), as opposed to installed but failing. */
export function isNotFound(error: unknown): boolean {
  return error instanceof ToolError && error.kind === 'not-found';
}

/** One short line saying why a probe failed, for the middle of a sentence. */
export function shortReason(error: unknown): string {
  if (error instanceof ToolError) {
    const line = lastMeaningfulLine(error.stderrTail) ?? lastMeaningfulLine(error.stdoutTail);
    if (error.kind === 'timeout') return line ? `timed out: ${line}` : 'timed out';
    if (line) return line;
    return error.exitCode === undefined ? error.kind : `exit ${error.exitCode}`;
  }
  if (error instanceof Error) return firstLine(error.message);
  return String(error);
}

function lastMeaningfulLine(text: string): string | undefined {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
  return lines.at(-1);
}

function firstLine(text: string): string {
  return text.split('\n')[0]?.trim() ?? '';
}
