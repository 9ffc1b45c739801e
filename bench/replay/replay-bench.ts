/**
 * The replay rows of the bench: a fake `vagrant` on PATH replays a bring-up at a set pace
 * into `gluster-lab up` (its live screen, in a 120×40 pseudo-terminal) or into the
 * passthrough baseline, and reports what its parent, the process under test, used.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readLabPlaybook } from '../../src/sim/lab-playbook.js';
import { startInPty } from './pty.js';
import { readRealGuestLines, replayRecords, type ReplayMachine } from './replay-records.js';
import type { Pace, ReplayReport, ReplaySpec } from './replay-spec.js';

type Subject = 'up' | 'passthrough';

export interface ReplayBench {
  /** Replays `lines` records at `pace` into `subject`; what the fake vagrant measured. */
  run(subject: Subject, lines: number, pace: Pace, extraArgs?: string[]): Promise<ReplayReport & { screen: string }>;
  /** How many records come before the first TASK line (a VM at work, before its first task ends). */
  recordsToFirstTask(): number;
}

export function replayBench(options: { work: string; cli: string; fakeVagrant: string; passthrough: string; samplesDir: string; env: NodeJS.ProcessEnv }): ReplayBench {
  const { work, cli, env } = options;
  const labDir = join(work, 'lab');
  execFileSync(process.execPath, [cli, 'init', labDir, '--lang', 'en'], { env, stdio: 'ignore' });
  const machines: ReplayMachine[] = ['gluster1', 'gluster2', 'gluster3', 'heketi'].map((name) => {
    const playbook = readLabPlaybook(labDir, name === 'heketi' ? 'heketi' : 'gluster');
    if (!playbook) throw new Error(`${labDir}: no playbook for ${name}`);
    return { name, playbook };
  });
  const guest = readRealGuestLines(options.samplesDir);
  const bin = join(work, 'bin');
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, 'vagrant'), `#!/bin/sh\nexec "${process.execPath}" "${options.fakeVagrant}" "$@"\n`, { mode: 0o755 });
  const recordFiles = new Map<number, string>();
  const recordsFile = (lines: number) => {
    let file = recordFiles.get(lines);
    if (!file) {
      file = join(work, `records-${lines}.txt`);
      writeFileSync(file, `${replayRecords(machines, guest, lines).join('\n')}\n`);
      recordFiles.set(lines, file);
    }
    return file;
  };
  let runs = 0;
  return {
    recordsToFirstTask() {
      const records = replayRecords(machines, guest, 1000);
      return records.findIndex((r) => r.includes(',ui,info,TASK [')) + 1;
    },
    async run(subject, lines, pace, extraArgs = []) {
      const id = ++runs;
      const spec: ReplaySpec = { recordsFile: recordsFile(lines), pace, reportFile: join(work, `report-${id}.json`), settleSeconds: 1 };
      const specFile = join(work, `spec-${id}.json`);
      writeFileSync(specFile, JSON.stringify(spec));
      const logFile = join(work, `passthrough-${id}.log`);
      // --no-parallel: one vagrant child, as the passthrough baseline spawns one (the parallel
      // bring-up's first `vagrant status` and `box list` are not what this replays).
      const args = subject === 'up' ? [process.execPath, ...extraArgs, cli, 'up', '--no-parallel', '--dir', labDir, '--lang', 'en'] : [process.execPath, options.passthrough, logFile];
      const pty = startInPty(args, { ...env, PATH: `${bin}:${env.PATH ?? ''}`, GL_BENCH_REPLAY: specFile }, work);
      try {
        const seconds = pace.kind === 'rate' ? pace.seconds : pace.kind === 'idle' ? pace.afterSeconds + pace.seconds : 600;
        const ended = await pty.waitForExit((seconds + 60) * 1000);
        const screen = pty.screen();
        if (!ended || !existsSync(spec.reportFile)) throw new Error(`${subject} did not finish its replay; its screen:\n${screen}`);
        return { ...(JSON.parse(readFileSync(spec.reportFile, 'utf8')) as ReplayReport), screen };
      } finally {
        pty.close();
        // Up to a million lines each: the logs go as soon as they are measured.
        rmSync(join(labDir, 'logs'), { recursive: true, force: true });
        rmSync(logFile, { force: true });
      }
    },
  };
}
