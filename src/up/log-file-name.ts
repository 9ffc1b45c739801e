import { join } from 'node:path';
import { labFiles } from '../lab/lab-files.js';

/** `<lab>/logs/up-2025-01-31T10-20-30-123Z.log`: one file per run, sortable by time. */
export function logFilePath(labDir: string, command: string, at: Date): string {
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  return join(labDir, labFiles.logsDir, `${command}-${stamp}.log`);
}
