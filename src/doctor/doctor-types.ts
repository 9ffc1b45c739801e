import type { Category } from '../diagnosis/categories.js';

/** The layers doctor checks, in the order their results are printed. */
export const layerNames = ['vms', 'heketi', 'gluster-peers', 'nfs-export', 'cluster', 'storageclass', 'pvcs', 'pod-mounts', 'permission-denied'] as const;
export type LayerName = (typeof layerNames)[number];

/**
 * One thing wrong, with what to do about it. Findings from the known-issue catalogue keep
 * its id and category; doctor's own findings use ids of the form `doctor.<what>`.
 */
export interface DoctorFinding {
  id: string;
  layer: LayerName;
  category?: Category;
  /** 'warning' does not fail the run (e.g. little free space left). */
  severity: 'error' | 'warning';
  title: string;
  /** What is wrong. */
  explanation: string;
  /** What to do. */
  fix: string;
  links: string[];
  /** The lines that show it: tool output, event messages, field values. */
  evidence: string[];
}

/**
 * ok: checked, nothing wrong; failed: at least one error finding; warning: only warnings;
 * skipped: could not be checked because a layer it needs is down (said once, there).
 */
export type LayerStatus = 'ok' | 'failed' | 'warning' | 'skipped';

export interface LayerResult {
  layer: LayerName;
  status: LayerStatus;
  /** One line for the layer's row: "4 of 4 running", "skipped: VMs not running". */
  summary: string;
  findings: DoctorFinding[];
}

export interface DoctorReport {
  layers: LayerResult[];
  findings: DoctorFinding[];
}

/** Status from the findings a check produced. */
export function statusOf(findings: readonly DoctorFinding[]): LayerStatus {
  if (findings.some((f) => f.severity === 'error')) return 'failed';
  return findings.length > 0 ? 'warning' : 'ok';
}
