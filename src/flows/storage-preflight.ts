import { ExitCode, UsageError } from '../exit-codes.js';
import type { AppContext } from '../context.js';
import { translator } from '../i18n/define.js';
import { storageMessages } from '../i18n/storage-messages.js';
import { heketiCapacity, largestReplicaKiB, requiredNodes, type HeketiCapacity } from '../k8s/heketi-capacity.js';
import { formatBytes } from '../k8s/quantity.js';
import { serverCompat, type ServerCompat } from '../k8s/server-compat.js';
import type { LabConfig } from '../lab/config-schema.js';
import { readHeketiAdminKey } from '../lab/heketi-admin-key.js';
import { HeketiClient, HeketiError } from '../tools/heketi-client.js';
import { currentTarget, kubectlVersion } from '../tools/kubectl.js';
import type { KubeCurrentTarget } from '../tools/kubectl-types.js';
import { ToolError } from '../tools/tool-error.js';
import { vagrantStatus } from '../tools/vagrant.js';
import { missingKubeconfigFiles } from '../k8s/kubeconfig-files.js';
import { labMachines } from '../doctor/doctor-context.js';
import { explainFailure, networkReason } from '../diagnosis/explain-failure.js';
import { confirmOrFlag } from './confirm.js';
import { toolOptions } from './tool-options-from-context.js';
import { diagnoseLines, knownFinding } from '../diagnosis/findings-for-lines.js';
import { FlowStop, type Report } from './storage-report.js';

/** Which cluster kubectl points at, shown before anything is asked or changed there. */
export async function contextGuard(ctx: AppContext, report: Report): Promise<KubeCurrentTarget> {
  const t = translator(storageMessages, ctx.lang);
  let target: KubeCurrentTarget;
  try {
    target = await currentTarget(ctx.kube, toolOptions(ctx));
  } catch (error) {
    throw kubectlStop(ctx, report, error, 'context', 'targetUnreachable', 'targetUnreachableNext');
  }
  report.info(t('targetHeader'));
  report.info(t('targetContext', { value: target.context }));
  report.info(t('targetServer', { value: target.server }));
  report.info(t('targetUser', { value: target.user }));
  return target;
}

/**
 * "Create the Secret, StorageClass and PVC in this cluster?" — asked once every check has
 * passed (the server's version, Heketi answering with room), so a yes is never followed by
 * a refusal the program could have found before asking.
 */
export async function confirmTarget(ctx: AppContext, report: Report): Promise<void> {
  const t = translator(storageMessages, ctx.lang);
  const go = await confirmOrFlag(ctx, t('targetConfirm'), () => new UsageError(t('targetNeedsYes')), true);
  if (!go) {
    report.info(t('targetCancelled'));
    throw new FlowStop(ExitCode.ok, 'context', 'cancelled');
  }
}

/** The server's version, shown; which path it allows is choosePath's question (storage-path-choice.ts). */
export async function serverCheck(ctx: AppContext, report: Report): Promise<ServerCompat> {
  const t = translator(storageMessages, ctx.lang);
  let compat: ServerCompat;
  try {
    const versions = await kubectlVersion(ctx.kube, toolOptions(ctx));
    if (!versions.server) throw new Error('no serverVersion');
    compat = serverCompat(versions.server);
  } catch (error) {
    throw kubectlStop(ctx, report, error, 'server-version', 'versionUnreachable', 'versionUnreachableNext');
  }
  report.info(t('versionShown', { version: compat.gitVersion }));
  return compat;
}

function kubectlStop(
  ctx: AppContext,
  report: Report,
  error: unknown,
  step: string,
  what: 'targetUnreachable' | 'versionUnreachable',
  next: 'targetUnreachableNext' | 'versionUnreachableNext',
): FlowStop {
  if (ctx.signal.aborted) throw error;
  const t = translator(storageMessages, ctx.lang);
  const missing = missingKubeconfigFiles(ctx.kube, ctx.env);
  if (missing) {
    // kubectl's own words here are about localhost:8080 (its fallback), not the cause.
    const files = missing.map((file) => t('fileMissing', { file })).join(', ');
    report.fail(t('targetUnreachable', { reason: t('noKubeconfig', { files }) }));
    report.fail(t('noKubeconfigNext'));
    return new FlowStop(ExitCode.failed, step, `no kubeconfig: ${missing.join(', ')}`);
  }
  const detail = error instanceof ToolError ? (error.stderrTail.trim() || error.message) : error instanceof Error ? error.message : String(error);
  const explained = explainFailure(error, ctx.lang);
  report.fail(t(what, { reason: explained.reason }));
  report.findings(explained.findings, 'fail');
  report.fail(t(next));
  return new FlowStop(ExitCode.failed, step, detail);
}

