import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { parse, stringify } from 'yaml';
import { startSimLab, writeSimLabConfig } from '../../src/sim/sim-lab.js';
import type { UpTestLab } from './sim-lab-fixture.js';
import { cliPath } from './terminal.js';

/** Turns the lab's Kubernetes node on in its gluster-lab.yaml, as an edit by hand would. */
export async function enableKubeNode(labDir: string, version = 'v1.25'): Promise<void> {
  const file = join(labDir, 'gluster-lab.yaml');
  const doc = parse(await readFile(file, 'utf8')) as { machines: Array<{ address: string }>; kubernetes: Record<string, unknown> };
  const prefix = (doc.machines[0]?.address ?? '192.168.56.20').split('.').slice(0, 3).join('.');
  doc.kubernetes.node = { enabled: true, name: 'k8s', version, address: `${prefix}.24`, cpus: 2, memory_mb: 2048 };
  await writeFile(file, stringify(doc));
}

/** A PATH whose kubectl records each argv (JSON lines), then runs the simulated one. */
export async function recordingKubectl(root: string, simBinDir: string, env: NodeJS.ProcessEnv): Promise<{ env: NodeJS.ProcessEnv; calls(): Promise<string[][]> }> {
  const dir = join(root, 'recorder');
  const log = join(root, 'kubectl-calls.jsonl');
  await mkdir(dir, { recursive: true });
  await writeFile(log, '');
  const script = [
    `#!${process.execPath}`,
    "const fs = require('node:fs');",
    "const { spawnSync } = require('node:child_process');",
    "let input = ''; try { input = fs.readFileSync(0, 'utf8'); } catch {}",
    `fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify(process.argv.slice(2)) + '\\n');`,
    `const r = spawnSync(${JSON.stringify(join(simBinDir, 'kubectl'))}, process.argv.slice(2), { input });`,
    'process.stdout.write(r.stdout); process.stderr.write(r.stderr); process.exitCode = r.status ?? 1;',
    '',
  ].join('\n');
  await writeFile(join(dir, 'kubectl'), script, { mode: 0o755 });
  return {
    env: { ...env, PATH: `${dir}:${env.PATH ?? ''}` },
    async calls() {
      const text = await readFile(log, 'utf8');
      return text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as string[]);
    },
  };
}

/** A lab made by `gluster-lab init DIR --kubernetes VERSION`, on a simulated lab (every address loopback). */
export async function kubeNodeLab(version: string, speed: number): Promise<UpTestLab & { initOutput: string }> {
  const root = mkdtempSync(join(tmpdir(), 'gl-kube-node-'));
  const labDir = join(root, 'lab');
  const init = await execa(process.execPath, [cliPath, 'init', labDir, '--kubernetes', version, '--lang', 'en']);
  const sim = await startSimLab({ scenarios: ['healthy'], speed, labDir, root: join(root, 'sim') });
  await writeSimLabConfig(labDir, sim.heketiUrl);
  return {
    root,
    labDir,
    sim,
    initOutput: init.stdout,
    async dispose() {
      await sim.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
