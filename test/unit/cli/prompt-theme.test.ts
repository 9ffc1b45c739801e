import { PassThrough } from 'node:stream';
import { checkbox, confirm, select } from '@inquirer/prompts';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../../src/i18n/define.js';
import { promptTheme } from '../../../src/ui/prompt-theme.js';

// The real @inquirer prompts, driven through streams: what a person would see on screen.
function streams() {
  const input = new PassThrough();
  const output = new PassThrough();
  let screen = '';
  output.on('data', (chunk: Buffer) => (screen += chunk.toString()));
  const text = () => screen.replace(/\u001b\[[\d;?]*[A-Za-z]/g, '');
  return { input, output, text };
}

async function answerConfirm(lang: Lang, keys: string) {
  const { input, output, text } = streams();
  const answer = confirm({ ...promptTheme(lang).confirm, message: 'Apply?', default: false }, { input, output });
  input.write(keys);
  return { value: await answer, screen: text() };
}

describe('prompt theme', () => {
  it('shows the confirm answer as はい / いいえ in Japanese', async () => {
    const yes = await answerConfirm('ja', 'y\r');
    expect(yes.value).toBe(true);
    expect(yes.screen).toContain('Apply? はい');
    const no = await answerConfirm('ja', '\r');
    expect(no.value).toBe(false);
    expect(no.screen).toContain('Apply? いいえ');
  });

  it('keeps Yes / No in English', async () => {
    expect((await answerConfirm('en', 'y\r')).screen).toContain('Apply? Yes');
  });

  it('writes the select key hints in Japanese', async () => {
    const { input, output, text } = streams();
    const answer = select({ message: 'Mode', choices: ['a', 'b'], theme: promptTheme('ja').list }, { input, output });
    input.write('\r');
    expect(await answer).toBe('a');
    expect(text()).toContain('↑↓ 移動 • ⏎ 選択');
    expect(text()).not.toContain('navigate');
  });

  it('writes the checkbox key hints in Japanese, keeping the keys', async () => {
    const { input, output, text } = streams();
    const answer = checkbox({ message: 'Pick', choices: ['a', 'b'], theme: promptTheme('ja').list }, { input, output });
    input.write(' ');
    input.write('\r');
    expect(await answer).toEqual(['a']);
    expect(text()).toContain('↑↓ 移動 • Space 選択 • a すべて • i 反転 • ⏎ 確定');
  });

  it('matches @inquirer\'s own English hint line', async () => {
    const { input, output, text } = streams();
    const answer = select({ message: 'Mode', choices: ['a', 'b'], theme: promptTheme('en').list }, { input, output });
    input.write('\r');
    await answer;
    expect(text()).toContain('↑↓ navigate • ⏎ select');
  });
});
