// Runs doctor's NFS export layer (src/doctor/check-nfs-export.ts) for a lab given as JSON on
// argv, against the gluster VMs named after it, and prints the layer's result as JSON. Started
// with `ip netns exec NS node --import tsx` so that its TCP connections go to the daemons of a
// test's network namespace, as the program's would go to the lab's VMs.
//
//   node --import tsx doctor-nfs-layer.ts LAB_JSON LANG VM...
import { checkNfsExport } from '../../../src/doctor/check-nfs-export.js';
import { createDoctorContext } from '../../../src/doctor/doctor-context.js';
import { labConfigSchema } from '../../../src/lab/config-schema.js';

const [labJson = '{}', lang = 'en', ...vms] = process.argv.slice(2);
const config = labConfigSchema.parse(JSON.parse(labJson));
const dc = createDoctorContext({ config, labDir: '/lab', kube: {}, lang: lang === 'ja' ? 'ja' : 'en', tool: { env: process.env } });
process.stdout.write(`${JSON.stringify(await checkNfsExport(dc, vms))}\n`);
