import { resolve } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { cliPath } from './terminal.js';

// dist/cli.cjs answers a piped `--help` from the text the build saved; dist/main.js is the
// command line that saved it. Both must print the same bytes, in both languages.
const mainPath = resolve(cliPath, '..', 'main.js');
const env = { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
const run = (file: string, args: string[], extra: NodeJS.ProcessEnv = {}) => execa(process.execPath, [file, ...args], { env: { ...env, ...extra }, reject: false, stdin: 'ignore', timeout: 20_000 });

describe('the entry’s saved help', () => {
  it('is what the command line prints, in English and Japanese, however it is asked for', async () => {
    for (const [args, extra] of [[['--help'], {}], [['-h', '--lang', 'ja'], {}], [['--lang=en', '--help'], {}], [['--help'], { LANG: 'ja_JP.UTF-8' }]] as const) {
      const [saved, full] = await Promise.all([run(cliPath, [...args], extra), run(mainPath, [...args], extra)]);
      expect(saved.exitCode, args.join(' ')).toBe(0);
      expect(saved.stdout, args.join(' ')).toBe(full.stdout);
      expect(saved.stderr).toBe('');
    }
  });
});
