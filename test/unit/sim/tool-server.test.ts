import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { escapeForPrintf, readFields, startToolServer, toolClientScript, type ToolRequest } from '../../../src/sim/tool-server.js';

const work = mkdtempSync(join(tmpdir(), 'gl-tool-server-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the simulated tools’ server and its shell client', () => {
  it('reads a request only once every field arrived, byte lengths and all', () => {
    const field = (text: string) => `${Buffer.byteLength(text)}\n${text}`;
    const whole = Buffer.from(`3\n${field('漢字')}${field('')}${field('a\nb')}`);
    expect(readFields(whole)).toEqual(['漢字', '', 'a\nb']);
    for (let cut = 0; cut < whole.length; cut++) expect(readFields(whole.subarray(0, cut))).toBeUndefined();
  });

  it('sends argv, stdin, cwd, pid and the state file as they are, and gives back stdout, stderr and the exit code', async () => {
    const seen: ToolRequest[] = [];
    const server = await startToolServer((request) => {
      seen.push(request);
      return { code: Number(request.argv[0] === 'fail') * 3, stdout: `out:${request.stdin}|${request.argv.join('|')}\n\n`, stderr: 'line one\nback\\slash 100% \t tab\x1b[31m\nlast\n' };
    });
    try {
      const client = join(work, 'kubectl');
      writeFileSync(client, toolClientScript({ tool: 'kubectl', readsStdin: true }, server.port));
      chmodSync(client, 0o755);
      const stdin = 'apiVersion: v1\nkind: Namespace\n\n\n';
      const run = execa(client, ['apply', '-f', '-', 'with space', 'new\nline', 'ユニコード', '-o', 'json'], { input: stdin, cwd: work, env: { GLUSTER_LAB_SIM_STATE: '/x/state.json' }, reject: false, stripFinalNewline: false });
      const r = await run;
      expect(r.exitCode).toBe(0);
      expect(r.stdout).toBe(`out:${stdin}|apply|-f|-|with space|new\nline|ユニコード|-o|json\n\n`);
      expect(r.stderr).toBe('line one\nback\\slash 100% \t tab\x1b[31m\nlast\n');
      expect(seen[0]).toMatchObject({ tool: 'kubectl', cwd: work, stateFile: '/x/state.json', stdin, pid: run.pid });
      // stdin is read only for -f - (as kubectl reads it); a terminal is never waited on.
      const other = await execa(client, ['fail', 'get', 'pods'], { input: 'ignored', reject: false });
      expect(other.exitCode).toBe(3);
      expect(seen[1]).toMatchObject({ stdin: '', stateFile: '', argv: ['fail', 'get', 'pods'] });
      const equals = await execa(client, ['apply', '--filename=-'], { input: '{}', reject: false });
      expect(seen[2]?.stdin).toBe('{}');
      expect(equals.exitCode).toBe(0);
    } finally {
      await server.close();
    }
  });

  it('answers only the subcommands it serves, and runs its own process with the same arguments for the others', async () => {
    const seen: ToolRequest[] = [];
    const server = await startToolServer((request) => (seen.push(request), Promise.resolve({ code: 0, stdout: 'served\n', stderr: '' })));
    try {
      const client = join(work, 'vagrant');
      writeFileSync(client, toolClientScript({ tool: 'vagrant', readsStdin: false, only: { subcommands: ['status', 'ssh'], otherwise: ['/bin/echo', 'own process:'] } }, server.port));
      chmodSync(client, 0o755);
      expect((await execa(client, ['--machine-readable', 'status'])).stdout).toBe('served');
      expect((await execa(client, ['up', "it's", '--provision'])).stdout).toBe("own process: up it's --provision");
      expect(seen.map((r) => [r.tool, ...r.argv])).toEqual([['vagrant', '--machine-readable', 'status']]);
    } finally {
      await server.close();
    }
  });

  it('escapes stderr so that the shell’s printf %b gives it back byte for byte', async () => {
    const text = 'a\\nb\n\\\\ %s %b \x01\x7f\r\tend\\0';
    const r = await execa('bash', ['-c', 'printf "%b" "$1"', 'bash', escapeForPrintf(text)], { stripFinalNewline: false });
    expect(r.stdout).toBe(text);
    expect(escapeForPrintf(text)).not.toContain('\n');
  });
});
