import { describe, expect, it } from 'vitest';
import { homeModel } from '../../../src/flows/home-rows.js';
import { nextStep, nextStepHint } from '../../../src/flows/next-step.js';
import { defaultLabConfig } from '../../../src/lab/defaults.js';
import type { LabSummary } from '../../../src/lab/lab-summary.js';

const vms = { running: 4, total: 4 };
const done: LabSummary = {
  labDir: '/x',
  exists: true,
  config: defaultLabConfig,
  lastCheck: { at: '2026-01-01T00:00:00Z', failures: 0, warnings: 0 },
  lastStorage: { at: '2026-01-01T00:01:00Z', pvc: 'gvol-1', namespace: 'default', phase: 'Bound' },
};

describe('the next step', () => {
  it('is the repair after doctor found containers denied writing, before the default class', () => {
    const found = { ...done, lastDoctor: { at: '2026-01-01T00:02:00Z', errors: 0, warnings: 1, categories: ['permission-denied'] } };
    expect(nextStep(found, vms)).toBe('fix-permissions');
    // Once the repair ran after that doctor, the way continues.
    expect(nextStep({ ...found, lastRepair: { at: '2026-01-01T00:03:00Z', fixed: 1, failed: 0 } }, vms)).toBe('default-class');
    // A repair older than the doctor's finding does not answer it.
    expect(nextStep({ ...found, lastRepair: { at: '2026-01-01T00:00:30Z', fixed: 1, failed: 0 } }, vms)).toBe('fix-permissions');
  });

  it('is up, not storage, once the VMs are down (a claim on destroyed VMs is forgotten)', () => {
    expect(nextStep(done, { running: 0, total: 4 })).toBe('up');
    const destroyed: LabSummary = { ...done };
    delete destroyed.lastStorage;
    expect(nextStep(destroyed, vms)).toBe('storage');
    expect(homeModel(destroyed, 'en', vms).rows.find((r) => r.command === 'storage')?.state).not.toContain('Bound');
  });

  it('after up on a lab whose storage is done, is not storage', () => {
    expect(nextStep({ ...done, defaultClass: 'gluster-heketi' }, vms)).toBe('doctor');
    expect(nextStepHint('doctor', 'en')).toBe('Next: Doctor: find what is wrong ("gluster-lab doctor").');
    expect(nextStepHint('storage', 'ja')).toBe('次は「Kubernetes のストレージを接続する」です（"gluster-lab storage"）。');
  });

  it('says what the last check found, with words for the number', () => {
    const row = (s: LabSummary) => homeModel(s, 'en', vms).rows.find((r) => r.command === 'check')?.state;
    expect(row({ ...done, lastCheck: { at: 't', failures: 4, warnings: 1 } })).toBe('last check: ✗ 4 failed');
    expect(row({ ...done, lastCheck: { at: 't', failures: 0, warnings: 2 } })).toBe('last check: ! 2 warning(s)');
    expect(homeModel({ ...done, lastCheck: { at: 't', failures: 4, warnings: 0 } }, 'ja', vms).rows.find((r) => r.command === 'check')?.state).toBe('前回の確認: ✗ 4 件が失敗');
  });
});
