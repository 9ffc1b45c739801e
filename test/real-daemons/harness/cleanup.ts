/**
 * Clean-up steps run in reverse order of registration, every one of them even when an
 * earlier one fails; the failures are reported together at the end. A test file registers
 * each resource as it makes it and runs the stack from afterAll, and from a catch when its
 * set-up fails half-way.
 */
export class Cleanup {
  private steps: Array<{ what: string; run: () => Promise<void> | void }> = [];

  add(what: string, run: () => Promise<void> | void): void {
    this.steps.push({ what, run });
  }

  async run(): Promise<void> {
    const errors: unknown[] = [];
    while (this.steps.length > 0) {
      const step = this.steps.pop()!;
      try {
        await step.run();
      } catch (error) {
        errors.push(new Error(`clean-up "${step.what}" failed: ${error instanceof Error ? error.message : String(error)}`));
      }
    }
    if (errors.length > 0) throw new AggregateError(errors, errors.map((e) => (e as Error).message).join('; '));
  }
}

/** Polls `check` until it returns a value (not undefined) or `timeoutMs` passes. */
export async function waitFor<T>(what: string, timeoutMs: number, check: () => Promise<T | undefined>, intervalMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last instanceof Error ? ` (last error: ${last.message})` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
