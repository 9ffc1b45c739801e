import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { type LabConfig, labConfigSchema } from '../lab/config-schema.js';
import { defaultLabConfig } from '../lab/defaults.js';
import { labFiles } from '../lab/lab-files.js';

/**
 * The lab's gluster-lab.yaml as the real Vagrantfile reads it (it sits beside the
 * Vagrantfile). A directory without one gets the defaults, so a bare test lab works.
 */
export function readLabConfig(dir: string): LabConfig {
  const file = join(dir, labFiles.config);
  if (!existsSync(file)) return defaultLabConfig;
  return labConfigSchema.parse(parse(readFileSync(file, 'utf8')));
}

export function hasVagrantfile(dir: string): boolean {
  return existsSync(join(dir, 'Vagrantfile'));
}
