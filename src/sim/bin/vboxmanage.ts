import { endBySignalBetweenUpdates } from './end-by-signal.js';
import { runVBoxManage } from '../vboxmanage-cli.js';

endBySignalBetweenUpdates();
const result = runVBoxManage(process.argv.slice(2));
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.code;
