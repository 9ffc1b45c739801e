import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import pkg from '../../package.json' with { type: 'json' };
import { commands } from '../../src/cli/commands.js';
import { cliMessages } from '../../src/i18n/cli-messages.js';
import { cliPath } from './terminal.js';

const baseEnv = { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
const cli = (args: string[], env: NodeJS.ProcessEnv = baseEnv) =>
  execa(process.execPath, [cliPath, ...args], { env, reject: false, stdin: 'ignore', timeout: 20_000 });

describe('the command line', () => {
  const root = mkdtempSync(join(tmpdir(), 'gl-cli-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('--help lists every subcommand with its description', async () => {
    const { stdout, exitCode } = await cli(['--help']);
    expect(exitCode).toBe(0);
    for (const spec of commands) {
      expect(stdout).toMatch(new RegExp(`^  ${spec.name}\\b`, 'm'));
    }
    expect(stdout).toContain('--kubeconfig <file>');
  });

  it('--version prints the package version and nothing else', async () => {
    const { stdout, exitCode } = await cli(['--version']);
    expect(exitCode).toBe(0);
    expect(stdout).toBe(pkg.version);
    // The short form, and --version among other options (answered by the full command
    // line, not the entry's shortcut), print exactly the same.
    for (const args of [['-V'], ['--version', '--lang', 'ja'], ['--lang', 'en', '-V']]) {
      const other = await cli(args);
      expect(other.exitCode, args.join(' ')).toBe(0);
      expect(other.stdout, args.join(' ')).toBe(pkg.version);
    }
  });

  it('each subcommand has its own help', async () => {
    for (const spec of commands) {
      const { stdout, exitCode } = await cli([spec.name, '--help']);
      expect(exitCode, spec.name).toBe(0);
      expect(stdout).toContain(`Usage: gluster-lab ${spec.name}`);
      expect(stdout.replace(/\s+/g, ' ')).toContain(cliMessages.en[spec.help]);
    }
  });

  it('an unknown option is a short error with the usage, exit 2', async () => {
    const { stderr, stdout, exitCode } = await cli(['--frobnicate']);
    expect(exitCode).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('Unknown option --frobnicate.');
    expect(stderr).toContain('Usage: gluster-lab [options] [command]');
  });

  it('an unknown subcommand is a short error, exit 2', async () => {
    const { stderr, exitCode } = await cli(['bring-up']);
    expect(exitCode).toBe(2);
    expect(stderr).toContain('Unknown command bring-up.');
  });

  it('an unknown --lang is refused', async () => {
    const { stderr, exitCode } = await cli(['--lang', 'fr', 'init']);
    expect(exitCode).toBe(2);
    expect(stderr).toContain('Unknown language "fr"');
  });

  it('--lang ja and a Japanese locale give Japanese', async () => {
    const flag = await cli(['--lang', 'ja', '--help']);
    expect(flag.stdout).toContain(cliMessages.ja.programDescription.slice(0, 20));
    expect(flag.stdout).toMatch(/^使い方: gluster-lab \[options\] \[command\]$/m);
    expect(flag.stdout).toContain('（選択肢: en、ja）');
    expect(flag.stdout).not.toMatch(/Usage:|Options:|Commands:/);
    const init = await cli(['--lang', 'ja', 'init', '--help']);
    expect(init.stdout).toMatch(/^使い方: gluster-lab init/m);
    expect(init.stdout).toMatch(/^引数:$/m);
    expect(init.stdout).toMatch(/^共通オプション:$/m);
    const locale = await cli(['--frobnicate'], { ...baseEnv, LANG: 'ja_JP.UTF-8' });
    expect(locale.stderr).toContain('不明なオプション --frobnicate です。');
    const overridden = await cli(['--frobnicate'], { ...baseEnv, LANG: 'ja_JP.UTF-8', LC_ALL: 'en_US.UTF-8' });
    expect(overridden.stderr).toContain('Unknown option');
  });

  it('init DIR in a pipe creates the lab and prints no secret', async () => {
    const lab = join(root, 'lab');
    const { stdout, exitCode } = await cli(['init', lab]);
    expect(exitCode).toBe(0);
    expect(existsSync(join(lab, 'Vagrantfile'))).toBe(true);
    expect(stdout).toContain('+ secrets/heketi_admin_key');
    expect(stdout).not.toMatch(/PRIVATE KEY|[A-Za-z0-9_-]{43}/);
    const again = await cli(['init', lab]);
    expect(again.stdout).toContain('up to date: nothing to change');
  });

  it('init --network puts a new lab on the original guide\'s 172.20.1.0/24, and refuses what is not a /24', async () => {
    const lab = join(root, 'seed-lab');
    const { exitCode } = await cli(['init', '--network', '172.20.1.0/24', lab]);
    expect(exitCode).toBe(0);
    const config = parse(readFileSync(join(lab, 'gluster-lab.yaml'), 'utf8')) as { machines: Array<{ address: string }>; heketi: { url: string } };
    expect(config.machines.map((m) => m.address)).toEqual(['172.20.1.20', '172.20.1.21', '172.20.1.22', '172.20.1.23']);
    expect(config.heketi.url).toBe('http://172.20.1.20:8080');
    const kept = await cli(['init', '--network', '10.9.8.0/24', lab]);
    expect(kept.stdout).toContain('--network does not change it');

    const bad = await cli(['init', '--network', '172.20.0.0/16', join(root, 'bad-lab')]);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('--network 172.20.0.0/16 is not a /24 network: give it as A.B.C.0/24, for example --network 172.20.1.0/24.');
    expect(existsSync(join(root, 'bad-lab'))).toBe(false);
    // The same for a Kubernetes version init does not offer: refused before the lab is made.
    const badNode = await cli(['init', '--kubernetes', 'v1.2', join(root, 'bad-node-lab')]);
    expect(badNode.exitCode).toBe(2);
    expect(existsSync(join(root, 'bad-node-lab'))).toBe(false);
  });

  it('npm pack lists no key, no lab file and no test-only file', async () => {
    const { stdout } = await execa('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: join(import.meta.dirname, '../..') });
    const files = (JSON.parse(stdout) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((f) => f.path);
    expect(files).toContain('dist/cli.cjs');
    expect(files).toContain('dist/main.js');
    expect(files).toContain('dist/help/en.txt');
    expect(files).toContain('provisioning/Vagrantfile');
    expect(files).toContain('k8s-yaml/storageclass.yml');
    for (const path of files) {
      expect(path).not.toMatch(/secrets\/|heketi_ssh_key|_key$|gluster-lab\.yaml$|^test\/|\.test\.|^bench\/|^src\//);
    }
  });
});
