import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { pvcManifest, storageClassManifest } from '../../src/k8s/manifests.js';
import { applyInit, planInit } from '../../src/lab/init-lab.js';
import { packageRoot } from '../../src/lab/package-root.js';
import { kubectlAnswer } from '../../src/sim/tool-answers.js';
import { parseYamlDocuments } from '../../src/sim/yaml-documents.js';
import { claimAppDeployment } from '../../src/sim/non-root-app.js';
import type { ScenarioName } from '../../src/sim/scenarios.js';
import { startSimLab, writeSimLabConfig, type SimLab } from '../../src/sim/sim-lab.js';
import { cliPath } from './terminal.js';

// dist/ is built once per test run by test/setup/global-build.ts; the CLI and the
// simulator's bins run from there.

/**
 * How fast the simulated lab runs in tests where nothing waits for a moment in between:
 * a whole bring-up (about 85 simulated seconds) in a fraction of a second. The CLI
 * looks again at the simulator's pace (GLUSTER_LAB_POLL_MS in its env), so no test waits
 * real seconds for simulated ones; its own time limits stay real, so a slow machine makes
 * a test slower, never wrong.
 */
export const SIM_SPEED = 600;

export interface UpTestLab {
  root: string;
  labDir: string;
  sim: SimLab;
  dispose(): Promise<void>;
}

/**
 * A lab made as `gluster-lab init` makes it (its own plan and apply, here in the test
 * process: test/e2e/cli.test.ts runs the command itself), pointed at a simulated lab
 * (Heketi on 127.0.0.1).
 */
