const vboxVersion = '7.0.20r163906';

/** The simulated VBoxManage: `--version`, which `check` asks. */
export function runVBoxManage(argv: readonly string[]): { stdout: string; stderr: string; code: number } {
  if (argv.length === 1 && argv[0] === '--version') return { stdout: `${vboxVersion}\n`, stderr: '', code: 0 };
  return { stdout: '', stderr: `VBoxManage: error: Syntax error: Invalid command '${argv.join(' ')}'\n`, code: 2 };
}
