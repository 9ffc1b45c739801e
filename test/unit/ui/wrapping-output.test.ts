import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../../src/text/text-width.js';
import { promptText } from '../../../src/ui/prompt-text.js';
import { wrappingOutput } from '../../../src/ui/wrapping-output.js';

function terminal(columns: number) {
  const raw = new PassThrough();
  const chunks: string[] = [];
  raw.on('data', (c: Buffer) => chunks.push(c.toString()));
  Object.assign(raw, { columns, isTTY: true });
  return { stream: wrappingOutput(raw as unknown as NodeJS.WriteStream), text: () => chunks.join('') };
}

describe('the terminal streams every flow prints through', () => {
  it('wraps plain lines at the width, numbers kept with their units, items hanging under their mark', () => {
    const { stream, text } = terminal(60);
    stream.write('  172.20.1.21: online、デバイス 1 個、空き 20.0 GiB／全体 20.0 GiB\n');
    stream.write('Heketi は準備できています: ノード 3 台、空き 60.0 GiB（レプリカ 3 で作れる最大のボリューム: 約 20.0 GiB）。\n');
    stream.write('✓ VirtualBox ホストオンリーの範囲  172.20.1.0/24 192.168.56.0/21 10.0.0.0/8\n');
    const lines = text().split('\n');
    for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(60);
    // Every "20.0 GiB" whole on its line.
    expect(text().match(/20\.0 GiB/g)).toHaveLength(3);
    expect(text()).not.toMatch(/\d\n\s*GiB/);
    expect(text()).toContain('192.168.56.0/21');
    expect(lines.find((l) => l.includes('10.0.0.0/8'))).toMatch(/^ {2}\S/);
  });

  it('leaves what lays itself out alone: escape sequences, a redrawn line, and every width when the terminal has none', () => {
    const { stream, text } = terminal(20);
    const frame = '\u001b[2K\u001b[1Aa frame line that is longer than twenty columns';
    stream.write(frame);
    stream.write('\r\u001b[2Kcountdown 10 s left of the wait');
    expect(text()).toBe(frame + '\r\u001b[2Kcountdown 10 s left of the wait');
    expect(stream.columns).toBe(20);
  });

  it('wraps a question before the prompt shows it, Japanese at its break points', () => {
    const question = promptText('このクラスターに Secret、StorageClass、PVC を作成しますか？', { columns: 40 });
    for (const line of question.split('\n')) expect(displayWidth(line) + 2).toBeLessThanOrEqual(40);
    expect(question.split('\n')).toEqual(['このクラスターに Secret、', 'StorageClass、PVC を作成しますか？']);
  });
});
