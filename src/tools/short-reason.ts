import { ToolError } from './tool-error.js';
import { VagrantError } from './vagrant-error.js';

/**
 * One short line saying why a command (or anything else) failed, for the middle of a
 * sentence: Vagrant's own error class and message, else the last line the tool printed,
 * else its exit code — never the command line, which says nothing about the cause.
 */
export function shortReason(error: unknown): string {
  if (error instanceof VagrantError) return `${error.errorClass}: ${firstLine(error.vagrantMessage)}`;
  if (error instanceof ToolError) {
    const line = lastMeaningfulLine(error.stderrTail) ?? lastMeaningfulLine(error.stdoutTail);
    if (error.kind === 'timeout') return line ? `timed out: ${line}` : 'timed out';
    if (line) return line;
    return error.exitCode === undefined ? error.kind : `exit ${error.exitCode}`;
  }
  if (error instanceof Error) return firstLine(error.message);
  return String(error);
}

// klog's header ("E1201 10:47:56.571599    7429 memcache.go:265] "): kubectl's retries, not its answer.
const KLOG_LINE = /^[IWEF]\d{4} \d\d:\d\d:\d\d\.\d+\s+\d+ [\w.-]+:\d+\] /;

function lastMeaningfulLine(text: string): string | undefined {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
  return lines.filter((l) => !KLOG_LINE.test(l)).at(-1) ?? lines.at(-1);
}

function firstLine(text: string): string {
  return text.split('\n')[0]?.trim() ?? '';
}
