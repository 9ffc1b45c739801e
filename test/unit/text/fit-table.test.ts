import { describe, expect, it } from 'vitest';
import { wrapLine } from '../../../src/text/line-break.js';
import { fitTable } from '../../../src/text/fit-table.js';
import { displayWidth } from '../../../src/text/text-width.js';

const rows = [
  ['NAME', 'STATUS', 'VOLUME', 'CAPACITY', 'ACCESS MODES', 'STORAGECLASS', 'AGE'],
  ['persistentvolumeclaim/gvol-1', 'Bound', 'pvc-58840167-9f63-4950-acfa-a27cbdef9137', '10Gi', 'RWX', 'gluster-heketi', '2s'],
];

describe('a kubectl table on a narrow terminal', () => {
  it('keeps the columns when they fit, and in a pipe', () => {
    expect(fitTable(rows, 160)).toHaveLength(2);
    expect(fitTable(rows, undefined)[1]).toMatch(/^persistentvolumeclaim\/gvol-1 +Bound +pvc-/);
  });

  it('gives each row a block of "HEADER value" lines when they do not, each value whole', () => {
    const lines = fitTable(rows, 60);
    expect(lines[0]).toBe('persistentvolumeclaim/gvol-1');
    expect(lines).toContain('  VOLUME        pvc-58840167-9f63-4950-acfa-a27cbdef9137');
    expect(lines).toContain('  CAPACITY      10Gi');
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(60);
  });
});

describe('a command with an option', () => {
  it('is not broken between the command and its option', () => {
    const lines = wrapLine('PVC をマウントするクライアント Pod を 2 つデプロイし、df -h を表示しますか？', 52);
    expect(lines.join('\n')).toContain('df -h');
  });
});

describe('a command written without quotes', () => {
  it('keeps the program, its subcommand and its arguments on one line', () => {
    const lines = wrapLine('対処: gluster-lab fix-permissions default/gvol-1 を実行してください。恒久的な対策は別です。', 30);
    expect(lines.join('\n')).toContain('gluster-lab fix-permissions default/gvol-1');
    expect(wrapLine('Run gluster-lab default-class --undo to put the previous defaults back.', 30).join('\n')).toContain('gluster-lab default-class --undo');
  });
});
