import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Lang } from '../i18n/define.js';
import { LabConfigError, loadLabConfig } from './config.js';
import type { LabConfig } from './config-schema.js';
import { labFiles } from './lab-files.js';

/** The result of the last `check`, as the check flow records it in the lab. */
export interface LastCheck {
  at: string;
  failures: number;
  warnings: number;
}

/** What can be known about a lab from its files alone, without running anything. */
export interface LabSummary {
  labDir: string;
  exists: boolean;
  config?: LabConfig;
  configError?: string;
  lastCheck?: LastCheck;
}

export async function readLabSummary(labDir: string, lang: Lang): Promise<LabSummary> {
  const exists = await stat(join(labDir, labFiles.config)).then((s) => s.isFile(), () => false);
  if (!exists) return { labDir, exists: false };
  try {
    const config = await loadLabConfig(labDir, lang);
    return { labDir, exists, config, lastCheck: await readLastCheck(labDir) };
  } catch (error) {
    if (error instanceof LabConfigError) return { labDir, exists, configError: error.message };
    throw error;
  }
}

async function readLastCheck(labDir: string): Promise<LastCheck | undefined> {
  try {
    return JSON.parse(await readFile(join(labDir, labFiles.lastCheck), 'utf8')) as LastCheck;
  } catch {
    return undefined;
  }
}
