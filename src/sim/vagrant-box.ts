import { readLabConfig } from './lab-config-reader.js';
import { sleepSim } from './sim-clock.js';
import type { SimState } from './sim-state.js';
import { readStateFile, updateStateFile } from './state-file.js';
import * as text from './vagrant-texts.js';
import type { VagrantUi } from './vagrant-ui.js';

export interface BoxIo {
  ui: VagrantUi;
  stdout: NodeJS.WritableStream;
  cwd: string;
  stateFile: string;
  speed: number;
  signal: AbortSignal;
}

/** The boxes this simulated host has; an older state file without the list has the lab's box. */
function installedBoxes(state: SimState, labBox: string): string[] {
  return state.boxes ?? [labBox];
}

/**
 * `vagrant box list` and `vagrant box add NAME [--provider P]`, as Vagrant 2.3.4 prints
 * them (plugins/commands/box, builtin/box_add.rb): records, a prefixed "box" UI, and the
 * BoxAddShortNotFound error of a box the catalogue does not have.
 */
export async function runBox(args: readonly string[], io: BoxIo): Promise<number> {
  const { ui } = io;
  const [sub, ...rest] = args.filter((a) => a !== '--machine-readable');
  const lab = readLabConfig(io.cwd);
  const labBox = lab.box;
  // The simulated host has the version the lab pins (or the box's current one).
  const installedVersion = lab.box_version ?? text.boxVersion;
  if (sub === 'list' && rest.length === 0) {
    const boxes = installedBoxes(readStateFile(io.stateFile), labBox);
    if (boxes.length === 0) ui.env('warn', text.noInstalledBoxes);
    const width = Math.max(0, ...boxes.map((b) => b.length));
    for (const box of boxes) {
      ui.env('info', `${box.padEnd(width)} (virtualbox, ${installedVersion})`);
      ui.record('', 'box-name', box);
      ui.record('', 'box-provider', 'virtualbox');
      ui.record('', 'box-version', installedVersion);
    }
    return 0;
  }
  const provider = rest.indexOf('--provider');
  const versionAt = rest.indexOf('--box-version');
  const names = rest.filter((a, i) => !a.startsWith('-') && i !== provider + 1 && (versionAt === -1 || i !== versionAt + 1));
  if (sub === 'add' && names.length === 1 && (provider === -1 || rest[provider + 1] === 'virtualbox')) {
    const box = names[0] as string;
    const version = versionAt === -1 ? text.boxVersion : (rest[versionAt + 1] ?? text.boxVersion);
    const state = readStateFile(io.stateFile);
    if (state.scenarios.includes('box-not-found')) return ui.fail(text.errorClass.boxNotFound, text.boxNotFound(box));
    ui.machine('box', 'info', `Loading metadata for box '${box}'`);
    ui.machine('box', 'detail', `URL: https://vagrantcloud.com/api/v2/vagrant/${box}`);
    ui.machine('box', 'info', `Adding box '${box}' (v${version}) for provider: virtualbox`);
    ui.machine('box', 'detail', `Downloading: https://vagrantcloud.com/${box}/versions/${version}/providers/virtualbox/amd64/vagrant.box`);
    if (!(await sleepSim(20_000, io.speed, io.signal))) return ui.fail(text.errorClass.interrupt, text.interrupted);
    updateStateFile(io.stateFile, (s) => {
      s.boxes = [...new Set([...installedBoxes(s, labBox), box])];
    });
    ui.machine('box', 'success', `Successfully added box '${box}' (v${version}) for 'virtualbox'!`);
    return 0;
  }
  return ui.fail(text.errorClass.invalidOptions, text.invalidOptions);
}
