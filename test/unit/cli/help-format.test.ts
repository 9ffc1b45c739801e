import { describe, expect, it } from 'vitest';
import { wrapToColumns } from '../../../src/text/line-break.js';
import { buildProgram } from '../../../src/cli/program.js';
import type { Lang } from '../../../src/i18n/define.js';
import { displayWidth } from '../../../src/text/text-width.js';

function help(lang: Lang, command?: string): string {
  const program = buildProgram(lang, '0.0.0', () => {});
  const target = command ? program.commands.find((c) => c.name() === command) : program;
  if (!target) throw new Error(`no command ${command}`);
  // Not a terminal: commander uses 80 columns, as in a pipe.
  return target.helpInformation();
}

describe('--help in Japanese', () => {
  it('translates the headings and the choices note', () => {
    const text = help('ja');
    expect(text).toMatch(/^使い方: gluster-lab \[options\] \[command\]$/m);
    expect(text).toMatch(/^オプション:$/m);
    expect(text).toMatch(/^コマンド:$/m);
    expect(text).toContain('（選択肢: en、ja）');
    expect(text).not.toMatch(/Usage:|Options:|Commands:|choices:|default:/);
  });

  it('names arguments and global options in a subcommand', () => {
    const text = help('ja', 'init');
    expect(text).toMatch(/^使い方: gluster-lab init \[options\] \[dir\]$/m);
    expect(text).toMatch(/^引数:$/m);
    expect(text).toMatch(/^共通オプション:$/m);
  });

  it('fits 80 columns counting Japanese as two, and starts no line with closing punctuation', () => {
    for (const command of [undefined, 'init', 'storage', 'fix-permissions', 'demo']) {
      for (const line of help('ja', command).split('\n')) {
        expect(displayWidth(line), line).toBeLessThanOrEqual(80);
        expect(line.trimStart(), line).not.toMatch(/^[、。）」]/);
      }
    }
  });

  it('leaves the English help as commander writes it', () => {
    const text = help('en');
    expect(text).toMatch(/^Usage: gluster-lab \[options\] \[command\]$/m);
    expect(text).toMatch(/^Options:$/m);
    expect(text).toContain('(choices:');
    expect(text).toContain('"en", "ja")');
  });
});

describe('wrapToColumns', () => {
  it('breaks after particles, not inside words, and keeps brackets with their words', () => {
    expect(wrapToColumns('ラボとクラスターの各層を確認し、問題点を説明します', 30)).toBe('ラボとクラスターの各層を\n確認し、問題点を説明します');
    expect(wrapToColumns('ラボの VM を起動し（vagrant up）、状況を画面に表示します', 24)).toBe('ラボの VM を起動し\n（vagrant up）、状況を\n画面に表示します');
  });

  it('breaks English at spaces and keeps existing line breaks', () => {
    expect(wrapToColumns('one two three\nfour', 8)).toBe('one two\nthree\nfour');
  });

  it('leaves a piece longer than the width whole', () => {
    expect(wrapToColumns('gluster-lab.yaml', 5)).toBe('gluster-lab.yaml');
  });
});
