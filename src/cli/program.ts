import { Command, CommanderError, Option } from 'commander';
import { cliMessages } from '../i18n/cli-messages.js';
import { translator, type Lang, type Translate } from '../i18n/define.js';
import type { CommandInput } from '../command-runner.js';
import { commands, type CommandSpec } from './commands.js';
import { helpConfiguration } from './help-format.js';
import type { GlobalOptions } from './global-options.js';

export interface Invocation {
  /** undefined: no subcommand, open the wizard. */
  command: CommandSpec | undefined;
  input: CommandInput;
  globals: GlobalOptions;
}

/**
 * Builds the commander program with every description from the catalogue. Parsing
 * only records what was asked; running is the caller's job, so errors map to exit codes
 * in one place.
 */
export function buildProgram(lang: Lang, version: string, onInvoke: (inv: Invocation) => void): Command {
  const t = translator(cliMessages, lang);
  const program = new Command('gluster-lab')
    .description(t('programDescription'))
    .version(version, '-V, --version', t('optVersion'))
    .helpOption('-h, --help', t('optHelp'))
    .helpCommand(false)
    .configureHelp(helpConfiguration(lang))
    .exitOverride()
    .configureOutput({ outputError: () => {} })
    .addOption(new Option('--dir <dir>', t('optDir')))
    .addOption(new Option('--lang <lang>', t('optLang')).choices(['en', 'ja']))
    .addOption(new Option('--json', t('optJson')))
    .addOption(new Option('-y, --yes', t('optYes')))
    .addOption(new Option('--context <name>', t('optContext')))
    .addOption(new Option('--kubeconfig <file>', t('optKubeconfig')))
    // Extra words reach the action so that a mistyped command gets "unknown command",
    // not commander's "too many arguments".
    .allowExcessArguments(true)
    .action(() => {
      const stray = program.args[0];
      if (stray !== undefined) {
        throw new CommanderError(2, 'commander.unknownCommand', `error: unknown command '${stray}'`);
      }
      onInvoke({ command: undefined, input: { args: [], options: {} }, globals: program.opts<GlobalOptions>() });
    });

  for (const spec of commands) addCommand(program, spec, t, onInvoke);
  return program;
}

function addCommand(program: Command, spec: CommandSpec, t: Translate<keyof typeof cliMessages.en>, onInvoke: (inv: Invocation) => void) {
  const cmd = program
    .command(spec.name)
    .description(t(spec.help))
    .helpOption('-h, --help', t('optHelp'))
    .exitOverride()
    .configureOutput({ outputError: () => {} });
  if (spec.argument) cmd.argument(spec.argument.syntax, t(spec.argument.help));
  for (const opt of spec.options ?? []) cmd.addOption(new Option(opt.flags, t(opt.help)));
  cmd.action((...params: unknown[]) => {
    const self = params[params.length - 1] as Command;
    // No argument has a parser or a default: each is the word given, the words of a variadic one, or absent.
    const processed = self.processedArgs as (string | string[] | undefined)[];
    const args = processed.flatMap((a) => (a === undefined ? [] : Array.isArray(a) ? a : [a]));
    onInvoke({ command: spec, input: { args, options: self.opts() }, globals: self.optsWithGlobals<GlobalOptions>() });
  });
}

/** Turns a commander usage error into one translated sentence. */
export function usageMessage(error: CommanderError, lang: Lang): string {
  const t = translator(cliMessages, lang);
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'commander.unknownOption':
      return t('errUnknownOption', { option: quoted });
    case 'commander.unknownCommand':
      return t('errUnknownCommand', { command: quoted });
    case 'commander.missingArgument':
      return t('errMissingArgument', { argument: quoted });
    case 'commander.optionMissingArgument':
      return t('errOptionMissingArgument', { option: quoted });
    case 'commander.excessArguments':
      return t('errExcessArguments');
    case 'commander.invalidArgument':
      return t('errInvalidArgument', { message: error.message.replace(/^error: /, '') });
    default:
      return error.message.replace(/^error: /, '');
  }
}
