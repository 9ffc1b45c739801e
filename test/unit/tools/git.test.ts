import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gitVersion } from '../../../src/tools/git.js';
import { makeFakeTools } from './fake-tool.js';

describe('gitVersion', () => {
  it('reads the real git on this machine', async () => {
    expect(await gitVersion({})).toMatch(/^\d+\.\d+(\.\d+)?$/);
  });

  describe('with a fake git', () => {
    let fake: Awaited<ReturnType<typeof makeFakeTools>>;
    beforeAll(async () => {
      fake = await makeFakeTools(['git']);
    });
    afterAll(() => fake.cleanup());

    it.each([
      ['git version 2.39.5\n', '2.39.5'],
      ['git version 2.39.3 (Apple Git-146)\n', '2.39.3'],
      ['git version 2.45.1.windows.1\n', '2.45.1'],
    ])('%j → %s, argv exactly ["--version"]', async (output, expected) => {
      await fake.answer('git', output);
      expect(await gitVersion({ env: fake.env })).toBe(expected);
      expect((await fake.recorded('git')).argv).toEqual(['--version']);
    });

    it('a missing git is a not-found ToolError', async () => {
      await expect(gitVersion({ env: { PATH: '/nonexistent' } })).rejects.toMatchObject({ kind: 'not-found', command: 'git' });
    });
  });
});
