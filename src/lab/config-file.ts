import { Document } from 'yaml';
import type { LabConfig } from './config-schema.js';

const header = [
  ' gluster-lab.yaml — the lab this directory describes.',
  ' The Vagrantfile, the Ansible playbooks and gluster-lab itself read it.',
  ' Edit the values, then run "gluster-lab check" and "gluster-lab up".',
  ' data_disk.device: the raw disk inside the gluster VMs: "auto" finds the one empty disk of size_gb,',
  ' or give a stable path such as /dev/disk/by-id/ata-VBOX_HARDDISK_VB1234-5678.',
  ' heketi.url: where this machine reaches Heketi (the heketi VM address, port 8080).',
].join('\n');

/** The text of a gluster-lab.yaml for `config`, with a short commented header. */
export function renderLabConfig(config: LabConfig): string {
  const doc = new Document(config);
  doc.commentBefore = header;
  return doc.toString({ lineWidth: 0 });
}
