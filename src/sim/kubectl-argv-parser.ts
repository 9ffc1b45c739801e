/** Flags of the simulated kubectl: each exists in the real `kubectl <cmd> --help`. */
export const globalValued = ['--context', '--kubeconfig', '-n', '--namespace', '--request-timeout'];

interface CommandFlags {
  valued: string[];
  bool: string[];
}

export const commandFlags: Record<string, CommandFlags> = {
  version: { valued: ['-o', '--output'], bool: ['--client'] },
  config: { valued: ['-o', '--output'], bool: ['--minify', '--raw'] },
  get: { valued: ['-o', '--output', '--field-selector', '-l', '--selector'], bool: ['-A', '--all-namespaces', '--ignore-not-found'] },
  apply: { valued: ['-f', '--filename', '-o', '--output'], bool: [] },
  create: { valued: ['-f', '--filename', '-o', '--output'], bool: [] },
  replace: { valued: ['-f', '--filename', '-o', '--output'], bool: [] },
  delete: { valued: [], bool: ['--ignore-not-found', '--wait'] },
  patch: { valued: ['--type', '-p', '--patch', '-o', '--output'], bool: [] },
  logs: { valued: ['--tail', '-c', '--container'], bool: [] },
  exec: { valued: ['-c', '--container'], bool: ['-i', '--stdin', '-t', '--tty'] },
};

const aliases: Record<string, string> = { '-n': '--namespace', '-o': '--output', '-f': '--filename', '-l': '--selector', '-A': '--all-namespaces', '-p': '--patch', '-c': '--container', '-i': '--stdin', '-t': '--tty' };

export interface KubectlArgs {
  command: string;
  positional: string[];
  values: Map<string, string>;
  flags: Map<string, string>;
  /** After `--` (exec's command). */
  rest: string[];
}

export type ParseResult = { ok: true; args: KubectlArgs } | { ok: false; message: string };

/** Parses like kubectl's cobra: global flags anywhere, `--flag=value` or `--flag value`. */
export function parseKubectl(argv: readonly string[]): ParseResult {
  const positional: string[] = [];
  const values = new Map<string, string>();
  const flags = new Map<string, string>();
  let rest: string[] = [];
  let command: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      rest = argv.slice(i + 1);
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      if (command === undefined) command = arg;
      else positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const raw = eq > 0 ? arg.slice(0, eq) : arg;
    const name = aliases[raw] ?? raw;
    const spec = command === undefined ? undefined : commandFlags[command];
    const valued = globalValued.includes(raw) || (spec?.valued.includes(raw) ?? false);
    const bool = spec?.bool.includes(raw) ?? false;
    if (valued) {
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined) return { ok: false, message: `error: flag needs an argument: ${raw}` };
      values.set(name, value);
    } else if (bool) {
      flags.set(name, eq > 0 ? arg.slice(eq + 1) : 'true');
    } else {
      const shown = raw.startsWith('--') ? raw : `-${raw.slice(1, 2)}`;
      const where = command === undefined ? 'kubectl' : `kubectl ${command}`;
      const text = raw.startsWith('--') ? `unknown flag: ${shown}` : `unknown shorthand flag: '${raw.slice(1, 2)}' in ${arg}`;
      return { ok: false, message: `Error: ${text}\nSee '${where} --help' for usage.` };
    }
  }
  if (command === undefined) return { ok: false, message: 'error: no command' };
  if (!(command in commandFlags)) return { ok: false, message: `Error: unknown command "${command}" for "kubectl"` };
  return { ok: true, args: { command, positional, values, flags, rest } };
}
