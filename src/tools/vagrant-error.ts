import { ToolError } from './tool-error.js';
import { parseMachineReadableLine } from './vagrant-machine-readable.js';

/**
 * A vagrant command that failed and said why in an `error-exit` record
 * (`Vagrant::Errors::ProviderNotUsable`, `...NoDefaultProvider`, ...). The class name
 * is what diagnosis matches on; the message is Vagrant's own explanation, unescaped.
 */
export class VagrantError extends ToolError {
  constructor(
    cause: ToolError,
    readonly errorClass: string,
    readonly vagrantMessage: string,
  ) {
    super(cause.kind, cause.command, cause.args, cause.exitCode, cause.stderrTail, cause.stdoutTail);
    this.message = `${cause.message}\n${errorClass}: ${vagrantMessage}`;
  }
}

/** Adds the `error-exit` record found in the output tail, when there is one. */
export function withErrorExit(error: ToolError, found?: { errorClass: string; message: string }): ToolError {
  const exit = found ?? lastErrorExit(error.stdoutTail);
  return exit ? new VagrantError(error, exit.errorClass, exit.message) : error;
}

function lastErrorExit(output: string): { errorClass: string; message: string } | undefined {
  let found: { errorClass: string; message: string } | undefined;
  for (const line of output.split('\n')) {
    const record = parseMachineReadableLine(line);
    if (record?.type === 'error-exit') found = { errorClass: record.data[0] ?? '', message: record.data.slice(1).join(',') };
  }
  return found;
}
