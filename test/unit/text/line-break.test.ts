import { describe, expect, it } from 'vitest';
import { wrapLine, wrapToColumns } from '../../../src/text/line-break.js';
import { displayWidth } from '../../../src/text/text-width.js';

describe('displayWidth (string-width, as Ink measures)', () => {
  it('counts Japanese as two, a combining accent as none, an emoji as two, colour as none', () => {
    expect(displayWidth('ラボ')).toBe(4);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('👍')).toBe(2);
    expect(displayWidth('\u001b[32mok\u001b[39m')).toBe(2);
    expect(displayWidth('✓ ❯ … ·')).toBe(7);
  });
});

describe('wrapLine', () => {
  it('never breaks a number from its unit, in English or Japanese', () => {
    const en = wrapLine('Heketi is ready: 3 nodes, 60.0 GiB free (largest volume with replica 3: about 20.0 GiB).', 30);
    const ja = wrapLine('  172.20.1.21: online、デバイス 1 個、空き 20.0 GiB／全体 20.0 GiB', 40);
    for (const line of [...en, ...ja]) {
      expect(displayWidth(line), line).toBeLessThanOrEqual(40);
      expect(line).not.toMatch(/\d$/);
      expect(line.trimStart()).not.toMatch(/^(GiB|個)/);
    }
    expect(ja.join('\n')).toContain('20.0 GiB／全体 20.0 GiB');
  });

  it('keeps a quoted command whole and starts no line with closing punctuation', () => {
    const lines = wrapLine('4 台の VM がすべて起動しました（0:05）。次は "gluster-lab storage" で Kubernetes に接続します。', 30);
    expect(lines.join('\n')).toContain('"gluster-lab storage"');
    for (const line of lines) {
      expect(displayWidth(line)).toBeLessThanOrEqual(30);
      expect(line).not.toMatch(/^[、。）」]/);
    }
  });

  it('puts a path longer than the line on a line of its own, whole', () => {
    const path = '/tmp/gluster-lab-demo-qHhpPh/lab/logs/up-2026-12-01T10-00-00.log';
    const lines = wrapLine(`Full log: ${path}`, 40);
    expect(lines).toEqual(['Full log:', path]);
  });

  it('hangs continuation lines under the text after a mark', () => {
    const lines = wrapLine('✓ VirtualBox host-only ranges  172.20.1.0/24 192.168.56.0/21', 40, { hang: true });
    expect(lines).toEqual(['✓ VirtualBox host-only ranges', '  172.20.1.0/24 192.168.56.0/21']);
  });

  it('breaks Japanese after particles, not inside words', () => {
    expect(wrapToColumns('ラボとクラスターの各層を確認し、問題点を説明します', 30)).toBe('ラボとクラスターの各層を\n確認し、問題点を説明します');
  });
});
