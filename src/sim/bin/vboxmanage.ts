import { existsSync } from 'node:fs';
import { readStateFile } from '../state-file.js';
import { runVBoxManage } from '../vboxmanage-cli.js';

const file = process.env.GLUSTER_LAB_SIM_STATE;
const state = file && existsSync(file) ? readStateFile(file) : undefined;
const result = runVBoxManage(process.argv.slice(2), state, state?.hostOnlyAddress);
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.code;
