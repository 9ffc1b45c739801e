import { recordCall } from '../call-log.js';
import { runVagrant } from '../vagrant-cli.js';
import { exitImmediately } from '../vagrant-texts.js';
import { machineReadableLine } from '../machine-readable-format.js';
import { endBySignalBetweenUpdates } from './end-by-signal.js';

// Ctrl-C is vagrant's own (below); the others end it.
endBySignalBetweenUpdates(['SIGTERM', 'SIGHUP']);

// Like vagrant: the first Ctrl-C asks the running action to clean up and stop; a
// second one exits at once.
const interrupt = new AbortController();
process.on('SIGINT', () => {
  if (!interrupt.signal.aborted) {
    interrupt.abort();
    return;
  }
  const mr = process.argv.includes('--machine-readable');
  process.stdout.write(mr ? `${machineReadableLine('', 'ui', ['error', exitImmediately])}\n` : '');
  if (!mr) process.stderr.write(`${exitImmediately}\n`);
  process.exit(1);
});

const argv = process.argv.slice(2);
// Every run is recorded (start and end), so tests can check which commands ran and when.
const stateFile = process.env.GLUSTER_LAB_SIM_STATE;
recordCall(stateFile, { tool: 'vagrant', argv, event: 'start' });
runVagrant(argv, { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr, signal: interrupt.signal })
  .then((code) => {
    process.exitCode = code;
    recordCall(stateFile, { tool: 'vagrant', argv, event: 'end', exitCode: code });
  })
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  });
