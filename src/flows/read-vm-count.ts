import type { AppContext } from '../context.js';
import type { LabConfig } from '../lab/config-schema.js';
import { recordVmCount } from '../lab/lab-summary.js';
import { vagrantStatus } from '../tools/vagrant.js';
import type { VmCount } from './next-step.js';
import { toolOptions } from './tool-options-from-context.js';

/**
 * How many of the lab's VMs run, from `vagrant status`; undefined when Vagrant cannot
 * answer (not installed, no VirtualBox) — the home screen then just says it does not know.
 */
export async function readVmCount(ctx: AppContext, config: LabConfig, signal: AbortSignal): Promise<VmCount | undefined> {
  try {
    const machines = await vagrantStatus(toolOptions(ctx, { cwd: ctx.labDir, signal, timeoutMs: 30_000, graceMs: 500 }));
    const names = new Set(config.machines.map((m) => m.name));
    const running = machines.filter((m) => names.has(m.name) && m.state === 'running').length;
    await recordVmCount(ctx.labDir, running, config.machines.length);
    return { running, total: config.machines.length };
  } catch {
    return undefined;
  }
}
