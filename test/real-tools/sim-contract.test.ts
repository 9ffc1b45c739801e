import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandFlags, globalValued } from '../../src/sim/kubectl-argv-parser.js';
import { commandOptions } from '../../src/sim/vagrant-argv-parser.js';
import { type SimLab, startSimLab } from '../../src/sim/sim-lab.js';
import { distSimBinDir, run, tempLabDir, untimed } from '../unit/sim/sim-helpers.js';

/**
 * The simulator against the real Debian vagrant 2.3.4 and kubectl installed here, on
 * the argument lists gluster-lab sends, wherever the real tool can answer without
 * VirtualBox or a cluster. Without VirtualBox, the real vagrant is exactly the
 * 'virtualbox-missing' scenario.
 */
const has = (tool: string) => spawnSync(tool, ['--help'], { encoding: 'utf8' }).error === undefined;
const realVagrant = has('vagrant');
const realKubectl = has('kubectl');

const vagrantfile = `Vagrant.configure("2") do |config|
  config.vm.box = "bento/ubuntu-24.04"
  # The order the lab's own Vagrantfile defines them: the gluster nodes, then Heketi.
  %w[gluster1 gluster2 gluster3 heketi].each do |name|
    config.vm.define name do |m|
      m.vm.hostname = name
    end
  end
end
`;

let simBinDir = '';
let missing: SimLab;
let healthy: SimLab;
let dir = '';
beforeAll(async () => {
  simBinDir = distSimBinDir;
  missing = await startSimLab({ simBinDir, scenarios: ['virtualbox-missing'], heketiKey: 'k' });
  healthy = await startSimLab({ simBinDir, heketiKey: 'k' });
  dir = tempLabDir();
  writeFileSync(join(dir, 'Vagrantfile'), vagrantfile);
}, 120_000);
afterAll(async () => {
  await missing?.stop();
  await healthy?.stop();
});

/** The real vagrant with the virtualbox provider asked for, as the lab's Vagrantfile does. */
function realEnv(): NodeJS.ProcessEnv {
  return { ...process.env, VAGRANT_DEFAULT_PROVIDER: 'virtualbox', VAGRANT_CHECKPOINT_DISABLE: '1' };
}

describe.skipIf(!realVagrant)('simulated vagrant agrees with the real vagrant 2.3.4', () => {
  const cases: Array<{ args: string[]; sim: () => SimLab }> = [
    { args: ['--version'], sim: () => healthy },
    { args: ['status', '--machine-readable'], sim: () => missing },
    { args: ['up', '--machine-readable'], sim: () => missing },
    { args: ['halt', '--machine-readable'], sim: () => missing },
    { args: ['destroy', '--force', '--machine-readable'], sim: () => missing },
    { args: ['provision', '--machine-readable'], sim: () => missing },
    { args: ['validate'], sim: () => missing },
    { args: ['ssh', 'gluster1', '-c', 'sudo gluster peer status --xml'], sim: () => missing },
    { args: ['halt', 'gluster2', '--machine-readable'], sim: () => missing },
    { args: ['validate', '--ignore-provider', '--machine-readable'], sim: () => healthy },
    { args: ['status', '--bogus'], sim: () => healthy },
    { args: ['up', '--bogus', '--machine-readable'], sim: () => healthy },
    { args: ['halt', '--bogus', '--machine-readable'], sim: () => healthy },
    { args: ['bogus'], sim: () => healthy },
    { args: ['bogus', '--machine-readable'], sim: () => healthy },
  ];
  for (const { args, sim } of cases) {
    it(`vagrant ${args.join(' ')}`, async () => {
      const real = await run('vagrant', args, dir, realEnv());
      const simulated = await run('vagrant', args, dir, sim().env);
      expect(untimed(simulated.stdout)).toBe(untimed(real.stdout));
      expect(simulated.stderr).toBe(real.stderr);
      expect(simulated.status).toBe(real.status);
    }, 60_000);
  }

  it('every vagrant option the simulator accepts is in the real `vagrant COMMAND -h`', async () => {
    for (const [command, spec] of Object.entries(commandOptions)) {
      const help = (await run('vagrant', [command, '-h'], dir, realEnv())).stdout;
      for (const flag of [...spec.flags, ...spec.valued]) {
        const negated = flag.replace(/^--no-/, '--');
        const mentioned = help.includes(`${flag} `) || help.includes(`${flag},`) || help.includes(`--[no-]${negated.slice(2)} `) || help.includes(`--[no-]${flag.slice(2)}`);
        expect(mentioned, `vagrant ${command} ${flag}`).toBe(true);
      }
    }
  }, 120_000);
});

describe.skipIf(!realKubectl)('simulated kubectl agrees with the real kubectl', () => {
  it('every flag the simulator accepts exists in the real `kubectl <cmd> --help`', async () => {
    const options = (await run('kubectl', ['options'], dir, process.env)).stdout;
    for (const flag of globalValued) expect(options, `global ${flag}`).toMatch(new RegExp(`(^|[ ,])${flag}[=,]`, 'm'));
    for (const [command, spec] of Object.entries(commandFlags)) {
      const args = command === 'config' ? ['config', 'view', '--help'] : [command, '--help'];
      const help = (await run('kubectl', args, dir, process.env)).stdout;
      for (const flag of [...spec.valued, ...spec.bool]) {
        expect(help, `kubectl ${command} ${flag}`).toMatch(new RegExp(`(^|[ ,])${flag}[=,]`, 'm'));
      }
    }
  }, 120_000);

  it('reports an unknown flag in the same words and exit code', async () => {
    for (const args of [['get', 'pvc', '--bogus'], ['get', 'pvc', '-x'], ['apply', '-f', '-', '--nope']]) {
      const real = await run('kubectl', args, dir, process.env, '');
      const simulated = await run('kubectl', args, dir, healthy.env, '');
      expect(simulated.stderr).toBe(real.stderr);
      expect(simulated.status).toBe(real.status);
    }
  });

  it('reports an unknown command with the same first line', async () => {
    const real = await run('kubectl', ['bogus'], dir, process.env);
    const simulated = await run('kubectl', ['bogus'], dir, healthy.env);
    expect(simulated.stderr.split('\n')[0]).toBe(real.stderr.split('\n')[0]);
    expect(simulated.status).toBe(real.status);
  });

  it('prints `version --client -o json` with the same keys', async () => {
    type ClientVersion = { clientVersion: Record<string, unknown> };
    const real = JSON.parse((await run('kubectl', ['version', '--client', '-o', 'json'], dir, process.env)).stdout) as ClientVersion;
    const simulated = JSON.parse((await run('kubectl', ['version', '--client', '-o', 'json'], dir, healthy.env)).stdout) as ClientVersion;
    expect(Object.keys(simulated)).toEqual(Object.keys(real));
    expect(Object.keys(simulated.clientVersion)).toEqual(Object.keys(real.clientVersion));
  });
});
