import { readFileSync } from 'node:fs';
import { isJsonInput, runKubectl } from '../kubectl-cli.js';
import { endBySignalBetweenUpdates } from './end-by-signal.js';

endBySignalBetweenUpdates();

async function main(argv: string[]): Promise<number> {
  // Only `-f -` reads stdin; other commands must not wait on a terminal.
  const wantsStdin = argv.some((a, i) => (a === '-f' || a === '--filename') && argv[i + 1] === '-') || argv.includes('--filename=-');
  const stdin = wantsStdin ? readFileSync(0, 'utf8') : '';
  // The YAML parser only for YAML: JSON (what gluster-lab sends) is read without it.
  const parseYaml = isJsonInput(stdin) ? undefined : (await import('../yaml-documents.js')).parseYamlDocuments;
  return runKubectl(argv, { env: process.env, stdin, stdout: process.stdout, stderr: process.stderr, ...(parseYaml ? { parseYaml } : {}) });
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  },
);
