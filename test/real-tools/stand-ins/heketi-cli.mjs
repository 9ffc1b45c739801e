#!/usr/bin/env node
// A stand-in heketi-cli (v10.4) for tasks/k8s-volume.yml: `volume list|info|create --json`
// answered from a JSON state file ($HEKETI_STANDIN_STATE), in the shapes heketi-cli prints
// (client/cli/go/cmds/volume.go: json.Marshal of the API response, no newline; errors as
// "Error: …" on stderr with exit status 255). Every call is appended to $HEKETI_STANDIN_CALLS
// with whether the server, user and key came through the environment.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';

const stateFile = process.env.HEKETI_STANDIN_STATE;
const state = JSON.parse(readFileSync(stateFile, 'utf8'));
const args = process.argv.slice(2);
appendFileSync(
  process.env.HEKETI_STANDIN_CALLS,
  `${JSON.stringify({ args, server: process.env.HEKETI_CLI_SERVER, user: process.env.HEKETI_CLI_USER, key: process.env.HEKETI_CLI_KEY })}\n`,
);
const fail = (message) => {
  process.stderr.write(`Error: ${message}\n`);
  process.exit(255);
};
if (process.env.HEKETI_CLI_KEY !== state.key) fail('Invalid JWT token: signature is invalid (client and server secrets may not match)');
const flag = (name) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const [noun, verb, id] = args;
if (noun !== 'volume' || !args.includes('--json')) fail(`stand-in: unexpected call: ${args.join(' ')}`);

if (verb === 'list') {
  // The server marshals a nil slice: an empty list is null.
  process.stdout.write(JSON.stringify({ volumes: state.volumes.length ? state.volumes.map((v) => v.id) : null }));
} else if (verb === 'info') {
  const volume = state.volumes.find((v) => v.id === id);
  if (!volume) fail('Id not found');
  process.stdout.write(JSON.stringify(volume));
} else if (verb === 'create') {
  if (state.createError) fail(state.createError);
  const volumeId = randomBytes(16).toString('hex');
  const name = flag('name') ?? `vol_${volumeId}`;
  const volume = {
    size: Number(flag('size')),
    name,
    durability: { type: flag('durability'), replicate: { replica: Number(flag('replica')) }, disperse: {} },
    glustervolumeoptions: [''],
    snapshot: { enable: false, factor: 1 },
    id: volumeId,
    cluster: state.cluster,
    mount: { glusterfs: { hosts: state.hosts, device: `${state.hosts[0]}:${name}`, options: { 'backup-volfile-servers': state.hosts.slice(1).join(',') } } },
    blockinfo: {},
    bricks: [],
  };
  state.volumes.push(volume);
  writeFileSync(stateFile, JSON.stringify(state));
  process.stdout.write(JSON.stringify(volume));
} else fail(`stand-in: unexpected call: ${args.join(' ')}`);
