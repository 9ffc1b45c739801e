import type { CommandRunner, InputCheck } from '../command-runner.js';
import type { cliMessages } from '../i18n/cli-messages.js';
import { guardedRunner } from './error-handler.js';
import { holdingLab } from './lab-guard.js';

interface OptionSpec {
  flags: string;
  /** Key of cliMessages with the description. */
  help: CliHelpKey;
  repeatable?: boolean;
}

export interface CommandSpec {
  name: string;
  help: CliHelpKey;
  /** commander argument syntax, e.g. `[dir]`, `<file>`, `[pvc...]`. */
  argument?: { syntax: string; help: CliHelpKey };
  options?: OptionSpec[];
  /** Loaded only when the command runs, so `--help` and `--version` stay fast. */
  load: () => Promise<CommandRunner>;
  /** Loads the check of the command's input, run before the lab is taken (lab-guard.ts). */
  loadInputCheck?: () => Promise<InputCheck>;
}

/** Commands that change the lab or the cluster: one at a time per lab (lab-guard.ts). */
const mutating = new Set(['init', 'up', 'halt', 'destroy', 'storage', 'default-class', 'fix-permissions']);

/** The command's flow as it runs: a mutating one holds its lab while it runs. */
export async function loadCommand(spec: CommandSpec): Promise<CommandRunner> {
  const run = await spec.load();
  const check = await spec.loadInputCheck?.();
  return mutating.has(spec.name) ? holdingLab(spec.name, run, check) : run;
}

type CliHelpKey = keyof typeof cliMessages.en;

/** Every subcommand of SPEC §3, in the order of the wizard's steps. */
export const commands: CommandSpec[] = [
  {
    name: 'init',
    help: 'cmdInit',
    argument: { syntax: '[dir]', help: 'argDir' },
    options: [
      { flags: '--force', help: 'optForce' },
      { flags: '--network <a.b.c.0/24>', help: 'optNetwork' },
      { flags: '--kubernetes [version]', help: 'optKubernetes' },
    ],
    load: async () => (await import('../flows/init.js')).initCommand,
    loadInputCheck: async () => (await import('../flows/init.js')).checkInitInput,
  },
  { name: 'check', help: 'cmdCheck', load: async () => (await import('../flows/check.js')).checkCommand },
  {
    name: 'up',
    help: 'cmdUp',
    options: [
      { flags: '--provision', help: 'optProvision' },
      { flags: '--no-parallel', help: 'optNoParallel' },
    ],
    load: async () => (await import('../flows/up.js')).upCommand,
  },
  { name: 'status', help: 'cmdStatus', load: async () => (await import('../flows/status.js')).statusCommand },
  { name: 'halt', help: 'cmdHalt', load: async () => (await import('../flows/halt.js')).haltCommand },
  { name: 'destroy', help: 'cmdDestroy', load: async () => (await import('../flows/destroy.js')).destroyCommand },
  {
    name: 'storage',
    help: 'cmdStorage',
    options: [
      { flags: '--pvc <name>', help: 'optPvc' },
      { flags: '--size <quantity>', help: 'optSize' },
      { flags: '-n, --namespace <namespace>', help: 'optNamespace' },
      { flags: '--access-mode <mode>', help: 'optAccessMode' },
      { flags: '--secret-namespace <namespace>', help: 'optSecretNamespace' },
      { flags: '--client', help: 'optClient' },
      { flags: '--path <path>', help: 'optPath' },
      { flags: '--on-delete <policy>', help: 'optOnDelete' },
      { flags: '--prevention <how>', help: 'optPrevention' },
    ],
    load: async () => (await import('../flows/storage.js')).storageCommand,
  },
  {
    name: 'default-class',
    help: 'cmdDefaultClass',
    options: [
      { flags: '--undo', help: 'optUndo' },
      { flags: '--path <path>', help: 'optDcPath' },
    ],
    load: async () => (await import('../flows/default-class.js')).defaultClassCommand,
  },
  { name: 'doctor', help: 'cmdDoctor', load: async () => (await import('../flows/doctor.js')).doctorCommand },
  {
    name: 'fix-permissions',
    help: 'cmdFixPermissions',
    argument: { syntax: '[pvc...]', help: 'argPvc' },
    options: [
      { flags: '--all-suspected', help: 'optAllSuspected' },
      { flags: '--timeout <seconds>', help: 'optPodTimeout' },
    ],
    load: async () => (await import('../flows/fix-permissions.js')).fixPermissionsCommand,
  },
  {
    name: 'diagnose',
    help: 'cmdDiagnose',
    // Optional: the wizard asks for a file or a paste; in a pipe a missing file is exit 2.
    argument: { syntax: '[file]', help: 'argFile' },
    load: async () => (await import('../flows/diagnose.js')).diagnoseCommand,
  },
  {
    name: 'demo',
    help: 'cmdDemo',
    options: [
      { flags: '--scenario <name...>', help: 'optScenario' },
      { flags: '--speed <factor>', help: 'optSpeed' },
      { flags: '--kubernetes [version]', help: 'optDemoKubernetes' },
    ],
    load: async () => (await import('../flows/demo.js')).demoCommand(loadStep),
  },
];

/**
 * The flow of the step named `command`, for the wizard and the demo's tour; its errors end
 * in the top-level handler's sentences and codes, as the command's own would.
 */
export async function loadStep(command: string): Promise<CommandRunner | undefined> {
  const spec = commands.find((c) => c.name === command);
  return spec && guardedRunner(await loadCommand(spec));
}