/** Whether `vagrant status` says this VM runs; false when vagrant cannot tell. */
async function vmRuns(ctx: AppContext, vm: string): Promise<boolean> {
  try {
    const machines = await vagrantStatus(toolOptions(ctx, { cwd: ctx.labDir }));
    return machines.some((m) => m.name === vm && m.state === 'running');
  } catch (error) {
    if (ctx.signal.aborted) throw error;
    return false;
  }
}

export interface HeketiReadiness {
  capacity: HeketiCapacity;
  largestKiB: number;
  adminKey: string;
}

/** Reads the admin key (never shown) and checks Heketi answers, accepts it and has 3 usable nodes. */
export async function heketiCheck(ctx: AppContext, report: Report, config: LabConfig): Promise<HeketiReadiness> {
  const t = translator(storageMessages, ctx.lang);
  const key = await readHeketiAdminKey(ctx.labDir);
  if (!key.ok) {
    report.fail(t('adminKeyMissing', { file: key.path, reason: key.reason }));
    throw new FlowStop(ExitCode.failed, 'heketi', 'admin key missing');
  }
  const { key: adminKey, path: keyFile } = key;
  const url = config.heketi.url;
  report.info(t('heketiChecking', { url }));
  const client = new HeketiClient({ url, user: config.heketi.admin_user, key: adminKey, signal: ctx.signal });
  try {
    report.info(t('heketiHello', { text: await client.hello() }));
    const capacity = heketiCapacity(await client.topology());
    for (const node of capacity.nodes) {
      report.info(t('heketiNode', { host: node.host, state: node.state, devices: node.devices, free: formatBytes(node.freeKiB * 1024), total: formatBytes(node.totalKiB * 1024) }));
    }
    if (capacity.usableNodes < requiredNodes) {
      report.fail(t('heketiTooFew', { count: capacity.usableNodes, needed: requiredNodes }));
      report.fail(t('heketiTooFewNext'));
      throw new FlowStop(ExitCode.failed, 'heketi', 'too few nodes');
    }
    const largestKiB = largestReplicaKiB(capacity);
    report.info(t('heketiReady', { count: capacity.usableNodes, free: formatBytes(capacity.freeKiB * 1024), largest: formatBytes(largestKiB * 1024) }));
    return { capacity, largestKiB, adminKey };
  } catch (error) {
    if (!(error instanceof HeketiError)) throw error;
    const reason = error.kind === 'unreachable' ? networkReason(error.code, ctx.lang) : explainFailure(error, ctx.lang).reason;
    if (error.kind === 'unreachable') {
      const vm = labMachines(config).heketi;
      if (vm !== undefined && (await vmRuns(ctx, vm))) {
        // The VM is up, so "start the VMs" would be wrong: the service itself is not answering.
        report.fail(t('heketiServiceDown', { url, reason, vm }));
        report.fail(t('heketiServiceDownNext', { vm, dir: ctx.labDir }));
      } else {
        report.fail(t('heketiUnreachable', { url, reason }));
        report.findings(knownFinding('heketi-unreachable', ctx.lang), 'fail');
        report.fail(t('heketiUnreachableNext'));
      }
    } else if (error.kind === 'auth') {
      report.fail(t('heketiAuth', { reason, file: keyFile }));
      report.findings(diagnoseLines([error.body], ctx.lang), 'fail');
      report.fail(t('heketiAuthNext'));
    } else {
      report.fail(t('heketiError', { reason }));
      report.findings(diagnoseLines([error.body], ctx.lang), 'fail');
    }
    throw new FlowStop(ExitCode.failed, 'heketi', `${error.kind}: ${reason}`);
  }
}
