import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { doctorLab, type DoctorLab } from './sim-lab-fixture.js';

/** What must never reach the screen: kubectl's klog retries, Node's error codes, doubled full stops. */
function expectClean(text: string) {
  expect(text).not.toMatch(/memcache\.go|^[EWIF]\d{4} \d\d:\d\d/m);
  expect(text).not.toMatch(/UND_ERR|ECONNREFUSED|ECONNRESET|EUNKNOWN/);
  expect(text).not.toMatch(/[^.]\.\.(\s|$)|。。/);
}

const unreachable = { en: "kubectl cannot reach the cluster's API server", ja: 'kubectl がクラスターの API サーバーに到達できません' };

describe('every command with the cluster down says it one way, with the known issue', () => {
  let lab: DoctorLab;
  beforeAll(async () => {
    lab = await doctorLab(['k8s-unreachable']);
  });
  afterAll(async () => {
    await lab.dispose();
  });
  const run = async (args: string[], lang: 'en' | 'ja') => {
    const r = await lab.cli([...args, '--lang', lang]);
    return { ...r, all: `${r.stdout}\n${r.stderr}` };
  };

  for (const lang of ['en', 'ja'] as const) {
    it(`${lang}: default-class, fix-permissions and storage explain the refused connection through the catalogue`, async () => {
      for (const args of [['default-class', '--yes'], ['fix-permissions', '--all-suspected'], ['storage', '--yes', '--pvc', 'gvol-1', '--size', '1Gi']]) {
        const r = await run(args, lang);
        expect(r.exitCode, args.join(' ')).toBe(1);
        expectClean(r.all);
        expect(r.stderr, `${args.join(' ')}\n${r.all}`).toContain(unreachable[lang]);
        expect(r.stderr).toContain('The connection to the server 127.0.0.1:6443 was refused');
      }
    }, 120_000);
  }

  it('storage stops before asking to create anything in a cluster it cannot reach', async () => {
    const r = await run(['storage', '--yes', '--pvc', 'gvol-1', '--size', '1Gi'], 'en');
    expect(r.all).not.toContain('Heketi');
    expect(r.stdout).not.toContain('created');
  }, 60_000);

  it('doctor, status and destroy name the refused connection, not a missing kubeconfig', async () => {
    const doctor = await run(['doctor'], 'en');
    expectClean(doctor.all);
    expect(doctor.stdout).toContain(unreachable.en);
    expect(doctor.stdout).not.toContain('no kubeconfig');
    const status = await run(['status'], 'ja');
    expectClean(status.all);
    expect(status.stdout).toContain('was refused');
    const destroy = await run(['destroy', '--yes'], 'en');
    expectClean(destroy.all);
    expect(destroy.stdout).toContain('the cluster could not be asked: The connection to the server 127.0.0.1:6443 was refused');
  }, 120_000);
});

describe('halt and destroy without VirtualBox explain it as up does', () => {
  let lab: DoctorLab;
  beforeAll(async () => {
    lab = await doctorLab(['virtualbox-missing']);
  });
  afterAll(async () => {
    await lab.dispose();
  });

  for (const [command, lang] of [['halt', 'en'], ['destroy', 'ja']] as const) {
    it(`${command} (${lang}): Vagrant's paragraph once, then the known issue and the log`, async () => {
      const r = await lab.cli([command, '--yes', '--lang', lang]);
      const all = `${r.stdout}\n${r.stderr}`;
      expect(r.exitCode).toBe(1);
      expectClean(all);
      expect(all.match(/is reporting that it isn't usable on this system/g)).toHaveLength(1);
      expect(r.stderr).toContain('Vagrant::Errors::ProviderNotUsable');
      expect(r.stderr).toContain(lang === 'en' ? '→ VirtualBox is not installed (or VBoxManage is not on PATH)' : '→ VirtualBox がインストールされていません');
      expect(r.stderr).toMatch(lang === 'en' ? /Full log: \S+\/logs\/\w+-\d{8}-\d{6}\.log$/m : /ログ全体: \S+\.log$/m);
    }, 60_000);
  }
});