export async function simulatedLab(scenarios: ScenarioName[], speed: number, machines?: 'running' | 'poweroff'): Promise<UpTestLab> {
  const root = mkdtempSync(join(tmpdir(), 'gl-sim-lab-'));
  const labDir = join(root, 'lab');
  await applyInit(await planInit(labDir, join(packageRoot(), 'provisioning')));
  const sim = await startSimLab({ scenarios, speed, labDir, root: join(root, 'sim'), ...(machines ? { machines } : {}) });
  await writeSimLabConfig(labDir, sim.heketiUrl);
  return {
    root,
    labDir,
    sim,
    async dispose() {
      await sim.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Processes whose command line mentions `needle` (the simulator's bins run as `node .../sim-bin/vagrant.js`). */
export async function processesMatching(needle: string): Promise<string[]> {
  const { stdout } = await execa('ps', ['-eo', 'pid,ppid,args']);
  return stdout.split('\n').filter((line) => line.includes(needle) && !line.includes('ps -eo'));
}

/**
 * A lab made by `gluster-lab init` on a simulated lab, with helpers to put claims and
 * pods into the simulated cluster (through the simulated kubectl, as a user would) and
 * to read back what is left in it. Every address is 127.0.0.1.
 */
export interface DoctorLab extends UpTestLab {
  env: NodeJS.ProcessEnv;
  kubectl(args: string[], input?: object): Promise<{ stdout: string; stderr: string; exitCode: number }>;
  /** The lab's StorageClass as `gluster-lab storage` makes it (resturl = the simulated Heketi). */
  applyLabClass(): Promise<void>;
  claim(namespace: string, name: string, size?: string): Promise<void>;
  /** A Deployment of one pod writing to the claim as `runAsUser` (undefined: the image's user). */
  writer(namespace: string, claim: string, runAsUser?: number): Promise<void>;
  waitFor(check: () => boolean, timeoutMs?: number): Promise<void>;
  cli(args: string[], options?: { env?: NodeJS.ProcessEnv }): Promise<{ stdout: string; stderr: string; exitCode: number }>;
  /** Pods in the simulated cluster's state file that gluster-lab created and labelled temporary. */
  temporaryPods(): string[];
  /** The lab's environment, and the argv of each kubectl call made from now on. */
  recordingEnv(): Promise<{ env: NodeJS.ProcessEnv; calls(): Promise<string[][]> }>;
}

export async function doctorLab(scenarios: ScenarioName[], machines: 'running' | 'poweroff' | 'not_created' = 'running', speed = 50): Promise<DoctorLab> {
  const lab = await simulatedLab(scenarios, speed, machines === 'not_created' ? undefined : machines);
  const env = lab.sim.env;
  // The simulated kubectl's own code, run in the test process: setting a cluster up takes
  // a dozen calls, and each would otherwise start a process.
  const kubectl = async (args: string[], input?: object) => {
    const answer = kubectlAnswer({ pid: process.pid, cwd: process.cwd(), stateFile: lab.sim.stateFile, stdin: input ? JSON.stringify(input) : '', argv: args }, parseYamlDocuments);
    await new Promise((r) => setImmediate(r));
    return { stdout: answer.stdout.replace(/\n$/, ''), stderr: answer.stderr.replace(/\n$/, ''), exitCode: answer.code };
  };
  const must = async (args: string[], input?: object) => {
    const r = await kubectl(args, input);
    if (r.exitCode !== 0) throw new Error(`kubectl ${args.join(' ')}: ${r.stderr}`);
  };
  const objects = () => lab.sim.readState().kube.objects;
  const ensureNamespace = async (namespace: string) => {
    if (!objects().some((o) => o.kind === 'Namespace' && o.metadata.name === namespace)) await must(['apply', '-f', '-'], { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } });
  };
  return {
    ...lab,
    env,
    kubectl,
    async applyLabClass() {
      const cls = storageClassManifest({ name: 'gluster-heketi', resturl: lab.sim.heketiUrl, restuser: 'admin', secretName: 'heketi-secret', secretNamespace: 'default' });
      await must(['apply', '-f', '-'], cls);
    },
    async claim(namespace, name, size = '1Gi') {
      await ensureNamespace(namespace);
      await must(['apply', '-f', '-'], pvcManifest({ name, namespace, size, accessMode: 'ReadWriteMany', storageClassName: 'gluster-heketi' }));
    },
    async writer(namespace, claim, runAsUser) {
      const securityContext = runAsUser === undefined ? undefined : { runAsUser };
      await must(['apply', '-f', '-'], claimAppDeployment({ name: `writer-${claim}`, namespace, claim, container: 'writer', volume: 'data', script: 'echo hello > /mnt/hello.txt && sleep 3600', securityContext }));
    },
    async waitFor(check, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        // Reading through kubectl advances simulated time.
        await kubectl(['get', 'pods', '-A', '-o', 'json']);
        if (check()) return;
        if (Date.now() > deadline) throw new Error('the simulated cluster did not reach the expected state');
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async cli(args, options = {}) {
      const r = await execa(process.execPath, [cliPath, ...args, '--dir', lab.labDir, '--lang', 'en'], { env: options.env ?? env, reject: false });
      return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode ?? 1 };
    },
    temporaryPods() {
      return objects()
        .filter((o) => o.kind === 'Pod' && (o.metadata.labels?.['gluster-lab/temporary'] === 'true' || /^gl-(chmod|write-test)-/.test(o.metadata.name)))
        .map((o) => `${o.metadata.namespace}/${o.metadata.name}`);
    },
    recordingEnv() {
      // The simulated lab's kubectl keeps every call it answers: those from now on.
      const from = lab.sim.kubectlCalls().length;
      return Promise.resolve({
        env,
        calls: () => Promise.resolve(lab.sim.kubectlCalls().slice(from).map((call) => call.argv)),
      });
    },
  };
}

export function podsOf(lab: DoctorLab, namespace: string, prefix: string) {
  return lab.sim.readState().kube.objects.filter((o) => o.kind === 'Pod' && o.metadata.namespace === namespace && o.metadata.name.startsWith(prefix));
}

type SimPod = ReturnType<typeof podsOf>[number];

/**
 * The fix-permissions lab: default/data unused, and team-a/shared used by a pod running as
 * user 1000 (denied writing in 'permission-denied'); ready once that pod satisfies `ready`.
 */
export async function twoClaimLab(scenarios: ScenarioName[], ready: (pod: SimPod) => boolean, speed = 50): Promise<DoctorLab> {
  const l = await doctorLab(scenarios, 'running', speed);
  await l.applyLabClass();
  await l.claim('default', 'data');
  await l.claim('team-a', 'shared');
  await l.writer('team-a', 'shared', 1000);
  await l.waitFor(() => podsOf(l, 'team-a', 'writer-shared').some(ready));
  return l;
}
