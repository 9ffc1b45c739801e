/** Why a child process did not give us a usable result. */
export type ToolErrorKind = 'not-found' | 'timeout' | 'failed' | 'interrupted';

/**
 * A failed external command, keeping what is needed to explain it later: the exact
 * command line, the exit code and the last lines of stderr (never the whole output).
 */
export class ToolError extends Error {
  override readonly name = 'ToolError';
  constructor(
    readonly kind: ToolErrorKind,
    readonly command: string,
    readonly args: readonly string[],
    readonly exitCode: number | undefined,
    readonly stderrTail: string,
    readonly stdoutTail = '',
  ) {
    super(`${[command, ...args].join(' ')}: ${kind}${exitCode === undefined ? '' : ` (exit ${exitCode})`}${stderrTail ? `\n${stderrTail}` : ''}`);
  }

  get commandLine(): string {
    return [this.command, ...this.args].join(' ');
  }
}
