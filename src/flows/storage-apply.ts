import { ExitCode, UsageError } from '../exit-codes.js';
import type { AppContext } from '../context.js';
import { translator } from '../i18n/define.js';
import { storageMessages } from '../i18n/storage-messages.js';
import { diffStorageClass, type ClassFieldDiff } from '../k8s/class-diff.js';
import { defaultClassAnnotations } from '../k8s/default-classes.js';
import { heketiSecretManifest, storageClassManifest, type NfsStorageClassManifest, type StorageClassManifest } from '../k8s/manifests.js';
import type { LabConfig } from '../lab/config-schema.js';
import { applyManifest, createManifest, deleteResource, getSecret, getStorageClasses, isNotFound, replaceManifest } from '../tools/kubectl.js';
import type { Secret } from '../tools/kubectl-types.js';
import { confirmOrFlag } from './confirm.js';
import { toolOptions } from './tool-options-from-context.js';
import { FlowStop, type Report } from './storage-report.js';

export type ApplyAction = 'created' | 'updated' | 'replaced' | 'unchanged';

/** The Secret as the cluster has it, or undefined when there is none. */
async function readSecret(ctx: AppContext, namespace: string, name: string): Promise<Secret | undefined> {
  try {
    return await getSecret(ctx.kube, namespace, name, toolOptions(ctx));
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

const lastApplied = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * Puts the Secret holding the admin key in place, unless the cluster already has exactly it:
 * created, or replaced whole — never `kubectl apply`, which would copy the key into the
 * last-applied-configuration annotation. A Secret an older version applied loses that copy.
 */
export async function applySecret(ctx: AppContext, report: Report, config: LabConfig, namespace: string, adminKey: string): Promise<ApplyAction> {
  const t = translator(storageMessages, ctx.lang);
  const name = config.kubernetes.secret_name;
  const manifest = heketiSecretManifest({ name, namespace, key: adminKey });
  const existing = await readSecret(ctx, namespace, name);
  if (existing && existing.type === manifest.type && existing.data?.key === manifest.data.key && existing.metadata.annotations?.[lastApplied] === undefined) {
    report.info(t('secretUnchanged', { namespace, name }));
    return 'unchanged';
  }
  const opts = toolOptions(ctx);
  await withNamespaceCheck(ctx, report, namespace, () => (existing ? replaceManifest(ctx.kube, manifest, opts) : createManifest(ctx.kube, manifest, opts)));
  report.info(t(existing ? 'secretUpdated' : 'secretCreated', { namespace, name }));
  return existing ? 'updated' : 'created';
}

/** Either path's class, as the lab makes it. */
type LabClassManifest = StorageClassManifest | NfsStorageClassManifest;

export interface ClassResult {
  action: ApplyAction;
  diff: ClassFieldDiff[];
}

/** The Heketi path's class from gluster-lab.yaml (`applyClass` decides create, keep or replace). */
export async function applyStorageClass(ctx: AppContext, report: Report, config: LabConfig, secretNamespace: string): Promise<ClassResult> {
  const t = translator(storageMessages, ctx.lang);
  const wanted = storageClassManifest({
    name: config.kubernetes.storage_class,
    resturl: config.heketi.url,
    restuser: config.heketi.admin_user,
    secretName: config.kubernetes.secret_name,
    secretNamespace,
  });
  return applyClass(ctx, report, wanted, t('classCreated', { name: wanted.metadata.name, url: config.heketi.url }));
}

/**
 * Creates one of the lab's StorageClasses, leaves an identical one alone, and replaces a
 * different one (delete + create: its parameters are immutable) only when the user agrees.
 * `createdLine` is what to say when it is new.
 */
export async function applyClass(ctx: AppContext, report: Report, wanted: LabClassManifest, createdLine: string): Promise<ClassResult> {
  const t = translator(storageMessages, ctx.lang);
  const name = wanted.metadata.name;
  const opts = toolOptions(ctx);
  const existing = (await getStorageClasses(ctx.kube, opts)).items.find((c) => c.metadata.name === name);
  if (!existing) {
    await applyManifest(ctx.kube, wanted, opts);
    report.info(createdLine);
    return { action: 'created', diff: [] };
  }
  const diff = diffStorageClass(existing, wanted);
  if (diff.length === 0) {
    report.info(t('classUnchanged', { name }));
    return { action: 'unchanged', diff };
  }

  report.info(t('classDiffers', { name }));
  for (const d of diff) {
    report.info(t('classDiffLine', { field: d.field, current: d.current ?? t('classDiffUnset'), wanted: d.wanted ?? t('classDiffUnset') }));
  }
  report.info(t('classImmutable'));
  const go = await confirmOrFlag(ctx, t('classReplaceConfirm', { name }), () => new UsageError(t('classReplaceNeedsYes', { name })));
  if (!go) {
    report.info(t('classKept', { name }));
    throw new FlowStop(ExitCode.ok, 'storage-class', 'kept');
  }
  if (ctx.yes) report.info(t('classReplacing', { name }));
  await deleteResource(ctx.kube, 'storageclass', name, undefined, { ...opts, wait: true });
  await createManifest(ctx.kube, keepDefaultMark(wanted, existing.metadata.annotations), opts);
  report.info(t('classReplaced', { name }));
  return { action: 'replaced', diff };
}

/** A class that was the default stays the default after it is replaced. */
function keepDefaultMark<M extends LabClassManifest>(manifest: M, annotations: Record<string, string> | undefined): M {
  const kept = Object.fromEntries(defaultClassAnnotations.filter((a) => annotations?.[a] !== undefined).map((a) => [a, annotations?.[a] ?? '']));
  if (Object.keys(kept).length === 0) return manifest;
  return { ...manifest, metadata: { ...manifest.metadata, annotations: kept } };
}

/** Runs a namespaced change; a missing namespace is explained instead of kubectl's bare error. */
export async function withNamespaceCheck<T>(ctx: AppContext, report: Report, namespace: string, change: () => Promise<T>): Promise<T> {
  try {
    return await change();
  } catch (error) {
    if (isNotFound(error) && /namespaces? "[^"]+" not found/.test((error as { stderrTail: string }).stderrTail)) {
      report.fail(translator(storageMessages, ctx.lang)('namespaceMissing', { namespace }));
      throw new FlowStop(ExitCode.failed, 'namespace', `namespace ${namespace} not found`);
    }
    throw error;
  }
}
