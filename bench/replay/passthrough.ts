/**
 * The baseline of the replay rows: the least any wrapper of `vagrant up` does. It spawns
 * vagrant and tees its output to a log file and to the terminal, nothing parsed or drawn.
 * Usage: passthrough LOGFILE
 */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';

const log = createWriteStream(process.argv[2] ?? 'passthrough.log', { flags: 'a' });
const child = spawn('vagrant', ['up', '--machine-readable'], { stdio: ['ignore', 'pipe', 'inherit'] });
child.stdout.on('data', (chunk: Buffer) => {
  log.write(chunk);
  process.stdout.write(chunk);
});
child.on('close', (code) => {
  log.end(() => process.exit(code ?? 1));
});
