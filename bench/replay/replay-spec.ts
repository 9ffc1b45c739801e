/** What the fake `vagrant` replays and how fast; written by the bench as JSON, read by fake-vagrant.ts. */
export type Pace =
  /** `rate` lines a second for `seconds`, plus bursts of `lines` written at once at `atSeconds`. */
  | { kind: 'rate'; rate: number; seconds: number; bursts: ReadonlyArray<{ atSeconds: number; lines: number }> }
  /** As fast as the reader takes them; at each count in `pauseAt`, wait until the reader is quiet and read its RSS. */
  | { kind: 'flood'; pauseAt: readonly number[] }
  /** The first `lines` records, then nothing for `afterSeconds` + `seconds`, measuring the last `seconds`. */
  | { kind: 'idle'; lines: number; afterSeconds: number; seconds: number };

export interface ReplaySpec {
  /** One machine-readable record per line. */
  recordsFile: string;
  pace: Pace;
  /** Where the fake vagrant writes its ReplayReport. */
  reportFile: string;
  /** Seconds to wait before the first record (vagrant's own start-up), so the measured process has settled. */
  settleSeconds: number;
}

/** What the fake vagrant saw of its parent, the measured process. */
export interface ReplayReport {
  lines: number;
  /** CPU the parent used during the measured window, and the window's length. */
  cpuMs: number;
  wallMs: number;
  /** RSS of the parent at each pause of a flood, by line count. */
  rssAt: Record<string, number>;
  /** VmHWM of the parent when the replay ended. */
  peakRssMb: number;
}
