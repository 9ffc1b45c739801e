import { afterEach, describe, expect, it } from 'vitest';
import { doctorLab, type DoctorLab } from './sim-lab-fixture.js';

// `--size 10` is ten bytes: refused before anything reaches the cluster, with the size meant.
let lab: DoctorLab | undefined;
afterEach(async () => {
  await lab?.dispose();
  lab = undefined;
});

describe('storage with a size no one means', () => {
  it('--size 10 is refused with "did you mean 10Gi?", exit 2, and no kubectl command changes anything', async () => {
    lab = await doctorLab(['healthy']);
    const rec = await lab.recordingEnv();
    const r = await lab.cli(['storage', '--yes', '--pvc', 'x', '--size', '10'], { env: rec.env });
    expect(r.stderr).toBe('The size "10" is 10 bytes, less than the smallest claim (1Mi); a number without a unit counts bytes. Did you mean 10Gi?');
    expect(r.exitCode).toBe(2);
    expect((await rec.calls()).filter((argv) => ['apply', 'create', 'replace', 'delete', 'patch'].includes(argv[0] ?? ''))).toEqual([]);
    expect(lab.sim.readState().kube.objects.filter((o) => o.kind === 'PersistentVolumeClaim')).toEqual([]);
  }, 60_000);
});
