/**
 * Exit codes with one meaning each (SPEC §3). The three signal codes follow the shell's
 * 128 + signal number, so `$?` reads the same as for a program the signal killed.
 */
export const ExitCode = {
  ok: 0,
  failed: 1,
  usage: 2,
  /** Ctrl-C (SIGINT, or the key in a live screen or at a question). */
  interrupted: 130,
  /** SIGTERM: asked to stop; cleaned up first. */
  terminated: 143,
  /** SIGHUP: the terminal went away; cleaned up first. */
  hungUp: 129,
} as const;

/** A usage error found after parsing (a flag a question needs, a bad value): exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * A failure whose message is already the whole sentence for the user (a lab another command
 * holds, a directory that must not be a lab, a broken gluster-lab.yaml): exit 1, no stack.
 * `code` is the stable name `--json` reports it under.
 */
export class ExplainedError extends Error {
  override name = 'ExplainedError';
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}
