/**
 * A bounded list of recent lines that is never changed once made, so reducer states
 * stay pure. Appending to the newest ring reuses its backing array (like a Go slice's
 * append): older rings keep seeing only their own `end`, and the array is compacted
 * once it holds twice the capacity, so a push costs O(1) amortised whatever the cap.
 */
export interface LineRing {
  readonly buf: readonly string[];
  readonly end: number;
  readonly cap: number;
}

export function emptyRing(cap: number): LineRing {
  return { buf: [], end: 0, cap };
}

export function pushLine(ring: LineRing, line: string): LineRing {
  const buf = ring.buf as string[];
  if (ring.end === buf.length && buf.length < ring.cap * 2) {
    buf.push(line);
    return { buf, end: ring.end + 1, cap: ring.cap };
  }
  // Another state already appended here, or the array is full: start a fresh one.
  const kept = buf.slice(Math.max(0, ring.end - ring.cap + 1), ring.end);
  kept.push(line);
  return { buf: kept, end: kept.length, cap: ring.cap };
}

/** `ring` with `lines` appended in order: the same as pushLine for each, with one new ring. */
export function pushLines(ring: LineRing, lines: readonly string[]): LineRing {
  if (lines.length === 1) return pushLine(ring, lines[0] as string);
  const buf = ring.buf as string[];
  // Only the newest `cap` lines can still be seen.
  const from = Math.max(0, lines.length - ring.cap);
  if (ring.end === buf.length && buf.length + lines.length - from <= ring.cap * 2) {
    for (let i = from; i < lines.length; i++) buf.push(lines[i] as string);
    return { buf, end: buf.length, cap: ring.cap };
  }
  const keep = Math.max(0, ring.cap - (lines.length - from));
  const kept = buf.slice(Math.max(0, ring.end - keep), ring.end);
  for (let i = from; i < lines.length; i++) kept.push(lines[i] as string);
  return { buf: kept, end: kept.length, cap: ring.cap };
}

/** The last `count` lines (at most the capacity), oldest first. */
export function lastLines(ring: LineRing, count: number = ring.cap): string[] {
  const n = Math.min(count, ring.cap, ring.end);
  return ring.buf.slice(ring.end - n, ring.end);
}

export function ringSize(ring: LineRing): number {
  return Math.min(ring.end, ring.cap);
}
