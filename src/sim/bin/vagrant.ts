import { runRecordedVagrant } from '../vagrant-cli.js';
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

// Every run is recorded (start and end), so tests can check which commands ran and when.
runRecordedVagrant(process.argv.slice(2), { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr, signal: interrupt.signal })
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  });
