import { statusOf } from './doctor-types.js';
import { translator } from '../i18n/define.js';
import { csiDoctorMessages } from '../i18n/csi-doctor-messages.js';
import { labPathsInCluster, type LabPaths } from '../k8s/lab-class-state.js';
import { serverCompat, type ServerCompat } from '../k8s/server-compat.js';
import { kubectlVersion } from '../tools/kubectl.js';
import { missingKubeconfigFiles } from '../k8s/kubeconfig-files.js';
import { ToolError } from '../tools/tool-error.js';
import { catalogueFindings, ownFinding, tailLines } from './catalogue-findings.js';
import type { DoctorContext } from './doctor-context.js';
import type { DoctorFinding, LayerResult } from './doctor-types.js';

export interface ClusterFacts {
  reachable: boolean;
  compat?: ServerCompat;
}

/** `kubectl version`: a server must answer, and it must still have the in-tree glusterfs provisioner (< v1.26). */
export async function checkCluster(dc: DoctorContext): Promise<{ result: LayerResult; facts: ClusterFacts }> {
  const { t } = dc;
  const down = (findings: DoctorFinding[]) => ({ result: { layer: 'cluster' as const, status: 'failed' as const, summary: t('sumClusterDown'), findings }, facts: { reachable: false } });
  let versions;
  try {
    versions = await kubectlVersion(dc.kube, dc.tool);
  } catch (error) {
    if (!(error instanceof ToolError) || error.kind === 'interrupted') throw error;
    if (error.kind === 'not-found') {
      return down([ownFinding('cluster', 'kubectl-missing', { title: t('kubectlMissingTitle'), explanation: t('kubectlMissingWhat'), fix: t('kubectlMissingFix') })]);
    }
    const missing = missingKubeconfigFiles(dc.kube, dc.tool.env ?? {});
    if (missing) {
      // kubectl's lines (memcache.go "Unhandled Error", localhost:8080) describe its fallback, not the cause: not shown.
      const files = missing.map((f) => `${f}: ${dc.t('fileMissing')}`).join(', ');
      return down([ownFinding('cluster', 'no-kubeconfig', { title: t('noKubeconfigTitle'), explanation: t('noKubeconfigWhat', { files }), fix: t('noKubeconfigFix') }, missing, { category: 'k8s-unreachable' })]);
    }
    return down(unreachable(dc, tailLines(error.stderrTail)));
  }
  if (!versions.server) return down(unreachable(dc, []));

  const compat = serverCompat(versions.server);
  const findings: DoctorFinding[] = [];
  const paths = await labPaths(dc);
  const c = translator(csiDoctorMessages, dc.lang);
  // v1.26+ is no problem for the CSI path: only a lab on the Heketi path has lost its provisioner.
  if (compat.support === 'removed' && paths.heketi) {
    findings.push(
      ownFinding(
        'cluster',
        'provisioner-removed',
        { title: t('removedTitle', { version: compat.gitVersion }), explanation: t('removedWhat', { cls: dc.config.kubernetes.storage_class }), fix: c('removedFixCsi', { nfsCls: dc.config.kubernetes.nfs_storage_class }) },
        [`serverVersion.gitVersion: ${compat.gitVersion}`],
        { category: 'k8s-provisioner-removed', links: ['https://kubernetes.io/blog/2022/12/09/kubernetes-v1-26-release/#removal-of-in-tree-integrations-with-cloud-providers', 'https://github.com/kubernetes/kubernetes/pull/112015'] },
      ),
    );
  }
  if (compat.support === 'deprecated' && (paths.heketi || !paths.csi)) {
    // v1.25 still provisions, with a deprecation warning: the lab works, the next upgrade will not.
    findings.push(
      ownFinding(
        'cluster',
        'provisioner-deprecated',
        { title: t('deprecatedTitle', { version: compat.gitVersion }), explanation: t('deprecatedWhat'), fix: t('deprecatedFix') },
        [`serverVersion.gitVersion: ${compat.gitVersion}`],
        { category: 'k8s-provisioner-removed', severity: 'warning', links: ['https://kubernetes.io/blog/2022/08/23/kubernetes-v1-25-release/#deprecations-and-removals'] },
      ),
    );
  }
  return {
    result: { layer: 'cluster', status: statusOf(findings), summary: t('sumCluster', { version: compat.gitVersion }), findings },
    facts: { reachable: true, compat },
  };
}

/** Which lab classes the cluster has; none known when the classes cannot be read (then nothing is blamed on the version). */
async function labPaths(dc: DoctorContext): Promise<LabPaths> {
  try {
    return labPathsInCluster(dc.config, (await dc.clusterObjects()).classes);
  } catch (error) {
    if (dc.tool.signal?.aborted) throw error;
    return { heketi: false, csi: false };
  }
}

/** kubectl's own words usually name the cause (no kubeconfig, refused, unknown context): the catalogue first. */
function unreachable(dc: DoctorContext, lines: string[]): DoctorFinding[] {
  const known = catalogueFindings(lines, 'cluster', dc.lang);
  if (known.length > 0) return known;
  const { t } = dc;
  const context = dc.kube.context ? t('inContext', { context: dc.kube.context }) : '';
  return [ownFinding('cluster', 'cluster-unreachable', { title: t('clusterDownTitle'), explanation: t('clusterDownWhat', { context }), fix: t('clusterDownFix') }, lines, { category: 'k8s-unreachable' })];
}
