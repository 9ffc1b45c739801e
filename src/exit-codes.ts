/** Exit codes with one meaning each (SPEC §3). */
export const ExitCode = {
  ok: 0,
  failed: 1,
  usage: 2,
  interrupted: 130,
} as const;

/** A usage error found after parsing (a flag a question needs, a bad value): exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
