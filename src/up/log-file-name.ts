import { join } from 'node:path';
import { labFiles } from '../lab/lab-files.js';

/**
 * `<lab>/logs/up-20250131-102030.log` (UTC): one file per run, sortable by time, and short
 * enough that the path fits on one line of a narrow terminal where the screens show it.
 */
export function logFilePath(labDir: string, command: string, at: Date): string {
  const stamp = at.toISOString().replace(/\.\d+Z$/, '').replace(/[-:]/g, '').replace('T', '-');
  return join(labDir, labFiles.logsDir, `${command}-${stamp}.log`);
}
