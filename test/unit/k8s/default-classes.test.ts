import { describe, expect, it } from 'vitest';
import { annotationPatches, listClasses, mergeUndoChanges, parseUndoRecord, planDefaultClass } from '../../../src/k8s/default-classes.js';
import type { StorageClass } from '../../../src/tools/kubectl-types.js';

const GA = 'storageclass.kubernetes.io/is-default-class';
const BETA = 'storageclass.beta.kubernetes.io/is-default-class';
const sc = (name: string, annotations?: Record<string, string>): StorageClass => ({ metadata: { name, ...(annotations ? { annotations } : {}) }, provisioner: `p/${name}` });

describe('default StorageClasses', () => {
  const classes = [sc('standard', { [GA]: 'true' }), sc('old', { [BETA]: 'true' }), sc('other', { [GA]: 'false' }), sc('gluster-heketi')];

  it('marks defaults by either annotation', () => {
    expect(listClasses(classes).map((c) => [c.name, c.defaultBy])).toEqual([
      ['standard', [GA]],
      ['old', [BETA]],
      ['other', []],
      ['gluster-heketi', []],
    ]);
  });
  it('plans to set the target and unset every other default, and the patches for both ways', () => {
    const changes = planDefaultClass(classes, 'gluster-heketi');
    expect(changes).toEqual([
      { className: 'standard', annotation: GA, before: 'true', after: 'false' },
      { className: 'old', annotation: BETA, before: 'true', after: 'false' },
      { className: 'gluster-heketi', annotation: GA, before: null, after: 'true' },
    ]);
    expect(annotationPatches(changes, 'apply')).toEqual([
      { className: 'standard', patch: { metadata: { annotations: { [GA]: 'false' } } } },
      { className: 'old', patch: { metadata: { annotations: { [BETA]: 'false' } } } },
      { className: 'gluster-heketi', patch: { metadata: { annotations: { [GA]: 'true' } } } },
    ]);
    expect(annotationPatches(changes, 'undo')[2]).toEqual({ className: 'gluster-heketi', patch: { metadata: { annotations: { [GA]: null } } } });
  });
  it('plans nothing when the target is already the only default', () => {
    expect(planDefaultClass([sc('standard'), sc('gluster-heketi', { [GA]: 'true' })], 'gluster-heketi')).toEqual([]);
  });
  it('keeps the first "before" when a change is recorded twice', () => {
    const first = [{ className: 'standard', annotation: GA, before: 'true', after: 'false' } as const];
    const again = [{ className: 'standard', annotation: GA, before: 'false', after: 'false' } as const];
    expect(mergeUndoChanges(first, again)).toEqual([{ className: 'standard', annotation: GA, before: 'true', after: 'false' }]);
  });
  it('reads only undo records it wrote', () => {
    expect(parseUndoRecord('not json')).toBeUndefined();
    expect(parseUndoRecord(JSON.stringify({ version: 1, context: 'c', changes: [{ className: 'x', annotation: 'evil', before: null, after: 'true' }] }))).toBeUndefined();
    const ok = { version: 1, changedAt: 'now', context: 'c', server: 's', changes: [{ className: 'x', annotation: GA, before: null, after: 'true' }] };
    expect(parseUndoRecord(JSON.stringify(ok))).toEqual(ok);
  });
});
