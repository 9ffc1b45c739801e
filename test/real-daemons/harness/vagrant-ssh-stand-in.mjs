#!/usr/bin/env node
// Stands in for `vagrant` on PATH in the real-daemon tests, for one thing only: `vagrant ssh VM
// -c 'sudo gluster …'`, which the doctor runs on a gluster VM. There are no VMs here, so the
// gluster command runs for real in the test's network namespace, against the glusterd that
// plays VM (GL_STANDIN_NS, GL_STANDIN_NODES = {"gluster1": {"sock": …, "log": …}, …}). Its
// stdout, stderr and exit code are passed on, as vagrant ssh passes on the guest's.
import { spawnSync } from 'node:child_process';

const [verb, vm, flag, command] = process.argv.slice(2);
const nodes = JSON.parse(process.env.GL_STANDIN_NODES ?? '{}');
const words = (command ?? '').split(' ').filter(Boolean);
if (verb !== 'ssh' || flag !== '-c' || words[0] !== 'sudo' || words[1] !== 'gluster' || !nodes[vm]) {
  process.stderr.write(`vagrant stand-in: only "ssh VM -c 'sudo gluster …'" for ${Object.keys(nodes).join(', ')}; got ${process.argv.slice(2).join(' ')}\n`);
  process.exit(1);
}
const { sock, log } = nodes[vm];
const args = ['netns', 'exec', process.env.GL_STANDIN_NS, 'gluster', '--mode=script', `--glusterd-sock=${sock}`, `--log-file=${log}`, ...words.slice(2)];
const result = spawnSync('ip', args, { stdio: ['ignore', 'inherit', 'inherit'], timeout: 60_000 });
process.exit(result.status ?? 1);
