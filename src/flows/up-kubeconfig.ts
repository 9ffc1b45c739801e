import { readFile } from 'node:fs/promises';
import { makeDir } from '../lab/atomic-write.js';
import { dirname, join } from 'node:path';
import type { AppContext } from '../context.js';
import { translator } from '../i18n/define.js';
import { kubeNodeMessages } from '../i18n/kube-node-messages.js';
import { writeFileAtomic } from '../lab/atomic-write.js';
import type { LabConfig } from '../lab/config-schema.js';
import { labFiles } from '../lab/lab-files.js';
import { labKubeconfig } from '../lab/lab-kubeconfig.js';
import { enabledKubeNode } from '../lab/lab-machines.js';
import { shortReason } from '../tools/short-reason.js';
import { ToolError } from '../tools/tool-error.js';
import { VagrantError, vagrantSsh } from '../tools/vagrant.js';
import type { BringupState } from '../up/bringup-reducer.js';
import { toolOptions } from './tool-options-from-context.js';

/** kubeadm writes the cluster's admin credentials here on the node. */
const ADMIN_CONF = '/etc/kubernetes/admin.conf';

/**
 * After a bring-up in which the lab's Kubernetes node came up: its admin kubeconfig, renamed
 * after the lab and pointing at the node's host-only address, written to the lab with mode
 * 0600 (the same content again changes nothing). Says where it is, or why it could not be
 * copied; never prints the file. Nothing to do for a lab without a node, or a node not up.
 */
export async function copyLabKubeconfig(ctx: AppContext, config: LabConfig, state: BringupState): Promise<void> {
  const node = enabledKubeNode(config);
  if (!node || state.vms[node.name]?.phase !== 'ready') return;
  const k = translator(kubeNodeMessages, ctx.lang);
  const file = join(ctx.labDir, labFiles.kubeconfig);
  const server = `https://${node.address}:6443`;
  try {
    const admin = await vagrantSsh(node.name, `sudo cat ${ADMIN_CONF}`, toolOptions(ctx, { cwd: ctx.labDir }));
    const text = labKubeconfig(admin, { name: config.name, server });
    const current = await readFile(file, 'utf8').catch(() => undefined);
    if (current !== text) {
      await makeDir(dirname(file), 0o700);
      await writeFileAtomic(file, text, { mode: 0o600 });
    }
    ctx.stdout.write(`${k('kubeconfigWritten', { file, context: config.name, server })}\n`);
  } catch (error) {
    if (ctx.signal.aborted) return;
    ctx.stderr.write(`${k('kubeconfigFailed', { reason: failureReason(error), name: node.name })}\n`);
  }
}

/** Why, from stderr only: what `sudo cat` printed on stdout before failing may hold the key. */
function failureReason(error: unknown): string {
  if (error instanceof VagrantError) return shortReason(error);
  if (error instanceof ToolError) {
    const line = error.stderrTail.split('\n').filter((l) => l.trim() !== '').at(-1);
    return line ? `${error.kind}: ${line.trim()}` : `${error.commandLine}: ${error.kind}`;
  }
  return error instanceof Error ? error.message : String(error);
}
