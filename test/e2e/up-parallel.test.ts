import { afterEach, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import type { SimCall } from '../../src/sim/call-log.js';
import { enableKubeNode } from './kube-node-fixture.js';
import { processesMatching, simulatedLab, type UpTestLab } from './sim-lab-fixture.js';
import { cliPath, startTerminal, type Terminal } from './terminal.js';

/** The `vagrant up NAME` runs the simulated vagrant recorded: name → start and end (wall-clock ms). */
function upRuns(calls: readonly SimCall[]): Map<string, { start: number; end?: number; exitCode?: number }> {
  const runs = new Map<string, { start: number; end?: number; exitCode?: number }>();
  for (const call of calls) {
    if (call.argv[0] !== 'up') continue;
    const name = call.argv.at(-1) ?? '';
    if (call.event === 'start') runs.set(name, { start: call.at });
    else {
      const run = runs.get(name);
      if (run) Object.assign(run, { end: call.at, exitCode: call.exitCode });
    }
  }
  return runs;
}

describe('a parallel bring-up against the simulated vagrant', () => {
  let lab: UpTestLab | undefined;
  let term: Terminal | undefined;
  afterEach(async () => {
    await term?.close();
    await lab?.dispose();
    term = undefined;
    lab = undefined;
  });

  it('starts the gluster VMs and the Kubernetes node before the first one finishes, and Heketi after all gluster VMs', async () => {
    lab = await simulatedLab(['healthy'], 8);
    await enableKubeNode(lab.labDir);
    const result = await execa(process.execPath, [cliPath, 'up', '--dir', lab.labDir, '--lang', 'en'], { env: lab.sim.env, reject: false });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain('All 5 VMs are up');
    const calls = lab.sim.calls();
    // The box is checked once, before any VM: it is installed, so nothing is added.
    const boxCalls = calls.filter((c) => c.argv[0] === 'box' && c.event === 'start').map((c) => c.argv.join(' '));
    expect(boxCalls).toEqual(['box list --machine-readable']);
    const runs = upRuns(calls);
    expect([...runs.keys()].sort()).toEqual(['gluster1', 'gluster2', 'gluster3', 'heketi', 'k8s']);
    // One `vagrant up NAME` each, with --machine-readable and no other machine.
    for (const call of calls.filter((c) => c.argv[0] === 'up' && c.event === 'start')) expect(call.argv).toEqual(['up', '--machine-readable', call.argv.at(-1)]);
    const firstWave = ['gluster1', 'gluster2', 'gluster3', 'k8s'].map((name) => runs.get(name)!);
    const firstEnd = Math.min(...firstWave.map((r) => r.end!));
    for (const run of firstWave) expect(run.start).toBeLessThan(firstEnd);
    const glusterEnd = Math.max(...['gluster1', 'gluster2', 'gluster3'].map((name) => runs.get(name)!.end!));
    expect(runs.get('heketi')!.start).toBeGreaterThan(glusterEnd);
    // Every child's records went to the one log, each line whole.
    const state = lab.sim.readState();
    for (const name of ['gluster1', 'gluster2', 'gluster3', 'heketi', 'k8s']) expect(state.machines[name]).toMatchObject({ state: 'running', provisioned: true });
  });

  it('lets the other VMs finish when one fails, leaves Heketi unstarted, and names each VM in the summary', async () => {
    lab = await simulatedLab(['ansible-task-fails'], 20);
    const result = await execa(process.execPath, [cliPath, 'up', '--dir', lab.labDir, '--lang', 'en'], { env: lab.sim.env, reject: false });
    expect(result.exitCode).toBe(1);
    const out = `${result.stdout}\n${result.stderr}`;
    expect(out).toMatch(/gluster2 failed while provisioning \(task "Install GlusterFS server and the LVM tools Heketi drives"\)\./);
    expect(out).toContain('Up all the same: gluster1, gluster3.');
    expect(out).toContain('Not started, because a VM they wait for is not up: heketi.');
    expect(result.stdout).toMatch(/gluster1: ready, \d+:\d\d, ok=\d+ changed=\d+ failed=0/);
    expect(result.stdout).toMatch(/gluster3: ready, \d+:\d\d, ok=\d+ changed=\d+ failed=0/);
    expect(result.stdout).toMatch(/heketi: queued, -/);
    const runs = upRuns(lab.sim.calls());
    expect(runs.get('gluster2')?.exitCode).toBe(1);
    expect(runs.get('gluster1')?.exitCode).toBe(0);
    expect(runs.get('gluster3')?.exitCode).toBe(0);
    expect(runs.has('heketi')).toBe(false);
    const state = lab.sim.readState();
    expect(state.machines.gluster1).toMatchObject({ state: 'running', provisioned: true });
    expect(state.machines.gluster3).toMatchObject({ state: 'running', provisioned: true });
    expect(state.machines.heketi).toBeUndefined();

    // Fixed: the next `up` provisions only the VM whose provisioning failed again.
    lab.sim.updateState((s) => {
      s.scenarios = ['healthy'];
    });
    const again = await execa(process.execPath, [cliPath, 'up', '--dir', lab.labDir, '--lang', 'en'], { env: lab.sim.env, reject: false });
    expect(again.exitCode, again.stderr).toBe(0);
    const second = lab.sim.calls().filter((c) => c.argv[0] === 'up' && c.event === 'start').slice(3);
    expect(second.map((c) => c.argv.join(' ')).sort()).toEqual([
      'up --machine-readable --provision gluster2',
      'up --machine-readable gluster1',
      'up --machine-readable gluster3',
      'up --machine-readable heketi',
    ]);
  }, 90_000);

  it('adds a missing box once, before the VMs import it', async () => {
    lab = await simulatedLab(['healthy'], 40);
    lab.sim.updateState((s) => {
      s.boxes = [];
    });
    const result = await execa(process.execPath, [cliPath, 'up', '--dir', lab.labDir, '--lang', 'en'], { env: lab.sim.env, reject: false });
    expect(result.exitCode, result.stderr).toBe(0);
    const calls = lab.sim.calls();
    const adds = calls.filter((c) => c.argv[0] === 'box' && c.argv[1] === 'add');
    expect(adds.map((c) => `${c.event} ${c.argv.join(' ')}`)).toEqual([
      'start box add bento/ubuntu-24.04 --provider virtualbox --box-version 202510.26.0 --machine-readable',
      'end box add bento/ubuntu-24.04 --provider virtualbox --box-version 202510.26.0 --machine-readable',
    ]);
    const addEnd = adds[1]!.at;
    for (const run of upRuns(calls).values()) expect(run.start).toBeGreaterThan(addEnd);
    expect(lab.sim.readState().boxes).toEqual(['bento/ubuntu-24.04']);
  });

  it('stops every VM on Ctrl-C: exit 130, no simulated vagrant left, Heketi never started', async () => {
    lab = await simulatedLab(['healthy'], 2);
    await enableKubeNode(lab.labDir);
    term = await startTerminal({ args: ['up', '--dir', lab.labDir, '--lang', 'en'], env: lab.sim.env, cols: 120, rows: 40 });
    const cli = await term.pid();
    // Wait until all four first-wave VMs have their own vagrant running.
    const children = async () => (await processesMatching('sim-bin/vagrant.js')).filter((row) => row.trim().split(/\s+/)[1] === String(cli));
    const deadline = Date.now() + 30_000;
    while ((await children()).length < 4 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    const pids = (await children()).map((row) => row.trim().split(/\s+/)[0]);
    expect(pids.length).toBe(4);
    // A process is listed as soon as node starts, before the simulated vagrant has loaded and
    // set its Ctrl-C handler; its "start" record comes after the handler. Under load a Ctrl-C
    // before that kills it outright (as it would a real vagrant still loading), with no "end".
    while (upRuns(lab.sim.calls()).size < 4 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect([...upRuns(lab.sim.calls()).keys()].sort()).toEqual(['gluster1', 'gluster2', 'gluster3', 'k8s']);
    await term.waitFor(/booting|importing box|waiting for SSH/, 30_000);
    await term.press('ctrlC');
    expect(await term.exitCode(30_000)).toBe(130);
    expect(await term.screen()).toContain('Interrupted. VMs already started keep their state');
    const left = (await processesMatching('sim-bin/vagrant.js')).filter((row) => {
      const [pid, ppid] = row.trim().split(/\s+/);
      return pids.includes(pid) || pids.includes(ppid) || ppid === String(cli);
    });
    expect(left).toEqual([]);
    // Each child ended after Vagrant's own clean-up, and Heketi was never started.
    const calls = lab.sim.calls();
    expect(calls.filter((c) => c.argv[0] === 'up' && c.event === 'end').map((c) => c.exitCode)).toEqual([1, 1, 1, 1]);
    expect(upRuns(calls).has('heketi')).toBe(false);
  });
});
