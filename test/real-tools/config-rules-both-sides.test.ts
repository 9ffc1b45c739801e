// One set of gluster-lab.yaml rules, held by the program (src/lab/config-schema.ts and
// config.ts) and by the Vagrantfile (check_lab_config, in Ruby): every case below goes
// through both — the program's parser, and Debian's real vagrant 2.3.4 validating a lab
// that holds the case — and both must give the same verdict. A file the program accepts is
// one `vagrant validate` accepts, and each file it refuses, vagrant refuses with our sentence.
import { accessSync, constants } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LabConfigError, parseLabConfig } from '../../src/lab/config.js';
import { defaultLabConfig } from '../../src/lab/defaults.js';
import { applyInit, planInit } from '../../src/lab/init-lab.js';
import { packageRoot } from '../../src/lab/package-root.js';

const haveVagrant = (process.env.PATH ?? '').split(delimiter).some((dir) => {
  try {
    accessSync(join(dir, 'vagrant'), constants.X_OK);
    return true;
  } catch {
    return false;
  }
});
if (!haveVagrant) console.warn('vagrant is not installed: skipping the both-sides config rules (apt-get install vagrant)');

type Edit = (text: string) => string;
const swap = (from: string, to: string): Edit => (text) => {
  if (!text.includes(from)) throw new Error(`the default gluster-lab.yaml has no "${from}"`);
  return text.replace(from, to);
};
const all = (...edits: Edit[]): Edit => (text) => edits.reduce((t, e) => e(t), text);

// The addresses come from the defaults (192.168.56.20-23 since issue 11), not from a copy
// of them: the address cases change the last machine's, whatever the defaults become.
const addresses = defaultLabConfig.machines.map((m) => m.address);
const lastAddress = addresses.at(-1) ?? '';
const net = lastAddress.split('.').slice(0, 3).join('.');
const otherNet = `${net.split('.').slice(0, 2).join('.')}.${Number(net.split('.')[2]) + 1}`;
const address = (to: string): Edit => swap(`address: ${lastAddress}\n`, `address: ${to}\n`);
/** Every default address (and Heketi's URL) moved to another /24, as `init --network` does. */
const network = (to: string): Edit => (text) => {
  if (!text.includes(`${net}.`)) throw new Error(`the default gluster-lab.yaml has no "${net}."`);
  return text.replaceAll(`${net}.`, `${to}.`);
};

/** The lab's own Kubernetes node (issue 17), added under kubernetes: with these values. */
const kubeNode = (cpus: number, memory: number, nodeAddress = `${net}.30`): Edit =>
  swap('  nfs_storage_class: gluster-nfs\n', `  nfs_storage_class: gluster-nfs\n  node:\n    enabled: true\n    name: k8s\n    version: v1.35\n    address: ${nodeAddress}\n    cpus: ${cpus}\n    memory_mb: ${memory}\n`);

