import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { AppContext } from '../../../src/context.js';
import { diagnoseFlow } from '../../../src/flows/diagnose.js';
import type { Lang } from '../../../src/i18n/define.js';
import { fixtureDir } from './fixture-files.js';

function fakeStream(): { stream: NodeJS.WriteStream; text: () => string } {
  let buffer = '';
  const stream = { write: (chunk: string) => ((buffer += chunk), true) } as unknown as NodeJS.WriteStream;
  return { stream, text: () => buffer };
}

function context(options: { json?: boolean; lang?: Lang } = {}) {
  const out = fakeStream();
  const err = fakeStream();
  const ctx = {
    lang: options.lang ?? 'en',
    json: options.json ?? false,
    stdout: out.stream,
    stderr: err.stream,
  } as unknown as AppContext;
  return { ctx, stdout: out.text, stderr: err.text };
}

const hostOnly = join(fixtureDir, 'hostonly-range-vagrant.kuberverse7.txt');

describe('gluster-lab diagnose', () => {
  it('prints the finding with its explanation, fix, evidence and links', async () => {
    const { ctx, stdout } = context();
    expect(await diagnoseFlow(ctx, hostOnly)).toBe(0);
    const text = stdout();
    expect(text).toContain('1 known issue(s) found in');
    expect(text).toContain("The lab's addresses are outside VirtualBox's allowed host-only ranges  [hostonly-range-vagrant]");
    expect(text).toContain('Fix:');
    expect(text).toContain('> The IP address configured for the host-only network is not within the');
    expect(text).toContain('https://www.virtualbox.org/manual/ch06.html#network_hostonly');
  });

  it('prints exactly {"findings":[{id,category,title,fix,evidence}]} with --json', async () => {
    const { ctx, stdout } = context({ json: true });
    expect(await diagnoseFlow(ctx, join(fixtureDir, 'vagrant-virtualbox-unsupported.vagrant8154.txt'))).toBe(0);
    const parsed = JSON.parse(stdout()) as { findings: Record<string, unknown>[] };
    expect(Object.keys(parsed)).toEqual(['findings']);
    expect(parsed.findings).toHaveLength(1);
    const [finding] = parsed.findings;
    expect(Object.keys(finding ?? {})).toEqual(['id', 'category', 'title', 'fix', 'evidence']);
    expect(finding).toMatchObject({ id: 'vagrant-virtualbox-unsupported', category: 'vagrant-virtualbox-version' });
    expect(finding?.evidence).toEqual([
      'Vagrant has detected that you have a version of VirtualBox installed',
      'that is not supported by this version of Vagrant. Please install one of',
    ]);
  });

  it('says in a sentence that nothing matched, and gives an empty list with --json', async () => {
    const clean = join(fixtureDir, 'clean-play-recap.txt');
    const plain = context();
    expect(await diagnoseFlow(plain.ctx, clean)).toBe(0);
    expect(plain.stdout()).toBe(
      `No known issue matched ${clean}. gluster-lab does not guess: read the last error lines yourself, or run \`gluster-lab doctor\` to check the lab live.\n`,
    );
    const json = context({ json: true });
    expect(await diagnoseFlow(json.ctx, clean)).toBe(0);
    expect(json.stdout()).toBe('{"findings":[]}\n');
  });

  it('speaks Japanese with --lang ja', async () => {
    const { ctx, stdout } = context({ lang: 'ja' });
    expect(await diagnoseFlow(ctx, hostOnly)).toBe(0);
    expect(stdout()).toContain('既知の問題が 1 件見つかりました');
    expect(stdout()).toContain('ラボのアドレスが VirtualBox の許可するホストオンリー範囲の外にあります');
    expect(stdout()).toContain('対処:');
  });

  it('reads standard input for -', async () => {
    const { ctx, stdout } = context({ json: true });
    const stdin = Readable.from(["==> default: Booting VM...\nStderr: VBoxManage: error: VT-x is not available (VERR_VMX_NO_VMX)\n"]);
    expect(await diagnoseFlow(ctx, '-', stdin)).toBe(0);
    expect((JSON.parse(stdout()) as { findings: { id: string }[] }).findings.map((f) => f.id)).toEqual(['vtx-not-available']);
  });

  it('names the source in Japanese with the particle right after it', async () => {
    const vtx = "Stderr: VBoxManage: error: VT-x is not available (VERR_VMX_NO_VMX)\n";
    const piped = context({ lang: 'ja' });
    expect(await diagnoseFlow(piped.ctx, '-', Readable.from([vtx]))).toBe(0);
    expect(piped.stdout()).toMatch(/^標準入力に既知の問題が 1 件見つかりました/);
    const pasted = context({ lang: 'ja' });
    expect(await diagnoseFlow(pasted.ctx, '-', Readable.from([vtx]), { pasted: true })).toBe(0);
    expect(pasted.stdout()).toMatch(/^貼り付けたログに既知の問題が 1 件見つかりました/);
    const file = context({ lang: 'ja' });
    expect(await diagnoseFlow(file.ctx, hostOnly)).toBe(0);
    expect(file.stdout()).toContain(`「${hostOnly}」に既知の問題が 1 件見つかりました`);
  });

  it('exits 1 with a sentence naming a missing file', async () => {
    const { ctx, stdout, stderr } = context();
    const missing = join(tmpdir(), 'no-such-dir-gl', 'vagrant.log');
    expect(await diagnoseFlow(ctx, missing)).toBe(1);
    expect(stdout()).toBe('');
    expect(stderr()).toMatch(new RegExp(`^Cannot read ${missing.replace(/[.\\]/g, '\\$&')}: ENOENT`));
  });

  it('exits 1 for a directory, saying so', async () => {
    const { ctx, stderr } = context();
    const dir = mkdtempSync(join(tmpdir(), 'gl-diag-'));
    expect(await diagnoseFlow(ctx, dir)).toBe(1);
    expect(stderr()).toBe(`Cannot read ${dir}: it is a directory, not a log file. Check the path and that you may read it.\n`);
  });

  it('exits 2 without an argument', async () => {
    const { ctx, stderr } = context();
    expect(await diagnoseFlow(ctx, '')).toBe(2);
    expect(stderr()).toContain('diagnose needs one argument');
  });

  it('handles CRLF logs and an unterminated last line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gl-diag-'));
    const file = join(dir, 'windows.log');
    writeFileSync(file, 'Bringing machine up\r\nTimed out while waiting for the machine to boot. This means that');
    const { ctx, stdout } = context({ json: true });
    expect(await diagnoseFlow(ctx, file)).toBe(0);
    expect(JSON.parse(stdout())).toMatchObject({
      findings: [{ id: 'boot-timeout', evidence: ['Timed out while waiting for the machine to boot. This means that'] }],
    });
  });
});
