/** The options each vagrant subcommand accepts in 2.3.4 (`vagrant COMMAND -h`). */
interface CommandOptions {
  flags: string[];
  valued: string[];
  maxNames: number;
}

const commonFlags = ['--color', '--no-color', '--machine-readable', '--debug', '--timestamp', '--debug-timestamp', '--no-tty', '-h', '--help', '-v', '--version'];

export const commandOptions: Record<string, CommandOptions> = {
  up: {
    flags: ['--provision', '--no-provision', '--destroy-on-error', '--no-destroy-on-error', '--parallel', '--no-parallel', '--install-provider', '--no-install-provider'],
    valued: ['--provision-with', '--provider'],
    maxNames: Infinity,
  },
  halt: { flags: ['-f', '--force'], valued: [], maxNames: Infinity },
  destroy: { flags: ['-f', '--force', '--parallel', '--no-parallel', '-g', '--graceful'], valued: [], maxNames: Infinity },
  provision: { flags: [], valued: ['--provision-with'], maxNames: Infinity },
  ssh: { flags: ['-p', '--plain', '-t', '--tty', '--no-tty'], valued: ['-c', '--command'], maxNames: 1 },
  status: { flags: [], valued: [], maxNames: Infinity },
  validate: { flags: ['-p', '--ignore-provider'], valued: [], maxNames: 0 },
};

export const vagrantSubcommands = Object.keys(commandOptions);

export interface ParsedCommand {
  flags: Set<string>;
  values: Map<string, string>;
  names: string[];
  /** Arguments after `--` (ssh's extra ssh arguments). */
  extra: string[];
}

/** Parses one subcommand's arguments like Ruby's OptionParser; undefined = invalid option. */
export function parseCommand(command: string, args: readonly string[]): ParsedCommand | undefined {
  const spec = commandOptions[command];
  if (!spec) return undefined;
  const parsed: ParsedCommand = { flags: new Set(), values: new Map(), names: [], extra: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') {
      parsed.extra = args.slice(i + 1);
      break;
    }
    if (!arg.startsWith('-')) {
      parsed.names.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (spec.valued.includes(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
      if (value === undefined) return undefined;
      parsed.values.set(canonical(name), value);
    } else if (eq < 0 && (spec.flags.includes(arg) || commonFlags.includes(arg))) {
      parsed.flags.add(canonical(arg));
    } else {
      return undefined;
    }
  }
  if (parsed.names.length > spec.maxNames) return undefined;
  return parsed;
}

const longNames: Record<string, string> = { '-f': '--force', '-c': '--command', '-h': '--help', '-v': '--version', '-p': '--plain', '-g': '--graceful', '-t': '--tty' };

function canonical(flag: string): string {
  return longNames[flag] ?? flag;
}

/** Flags accepted before the subcommand (`vagrant --machine-readable status`). */
export const globalFlags = commonFlags;