/** [what, edit of the file init writes, accepted?] */
const cases: Array<[string, Edit, boolean]> = [
  ['the file init writes', (t) => t, true],
  ["the original guide's 172.20.1.0/24 (init --network)", network('172.20.1'), true],
  ['a device path by id', swap('device: auto', 'device: /dev/disk/by-id/ata-VBOX_HARDDISK_VB1234-5678'), true],
  ['a quoted y as admin_user', swap('admin_user: admin', 'admin_user: "y"'), true],
  ['a hexadecimal whole number (0x2 cpus)', swap('cpus: 1', 'cpus: 0x2'), true],
  ['another box name', swap('box: bento/ubuntu-24.04', 'box: generic/ubuntu2204'), true],
  ['an anchor and an alias', all(swap('name: gluster-lab', 'name: &lab gluster-lab'), swap('storage_class: gluster-heketi', 'storage_class: *lab')), false],
  ['an alias bomb', (t) => `${t}x: &a [y, y, y, y, y, y, y, y, y]\nz: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n`, false],
  ['a !!str tag', swap('box: bento/ubuntu-24.04', 'box: !!str bento/ubuntu-24.04'), false],
  ['a local tag', swap('box: bento/ubuntu-24.04', 'box: !box bento/ubuntu-24.04'), false],
  ['a Ruby object tag', swap('box: bento/ubuntu-24.04', 'box: !ruby/object:Object {}'), false],
  ['a date', swap('box: bento/ubuntu-24.04', 'box: 2024-01-01'), false],
  ['a base-60 number', swap('memory_mb: 1024', 'memory_mb: 17:04'), false],
  ['a whole number with a point (2.0)', swap('cpus: 1', 'cpus: 2.0'), false],
  ['an exponent (1e3) where text goes', swap('box: bento/ubuntu-24.04', 'box: 1e3'), false],
  ['a bare y', swap('admin_user: admin', 'admin_user: y'), false],
  ['0.0.0.0', address('0.0.0.0'), false],
  ['255.255.255.255', address('255.255.255.255'), false],
  ['224.0.0.1 (multicast)', address('224.0.0.1'), false],
  ['127.0.0.5 (loopback)', address('127.0.0.5'), false],
  ['.1, the host adapter', address(`${net}.1`), false],
  ['.0, the network', address(`${net}.0`), false],
  ['.255, the broadcast', address(`${net}.255`), false],
  ['mixed /24 networks', address(`${otherNet}.23`), false],
  ['a leading zero in an address', address(`${net}.023`), false],
  ['one address twice', address(addresses.at(-2) ?? ''), false],
  ['NUL in box', swap('box: bento/ubuntu-24.04', 'box: "bento/ubuntu\\0-24.04"'), false],
  ['a bidi control character in box', swap('box: bento/ubuntu-24.04', 'box: "bento/ubuntu\\u202e-24.04"'), false],
  ['a 1 MB admin_user', swap('admin_user: admin', `admin_user: ${'a'.repeat(1 << 20)}`), false],
  ['a repeated key', swap('box: bento/ubuntu-24.04', 'box: bento/ubuntu-24.04\nbox: bento/ubuntu-22.04'), false],
  ['two YAML documents', (t) => `${t}---\nname: other\n`, false],
  ['an unknown key', swap('admin_user: admin', 'admin_user: admin\n  admin_usr: admin'), false],
  ['a missing key', swap('  admin_user: admin\n', ''), false],
  ['17 CPUs', swap('cpus: 1', 'cpus: 17'), false],
  ['256 MB of memory', swap('memory_mb: 1024', 'memory_mb: 256'), false],
  ['an unknown role', swap('role: gluster', 'role: nfs'), false],
  ['an ftp:// Heketi URL', swap('url: http://', 'url: ftp://'), false],
  ['a device name with a !', swap('device: auto', 'device: /dev/sd!'), false],
  ['a device without /dev/', swap('device: auto', 'device: sdb'), false],
  ['a version without its v', swap('version: v10.4.0', 'version: 10.4.0'), false],
  ['a Kubernetes node of 2 CPUs and 2048 MB', kubeNode(2, 2048), true],
  ['a Kubernetes node of 1 CPU', kubeNode(1, 2048), false],
  ['a Kubernetes node of 1024 MB', kubeNode(2, 1024), false],
  ['a Kubernetes node on another /24', kubeNode(2, 2048, `${otherNet}.30`), false],
  ['a Kubernetes node on a machine\'s address', kubeNode(2, 2048, lastAddress), false],
];

let work: string;
let template: string;
let defaults: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'gl-config-rules-'));
  template = join(work, 'template');
  await applyInit(await planInit(template, join(packageRoot(), 'provisioning')));
  defaults = await readFile(join(template, 'gluster-lab.yaml'), 'utf8');
  env = { ...process.env, VAGRANT_HOME: join(work, 'vagrant-home'), VAGRANT_CHECKPOINT_DISABLE: '1', NO_COLOR: '1' };
});
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

function programAccepts(text: string): { ok: true } | { ok: false; message: string } {
  try {
    parseLabConfig(text, '/lab/gluster-lab.yaml');
    return { ok: true };
  } catch (error) {
    if (error instanceof LabConfigError) return { ok: false, message: error.message };
    throw error;
  }
}

async function vagrantAccepts(name: string, text: string) {
  const lab = join(work, name.replace(/[^a-z0-9]+/gi, '-'));
  await cp(template, lab, { recursive: true });
  await writeFile(join(lab, 'gluster-lab.yaml'), text);
  return execa('vagrant', ['validate', '--ignore-provider'], { cwd: lab, env, reject: false, all: true, stdin: 'ignore', timeout: 90_000 });
}

describe.skipIf(!haveVagrant)('gluster-lab.yaml: the program and the Vagrantfile give the same verdict', () => {
  // Each case starts a real vagrant (a few seconds of Ruby): four at a time.
  it.concurrent.each(cases)('%s', async (name, edit, accepted) => {
    const text = edit(defaults);
    const program = programAccepts(text);
    const vagrant = await vagrantAccepts(name, text);
    expect(program.ok, program.ok ? '' : program.message).toBe(accepted);
    if (accepted) {
      expect(vagrant.all).toContain('Vagrantfile validated successfully.');
      expect(vagrant.exitCode).toBe(0);
    } else {
      expect(vagrant.exitCode).not.toBe(0);
      // Our sentence, not a Ruby exception: the file, what is wrong, what to do.
      expect(vagrant.all).toContain('gluster-lab.yaml is not usable:');
      expect(vagrant.all).toContain('Fix the file, or run `gluster-lab init` to write the defaults.');
    }
  }, 120_000);
});
