/** One row of bench/results.json: a measure, its baseline from the same run, and its target. */
export interface Row {
  /** Stable across runs (the names). */
  name: string;
  what: string;
  value: number;
  unit: string;
  baseline: number | null;
  baselineWhat: string;
  /** value / baseline, when the target is a ratio or the baseline says something. */
  ratio: number | null;
  target: string;
  met: boolean;
  note?: string;
}

/** Upper bounds: on the value itself, on the ratio to the baseline, or both. */
export interface Limits {
  value?: number;
  ratio?: number;
}

export function describeRow(limits: Limits, unit: string): string {
  const parts: string[] = [];
  if (limits.value !== undefined) parts.push(`≤ ${limits.value} ${unit}`);
  if (limits.ratio !== undefined) parts.push(`≤ ${limits.ratio}× baseline`);
  return parts.join(' and ');
}

export function isMet(value: number, ratio: number | null, limits: Limits): boolean {
  if (!Number.isFinite(value)) return false;
  if (limits.value !== undefined && value > limits.value) return false;
  if (limits.ratio !== undefined && (ratio === null || ratio > limits.ratio)) return false;
  return true;
}
