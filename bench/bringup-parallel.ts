/**
 * Row `bringup-wall-parallel`: wall time of `gluster-lab up` on a fresh simulated lab (three
 * gluster VMs, Heketi and the Kubernetes node), one `vagrant up` per VM at once against
 * `up --no-parallel` (Vagrant's one-by-one order). Both run against the same simulator at
 * the same speed, so every VM takes the same simulated time in both; only the order differs.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { startSimLab, writeSimLabConfig } from '../src/sim/sim-lab.js';
import type { Limits, Row } from './rows.js';

const run = promisify(execFile);
/** Simulated seconds per real second: a VM's bring-up (about 30 simulated seconds) takes about 10 s, well above a process start on a busy machine. */
const SPEED = 3;

async function timedUp(cli: string, env: NodeJS.ProcessEnv, work: string, parallel: boolean): Promise<{ ms: number; vms: number }> {
  const root = mkdtempSync(join(work, parallel ? 'parallel-' : 'sequential-'));
  const labDir = join(root, 'lab');
  await run(process.execPath, [cli, 'init', labDir, '--kubernetes', '--lang', 'en'], { env });
  const sim = await startSimLab({ labDir, root: join(root, 'sim'), speed: SPEED });
  try {
    await writeSimLabConfig(labDir, sim.heketiUrl);
    const vms = countVms(labDir);
    const start = performance.now();
    await run(process.execPath, [cli, 'up', '--dir', labDir, '--lang', 'en', ...(parallel ? [] : ['--no-parallel'])], { env: { ...env, ...sim.env }, maxBuffer: 64 << 20 });
    return { ms: performance.now() - start, vms };
  } finally {
    await sim.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

/** The lab's VMs as init wrote them: the machines and the node, which must be on. */
function countVms(labDir: string): number {
  const lab = parse(readFileSync(join(labDir, 'gluster-lab.yaml'), 'utf8')) as { machines: unknown[]; kubernetes: { node?: { enabled?: boolean } } };
  if (lab.kubernetes.node?.enabled !== true) throw new Error('init --kubernetes did not turn the Kubernetes node on');
  return lab.machines.length + 1;
}

export async function bringupWallParallelRow(cli: string, env: NodeJS.ProcessEnv, work: string): Promise<Omit<Row, 'ratio' | 'met' | 'target'> & { limits: Limits }> {
  // Sequential first: its longer run warms nothing the parallel one reuses (every VM is new).
  const sequential = await timedUp(cli, env, work, false);
  const parallel = await timedUp(cli, env, work, true);
  return {
    name: 'bringup-wall-parallel',
    what: `wall time of gluster-lab up on a new simulated lab of ${parallel.vms} VMs (3 gluster, Heketi, the Kubernetes node) at ${SPEED}× simulated speed, one vagrant up per VM at once`,
    value: Math.round(parallel.ms),
    unit: 'ms',
    baseline: Math.round(sequential.ms),
    baselineWhat: 'the same lab with up --no-parallel (one vagrant up, one VM after the other), same per-VM durations, same run',
    limits: { ratio: 0.75 },
    note: 'process start-up of the simulated vagrant (one per VM) is in both; on real VMs a bring-up takes minutes and the gap is wider',
  };
}
