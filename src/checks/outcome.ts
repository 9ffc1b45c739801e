/** What a probe gave: its value, or the error it threw (kept, so a check can explain it). */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

export async function settle<T>(promise: Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    return { ok: false, error };
  }
}

export const okOutcome = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const errorOutcome = <T = never>(error: unknown): Outcome<T> => ({ ok: false, error });
