import { describe, expect, it } from 'vitest';
import { checkText } from '../../../src/checks/check-text.js';
import { compatCheck } from '../../../src/checks/compat-check.js';
import { errorOutcome, okOutcome } from '../../../src/checks/outcome.js';
import { gitCheck, kubectlCheck, vagrantCheck, virtualboxCheck } from '../../../src/checks/tool-checks.js';
import { ToolError } from '../../../src/tools/tool-error.js';
import { notFound } from './fake-probes.js';

const en = checkText('en', 'linux');
const vbox = (version: string) => okOutcome({ version, raw: `${version}r1` });

describe('tool checks', () => {
  it('reports the version found', () => {
    expect(vagrantCheck(okOutcome('2.3.4'), en)).toEqual({ id: 'vagrant', status: 'ok', found: '2.3.4', message: 'Vagrant 2.3.4 is installed.', fix: '' });
    expect(virtualboxCheck(vbox('7.0.14'), en)).toMatchObject({ status: 'ok', found: '7.0.14' });
    expect(kubectlCheck(okOutcome({ major: '1', minor: '29', gitVersion: 'v1.29.2' }), en)).toMatchObject({ status: 'ok', found: 'v1.29.2' });
  });

  it('fails on a missing VBoxManage with the install step of each OS', () => {
    const missing = errorOutcome(notFound('VBoxManage'));
    expect(virtualboxCheck(missing, en)).toMatchObject({ status: 'failure', found: 'not installed', message: 'VirtualBox was not found on PATH.' });
    expect(virtualboxCheck(missing, checkText('en', 'linux')).fix).toContain('https://www.virtualbox.org/wiki/Linux_Downloads');
    expect(virtualboxCheck(missing, checkText('en', 'macos')).fix).toContain('brew install --cask virtualbox');
    expect(virtualboxCheck(missing, checkText('en', 'windows')).fix).toContain('C:\\Program Files\\Oracle\\VirtualBox');
    expect(virtualboxCheck(missing, checkText('ja', 'windows')).fix).toContain('PATH に追加してください');
  });

  it('fails on an installed tool that does not answer, quoting its last error line', () => {
    const error = new ToolError('failed', 'vagrant', ['--version'], 1, 'Vagrant failed to initialize at a very early stage:\nThe plugins failed to load properly.');
    const result = vagrantCheck(errorOutcome(error), en);
    expect(result).toMatchObject({ status: 'failure', message: '`vagrant --version` did not work (The plugins failed to load properly.).' });
    expect(result.fix).toBe('Run `vagrant --version` yourself to see the whole error; reinstall Vagrant if it does not print its version.');
  });

  it('only warns about a missing git', () => {
    const result = gitCheck(errorOutcome(notFound('git')), checkText('en', 'macos'));
    expect(result).toMatchObject({ status: 'warning', fix: 'Install git: `xcode-select --install` (or `brew install git`).' });
    expect(gitCheck(okOutcome('2.39.5'), en).status).toBe('ok');
  });
});

describe('Vagrant ↔ VirtualBox compatibility', () => {
  it('accepts supported pairs', () => {
    expect(compatCheck(okOutcome('2.3.4'), vbox('7.0.14'), en)).toMatchObject({ status: 'ok', found: '2.3.4 / 7.0.14', message: 'Vagrant 2.3.4 supports VirtualBox 7.0.' });
    expect(compatCheck(okOutcome('2.4.2'), vbox('7.1.0'), en).status).toBe('ok');
    expect(compatCheck(okOutcome('2.2.19'), vbox('6.1.50'), en).status).toBe('ok');
  });

  it('fails when VirtualBox is newer than this Vagrant supports, naming the Vagrant needed', () => {
    const result = compatCheck(okOutcome('2.3.1'), vbox('7.0.14'), en);
    expect(result.status).toBe('failure');
    expect(result.message).toContain('Vagrant 2.3.1 does not support VirtualBox 7.0: that needs Vagrant 2.3.2 or later.');
    expect(result.fix).toContain('Update Vagrant to 2.3.2 or later');
    expect(result.fix).toContain('(6.0, 6.1)');
    expect(compatCheck(okOutcome('2.4.1'), vbox('7.1.4'), en).message).toContain('needs Vagrant 2.4.2');
    expect(compatCheck(okOutcome('2.4.2.dev'), vbox('7.1.4'), en).status).toBe('ok');
  });

  it('warns about a VirtualBox series newer than the table', () => {
    const result = compatCheck(okOutcome('2.4.9'), vbox('7.3.0'), en);
    expect(result.status).toBe('warning');
    expect(result.message).toContain('(up to 7.2)');
  });

  it('fails on a VirtualBox older than 6.0', () => {
    expect(compatCheck(okOutcome('2.4.9'), vbox('5.2.44'), en)).toMatchObject({ status: 'failure', message: 'VirtualBox 5.2.44 is too old for this lab (it needs 6.0 or later).' });
  });

  it('warns that it cannot compare when one of them is missing', () => {
    expect(compatCheck(okOutcome('2.3.4'), errorOutcome(notFound('VBoxManage')), en)).toMatchObject({
      status: 'warning',
      message: 'Not compared: VirtualBox is not installed or did not answer.',
    });
  });
});
