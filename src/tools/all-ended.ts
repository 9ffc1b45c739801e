/**
 * Promise.all for runs of external programs: it answers only once every run has ended, then
 * rejects with the first failure in order. Promise.all rejects at the first failure while the
 * other children still run; a flow stopped by Ctrl-C, SIGTERM or SIGHUP would then exit with
 * them alive (each child has its own process group, so nothing else stops it).
 */
export async function allEnded<T extends readonly unknown[] | []>(promises: T): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const results = (await Promise.allSettled(promises)) as Array<PromiseSettledResult<unknown>>;
  const values: unknown[] = [];
  for (const result of results) {
    if (result.status === 'rejected') throw result.reason;
    values.push(result.value);
  }
  return values as { -readonly [K in keyof T]: Awaited<T[K]> };
}
