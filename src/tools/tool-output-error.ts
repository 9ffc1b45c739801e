import type { RunResult } from './run.js';
import { ToolError } from './tool-error.js';

const TAIL_LINES = 20;

/**
 * The program ran and exited as it should, but printed something we cannot read
 * (another version, another program of the same name). Kind 'failed', exit code
 * kept, so callers handle it like any other failure of that command.
 */
export class ToolOutputError extends ToolError {
  constructor(result: RunResult, readonly expected: string) {
    super('failed', result.command, result.args, result.exitCode, lastLines(result.stderr), lastLines(result.stdout));
    this.message = `${this.commandLine}: unexpected output (expected ${expected})${result.stdout ? `\n${lastLines(result.stdout)}` : ''}`;
  }
}

function lastLines(text: string): string {
  return text.trimEnd().split('\n').slice(-TAIL_LINES).join('\n');
}
