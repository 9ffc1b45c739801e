import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { execa } from 'execa';
import type { AppContext } from '../../../src/context.js';
import { startSimLab, writeSimLabConfig, type SimLab } from '../../../src/sim/sim-lab.js';
import type { ScenarioName } from '../../../src/sim/scenarios.js';
import { initFlow } from '../../../src/flows/init.js';

/** One kubectl call as the recorder saw it. */
export interface KubectlCall {
  argv: string[];
  stdin: string;
}

export interface StorageLab {
  labDir: string;
  sim: SimLab;
  kubeconfig: string;
  /** PATH: the recorder first, then the simulator. */
  env: NodeJS.ProcessEnv;
  calls(): Promise<KubectlCall[]>;
  clearCalls(): Promise<void>;
  /** Objects of a kind in the simulated cluster (names only, for assertions). */
  names(kind: string): string[];
  stop(): Promise<void>;
}

/**
 * A lab directory (made by the built `gluster-lab init`) wired to a simulated lab whose
 * kubectl is wrapped by a recorder: every call's argv and stdin are kept, then the
 * simulated kubectl answers. The simulator contacts 127.0.0.1 only.
 */
export async function startStorageLab(scenarios: ScenarioName[] = ['healthy']): Promise<StorageLab> {
  const root = await mkdtemp(join(tmpdir(), 'gl-storage-'));
  const labDir = join(root, 'lab');
  const made = testContext({ labDir });
  if ((await initFlow(made.ctx)) !== 0) throw new Error(`init failed: ${made.err()}`);
  const sim = await startSimLab({ scenarios, speed: 50, labDir, machines: 'running' });
  await writeSimLabConfig(labDir, sim.heketiUrl);
  const recorderDir = join(root, 'recorder');
  const log = join(root, 'kubectl-calls.jsonl');
  await execa('mkdir', ['-p', recorderDir]);
  await writeFile(log, '');
  await writeFile(
    join(recorderDir, 'kubectl'),
    `#!${process.execPath}
const fs = require('node:fs');
const { spawnSync } = require('node:child_process');
let stdin = '';
try { stdin = fs.readFileSync(0, 'utf8'); } catch {}
fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify({ argv: process.argv.slice(2), stdin }) + '\\n');
const r = spawnSync(${JSON.stringify(join(sim.binDir, 'kubectl'))}, process.argv.slice(2), { input: stdin });
process.stdout.write(r.stdout); process.stderr.write(r.stderr);
process.exitCode = r.status ?? 1;
`,
  );
  await chmod(join(recorderDir, 'kubectl'), 0o755);
  // The simulated cluster's own kubeconfig (context minikube), as minikube writes one.
  const kubeconfig = sim.env.KUBECONFIG ?? join(root, 'kubeconfig');
  return {
    labDir,
    sim,
    kubeconfig,
    env: { ...sim.env, PATH: `${recorderDir}:${sim.env.PATH ?? ''}`, GLUSTER_LAB_BIND_TIMEOUT_MS: '3000', GLUSTER_LAB_POLL_MS: '100' },
    async calls() {
      const text = await readFile(log, 'utf8');
      return text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as KubectlCall);
    },
    clearCalls: () => writeFile(log, ''),
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
