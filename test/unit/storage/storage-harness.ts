import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { AppContext } from '../../../src/context.js';
import { startSimLab, writeSimLabConfig, type SimLab } from '../../../src/sim/sim-lab.js';
import type { ScenarioName } from '../../../src/sim/scenarios.js';
import { initFlow } from '../../../src/flows/init.js';

/** One kubectl call as the simulated lab received it. */
export interface KubectlCall {
  argv: string[];
  stdin: string;
}

export interface StorageLab {
  labDir: string;
  sim: SimLab;
  kubeconfig: string;
  /** The simulator's environment (its kubectl first on PATH), with shorter waits. */
  env: NodeJS.ProcessEnv;
  calls(): Promise<KubectlCall[]>;
  clearCalls(): Promise<void>;
  /** Objects of a kind in the simulated cluster (names only, for assertions). */
  names(kind: string): string[];
  stop(): Promise<void>;
}

/**
 * A lab directory (made by `gluster-lab init`'s flow) wired to a simulated lab, whose
 * kubectl keeps every call's argv and stdin (`-f -`) as it answers. The simulator
 * contacts 127.0.0.1 only.
 */
export async function startStorageLab(scenarios: ScenarioName[] = ['healthy']): Promise<StorageLab> {
  const root = await mkdtemp(join(tmpdir(), 'gl-storage-'));
  const labDir = join(root, 'lab');
  const made = testContext({ labDir });
  if ((await initFlow(made.ctx)) !== 0) throw new Error(`init failed: ${made.err()}`);
  const sim = await startSimLab({ scenarios, speed: 50, labDir, machines: 'running' });
  await writeSimLabConfig(labDir, sim.heketiUrl);
  // Every kubectl call reaches the simulated lab's own server, which keeps its argv and stdin.
  let cleared = 0;
  // The simulated cluster's own kubeconfig (context minikube), as minikube writes one.
  const kubeconfig = sim.env.KUBECONFIG ?? join(root, 'kubeconfig');
  return {
    labDir,
    sim,
    kubeconfig,
    env: { ...sim.env, GLUSTER_LAB_BIND_TIMEOUT_MS: '3000', GLUSTER_LAB_POLL_MS: '100' },
    calls: () => Promise.resolve(sim.kubectlCalls().slice(cleared)),
    clearCalls() {
      cleared = sim.kubectlCalls().length;
      return Promise.resolve();
    },
    names: (kind) => sim.readState().kube.objects.filter((o) => o.kind === kind).map((o) => o.metadata.name),
    async stop() {
      await sim.stop();
      await rm(root, { recursive: true, force: true });
    },
  };
}

export interface Captured {
  ctx: AppContext;
  out: () => string;
  err: () => string;
}

/** A context as the CLI builds it, with stdout/stderr captured. */
export function testContext(lab: Pick<StorageLab, 'labDir'> & Partial<StorageLab>, over: Partial<AppContext> = {}): Captured {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const controller = new AbortController();
  const force = new AbortController();
  const ctx: AppContext = {
    lang: 'en',
    labDir: lab.labDir,
    json: false,
    yes: true,
    kube: { context: 'minikube', ...(lab.kubeconfig ? { kubeconfig: lab.kubeconfig } : {}) },
    interactive: false,
    signal: controller.signal,
    forceSignal: force.signal,
    interrupt: () => controller.abort(),
    env: lab.env ?? process.env,
    stdin: process.stdin,
    // The flows only write to these; a PassThrough is enough.
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: stderr as unknown as NodeJS.WriteStream,
    simulation: false,
    ...over,
  };
  return { ctx, out: () => out, err: () => err };
}
