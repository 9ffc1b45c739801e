import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseVBoxVersion, vboxVersion } from '../../../src/tools/vboxmanage.js';
import { makeFakeTools } from './fake-tool.js';

describe('parseVBoxVersion', () => {
  it.each([
    ['7.0.14r161095\n', { version: '7.0.14', revision: '161095', raw: '7.0.14r161095' }],
    ['6.1.50_Debianr161033\n', { version: '6.1.50', revision: '161033', raw: '6.1.50_Debianr161033' }],
    ['7.1.4_Ubuntur165100\n', { version: '7.1.4', revision: '165100', raw: '7.1.4_Ubuntur165100' }],
    [
      'WARNING: The vboxdrv kernel module is not loaded. Either there is no module\n         available for the current kernel (6.8.0-45-generic) or it failed to\n         load.\n\n7.0.14r161095\n',
      { version: '7.0.14', revision: '161095', raw: '7.0.14r161095' },
    ],
  ])('%j', (output, expected) => {
    expect(parseVBoxVersion(output)).toEqual(expected);
  });

  it('rejects what is not a version', () => {
    expect(parseVBoxVersion('Oracle VM VirtualBox Command Line Management Interface\n')).toBeUndefined();
  });
});

describe('VBoxManage argument lists (fake VBoxManage on PATH)', () => {
  let fake: Awaited<ReturnType<typeof makeFakeTools>>;
  beforeAll(async () => {
    fake = await makeFakeTools(['VBoxManage']);
  });
  afterAll(() => fake.cleanup());

  it('vboxVersion runs `VBoxManage --version`', async () => {
    await fake.answer('VBoxManage', '7.0.14r161095\n');
    expect(await vboxVersion({ env: fake.env })).toEqual({ version: '7.0.14', revision: '161095', raw: '7.0.14r161095' });
    expect((await fake.recorded('VBoxManage')).argv).toEqual(['--version']);
  });

  it('unreadable version output is a ToolError that keeps the output', async () => {
    await fake.answer('VBoxManage', 'something else\n');
    await expect(vboxVersion({ env: fake.env })).rejects.toMatchObject({ name: 'ToolError', kind: 'failed', stdoutTail: 'something else' });
  });
});
