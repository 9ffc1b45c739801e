import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import type { ScenarioName } from '../../src/sim/scenarios.js';
import { startSimLab, writeSimLabConfig, type SimLab } from '../../src/sim/sim-lab.js';
import { cliPath } from './terminal.js';

export interface UpTestLab {
  root: string;
  labDir: string;
  sim: SimLab;
  dispose(): Promise<void>;
}

/** A lab made by `gluster-lab init`, pointed at a simulated lab (Heketi on 127.0.0.1). */
export async function simulatedLab(scenarios: ScenarioName[], speed: number, machines?: 'running' | 'poweroff'): Promise<UpTestLab> {
  const root = mkdtempSync(join(tmpdir(), 'gl-up-'));
  const labDir = join(root, 'lab');
  await execa(process.execPath, [cliPath, 'init', labDir, '--lang', 'en']);
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
