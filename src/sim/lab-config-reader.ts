import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { type LabConfig, labConfigSchema } from '../lab/config-schema.js';
import { defaultLabConfig } from '../lab/defaults.js';
import { labFiles } from '../lab/lab-files.js';
import { labMachines, type LabMachine } from '../lab/lab-machines.js';

/** The lab as the Vagrantfile sees it: its machines include the Kubernetes node when it is on. */
export type SimLabConfig = Omit<LabConfig, 'machines'> & { machines: LabMachine[] };

/**
 * The lab's gluster-lab.yaml as the real Vagrantfile reads it (it sits beside the
 * Vagrantfile). A directory without one gets the defaults, so a bare test lab works.
 * Machines come in the order the Vagrantfile defines (and so brings up, halts in
 * reverse) them: the gluster nodes, Heketi (whose topology load needs them), the node.
 */
export function readLabConfig(dir: string): SimLabConfig {
  const file = join(dir, labFiles.config);
  const config = existsSync(file) ? labConfigSchema.parse(parse(readFileSync(file, 'utf8'))) : defaultLabConfig;
  return { ...config, machines: labMachines(config) };
}

/**
 * The name VirtualBox gets for a machine: provisioning/Vagrantfile sets
 * `vb.name = "#{lab['name']}-#{machine['name']}"`, so Vagrant does not make its default
 * `DIR_MACHINE_TIMESTAMP_RANDOM` name — the same name `destroy` lists.
 */
export function virtualBoxName(config: Pick<LabConfig, 'name'>, machine: string): string {
  return `${config.name}-${machine}`;
}

export function hasVagrantfile(dir: string): boolean {
  return existsSync(join(dir, 'Vagrantfile'));
}
