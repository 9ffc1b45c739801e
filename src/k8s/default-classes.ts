import type { StorageClass } from '../tools/kubectl-types.js';

/** The annotation Kubernetes reads today, and the beta one older clusters and guides still set. */
export const defaultClassAnnotations = [
  'storageclass.kubernetes.io/is-default-class',
  'storageclass.beta.kubernetes.io/is-default-class',
] as const;
type DefaultClassAnnotation = (typeof defaultClassAnnotations)[number];
const [defaultAnnotation] = defaultClassAnnotations;

export interface ClassListing {
  name: string;
  provisioner: string;
  /** The annotations that make it a default (value "true"); empty when it is not one. */
  defaultBy: DefaultClassAnnotation[];
}

/** Every class, with which of the two annotations mark it default (the admission plugin reads both). */
export function listClasses(classes: readonly StorageClass[]): ClassListing[] {
  return classes.map((c) => ({
    name: c.metadata.name,
    provisioner: c.provisioner,
    defaultBy: defaultClassAnnotations.filter((a) => c.metadata.annotations?.[a] === 'true'),
  }));
}

/** One annotation change: `before` null means the annotation was absent. */
export interface AnnotationChange {
  className: string;
  annotation: DefaultClassAnnotation;
  before: string | null;
  after: string;
}

/** What `default-class` changed, kept in the lab so `--undo` can put it back on the same cluster. */
export interface DefaultClassUndo {
  version: 1;
  changedAt: string;
  /** kubectl context the change was made in; undo refuses another. */
  context: string;
  server: string;
  changes: AnnotationChange[];
}

/**
 * The changes that make `target` the only default: set the current annotation on it,
 * and set to "false" every default annotation on the others (the documented way to unset).
 */
export function planDefaultClass(classes: readonly StorageClass[], target: string): AnnotationChange[] {
  const changes: AnnotationChange[] = [];
  for (const c of classes) {
    const annotations = c.metadata.annotations ?? {};
    if (c.metadata.name === target) {
      if (annotations[defaultAnnotation] !== 'true') {
        changes.push({ className: target, annotation: defaultAnnotation, before: annotations[defaultAnnotation] ?? null, after: 'true' });
      }
      continue;
    }
    for (const annotation of defaultClassAnnotations) {
      if (annotations[annotation] === 'true') {
        changes.push({ className: c.metadata.name, annotation, before: 'true', after: 'false' });
      }
    }
  }
  return changes;
}

/** Merge patches, one per class, applying `changes` (or their reverse when undoing). */
export function annotationPatches(changes: readonly AnnotationChange[], direction: 'apply' | 'undo'): { className: string; patch: object }[] {
  const byClass = new Map<string, Record<string, string | null>>();
  for (const change of changes) {
    const annotations = byClass.get(change.className) ?? {};
    // null in a JSON merge patch removes the key: an annotation that was absent is absent again.
    annotations[change.annotation] = direction === 'apply' ? change.after : change.before;
    byClass.set(change.className, annotations);
  }
  return [...byClass].map(([className, annotations]) => ({ className, patch: { metadata: { annotations } } }));
}

/** Reads an undo record from JSON text; undefined when it is not one (a hand-edited or foreign file). */
export function parseUndoRecord(text: string): DefaultClassUndo | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const record = value as Partial<DefaultClassUndo>;
  if (record.version !== 1 || typeof record.context !== 'string' || !Array.isArray(record.changes)) return undefined;
  const valid = record.changes.every(
    (c: Partial<AnnotationChange>) =>
      typeof c.className === 'string' &&
      (defaultClassAnnotations as readonly string[]).includes(c.annotation ?? '') &&
      (c.before === null || typeof c.before === 'string') &&
      typeof c.after === 'string',
  );
  return valid ? (record as DefaultClassUndo) : undefined;
}

/**
 * Folds a new change into an earlier record not yet undone: for an annotation changed twice,
 * the first `before` is kept, so `--undo` returns to how things were before gluster-lab.
 */
export function mergeUndoChanges(earlier: readonly AnnotationChange[], later: readonly AnnotationChange[]): AnnotationChange[] {
  const merged = new Map<string, AnnotationChange>();
  const key = (c: AnnotationChange) => `${c.className}\u0000${c.annotation}`;
  for (const c of earlier) merged.set(key(c), c);
  for (const c of later) {
    const first = merged.get(key(c));
    merged.set(key(c), first ? { ...c, before: first.before } : c);
  }
  return [...merged.values()];
}
