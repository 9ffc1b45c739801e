import { translator } from '../i18n/define.js';
import { nfsExportMessages } from '../i18n/nfs-export-messages.js';
import { ownFinding } from './catalogue-findings.js';
import { labMachines, type DoctorContext } from './doctor-context.js';
import { statusOf, type LayerResult } from './doctor-types.js';
import { nfsPort, readNfsExport } from './read-nfs-export.js';

/**
 * NFS-Ganesha on the gluster VMs that run (`running`): each must accept connections on port
 * 2049 at its lab address, or csi-driver-nfs cannot mount the export from it. One finding
 * names every VM that does not answer.
 */
export async function checkNfsExport(dc: DoctorContext, running: readonly string[]): Promise<LayerResult> {
  const n = translator(nfsExportMessages, dc.lang);
  const { config } = dc;
  const answers = await readNfsExport(config, running, { env: dc.tool.env, signal: dc.tool.signal });
  const down = answers.filter((a) => !a.answer.open);
  const summary = n('summary', { answering: answers.length - down.length, asked: answers.length, port: nfsPort });
  const first = down[0];
  if (first === undefined) return { layer: 'nfs-export', status: 'ok', summary, findings: [] };
  const heketi = labMachines(config).heketi ?? 'heketi';
  const params = { port: nfsPort, export: config.nfs.export, volume: config.nfs.volume, heketi, dir: dc.labDir };
  const finding = ownFinding(
    'nfs-export',
    'nfs-export-down',
    {
      title: n('downTitle', { vms: down.map((a) => a.vm).join(', ') }),
      explanation: n('downWhat', { ...params, items: down.map((a) => `${a.vm} (${a.address})`).join(', ') }),
      fix: n('downFix', { ...params, vm: first.vm }),
    },
    down.map((a) => `${a.address}:${a.port}: ${a.answer.error ?? a.answer.code ?? 'no answer'} (${a.answer.ms} ms)`),
    { category: 'nfs-export' },
  );
  return { layer: 'nfs-export', status: statusOf([finding]), summary, findings: [finding] };
}
