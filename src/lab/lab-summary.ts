import { readFile, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Lang } from '../i18n/define.js';
import { makeDir, writeFileAtomic } from './atomic-write.js';
import { LabConfigError, loadLabConfig } from './config.js';
import type { LabConfig } from './config-schema.js';
import { labFiles } from './lab-files.js';

/** The result of the last `check`, as the check flow records it in the lab. */
export interface LastCheck {
  at: string;
  failures: number;
  warnings: number;
}

/** The claim the last `storage` made or waited for, as storage records it in the lab. */
export interface LastStorage {
  at: string;
  pvc: string;
  namespace: string;
  /** Bound, or Pending when the wait was given up. */
  phase: string;
}

/** What the last `doctor` found, as doctor records it in the lab. */
export interface LastDoctor {
  at: string;
  errors: number;
  warnings: number;
  /** The categories of its findings (diagnosis/categories.ts), so the next step can follow them. */
  categories?: string[];
}

/** How many of the lab's VMs ran when a command last looked (`vagrant status`, or the end of `up`/`halt`/`destroy`). */
export interface LastVms {
  at: string;
  running: number;
  total: number;
}

/** What the last `fix-permissions` did, as it records it in the lab. */
export interface LastRepair {
  at: string;
  fixed: number;
  failed: number;
}

/** What can be known about a lab from its files alone, without running anything. */
export interface LabSummary {
  labDir: string;
  exists: boolean;
  config?: LabConfig;
  configError?: string;
  lastCheck?: LastCheck;
  lastStorage?: LastStorage;
  lastDoctor?: LastDoctor;
  lastVms?: LastVms;
  lastRepair?: LastRepair;
  /** The class `default-class` made the default (its undo record exists until --undo). */
  defaultClass?: string;
}

export async function readLabSummary(labDir: string, lang: Lang): Promise<LabSummary> {
  const exists = await stat(join(labDir, labFiles.config)).then((s) => s.isFile(), () => false);
  if (!exists) return { labDir, exists: false };
  try {
    const config = await loadLabConfig(labDir, lang);
    const [lastCheck, lastStorage, lastDoctor, lastVms, lastRepair, undo] = await Promise.all([
      readJson<LastCheck>(labDir, labFiles.lastCheck),
      readJson<LastStorage>(labDir, labFiles.lastStorage),
      readJson<LastDoctor>(labDir, labFiles.lastDoctor),
      readJson<LastVms>(labDir, labFiles.lastVms),
      readJson<LastRepair>(labDir, labFiles.lastRepair),
      readJson<{ changes?: Array<{ className?: unknown; after?: unknown }> }>(labDir, labFiles.defaultClassUndo),
    ]);
    const summary: LabSummary = { labDir, exists, config };
    if (lastCheck) summary.lastCheck = lastCheck;
    if (lastStorage) summary.lastStorage = lastStorage;
    if (lastDoctor) summary.lastDoctor = lastDoctor;
    if (lastVms && Number.isInteger(lastVms.running) && Number.isInteger(lastVms.total)) summary.lastVms = lastVms;
    if (lastRepair) summary.lastRepair = lastRepair;
    const made = undo?.changes?.find((c) => c.after === 'true' && typeof c.className === 'string');
    if (made) summary.defaultClass = made.className as string;
    return summary;
  } catch (error) {
    if (error instanceof LabConfigError) return { labDir, exists, configError: error.message };
    throw error;
  }
}

/** A state record the flows write; a missing or broken one is simply not known. */
async function readJson<T>(labDir: string, file: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(join(labDir, file), 'utf8')) as T;
  } catch {
    return undefined;
  }
}

/** Records how many VMs run; `running` and `total` as `vagrant status` or the step that changed them knows. */
export async function recordVmCount(labDir: string, running: number, total: number): Promise<void> {
  await writeLabState(labDir, labFiles.lastVms, { at: new Date().toISOString(), running, total });
}

/**
 * Forgets what only lived on the VMs: after `destroy` the claim `storage` made has lost its
 * volume and doctor's findings were about VMs that are gone.
 */
export async function forgetDestroyedLab(labDir: string, total: number): Promise<void> {
  await Promise.all([labFiles.lastStorage, labFiles.lastDoctor, labFiles.lastRepair].map((file) => rm(join(labDir, file), { force: true }).catch(() => undefined)));
  await recordVmCount(labDir, 0, total);
}

/** Writes a state record for the home screen; failing to write one never fails the step. */
export async function writeLabState(labDir: string, file: string, record: object): Promise<void> {
  try {
    await makeDir(dirname(join(labDir, file)));
    await writeFileAtomic(join(labDir, file), `${JSON.stringify(record, null, 2)}\n`);
  } catch {
    // The record only moves the "next" mark; the step's own result stands.
  }
}
