import { insertObject, listObjects } from './kube-store.js';
import type { KubeBody, PodSpec, SecurityContext } from './kube-object.js';
import type { SimState } from './sim-state.js';

/** The user the scenario's app runs as: the first non-root uid of most distributions and images. */
export const appUser = 1000;

/**
 * The story of the 'permission-denied' scenario: once a GlusterFS claim is shared through a
 * Deployment whose pods run as root or as the image's user (such as the `gfs-client` pods
 * `storage` deploys), a second app joins it on the same volume running as user 1000 — as a
 * learner's own non-root workload would — and appends to a file under /mnt. A fresh
 * volume's root directory is root-owned 0755, so its writes fail until a chmod pod has run;
 * kube-controller turns that into CrashLoopBackOff and kubectl-cli's `logs` into busybox's
 * error line. Claims already used by a non-root pod need no second app (they show the
 * problem themselves), and each claim gets the app once: deleting it keeps it deleted.
 */
export function addNonRootApps(state: SimState, nowMs: number, isGlusterClaim: (namespace: string | undefined, claim: string) => boolean): void {
  state.nonRootApps ??= [];
  for (const deployment of listObjects(state, 'Deployment')) {
    const ns = deployment.metadata.namespace;
    const spec = deployment.spec?.template?.spec ?? {};
    if (runAsUsers(spec).some((uid) => uid !== undefined && uid !== 0)) continue;
    for (const claim of claimNames(spec)) {
      const ref = `${ns}/${claim}`;
      if (state.nonRootApps.includes(ref) || !isGlusterClaim(ns, claim)) continue;
      if (usedByNonRoot(state, ns, claim)) continue;
      state.nonRootApps.push(ref);
      insertObject(state, appDeployment(ns, claim), nowMs);
    }
  }
}

/** The app's name for a claim, cut to a valid object name. */
export function appName(claim: string): string {
  return `uploader-${claim}`.slice(0, 63).replace(/[-.]+$/, '');
}

function appDeployment(namespace: string | undefined, claim: string): KubeBody {
  return claimAppDeployment({
    name: appName(claim),
    namespace,
    claim,
    container: 'uploader',
    volume: 'uploads',
    script: 'while true; do date >> /mnt/uploads.log; sleep 10; done',
    securityContext: { runAsUser: appUser, runAsGroup: appUser },
  });
}

/**
 * A user's own app as a one-container busybox Deployment: `script` runs with `claim`
 * mounted at /mnt, as the pod's `securityContext` says (the image's user without one).
 */
export function claimAppDeployment(app: { name: string; namespace: string | undefined; claim: string; container: string; volume: string; script: string; securityContext?: SecurityContext }): KubeBody {
  const { name, namespace, claim, container, volume, script, securityContext } = app;
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace, labels: { app: name } },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: {
          ...(securityContext === undefined ? {} : { securityContext }),
          containers: [{ name: container, image: 'busybox:1.36', command: ['sh', '-c', script], volumeMounts: [{ name: volume, mountPath: '/mnt' }] }],
          volumes: [{ name: volume, persistentVolumeClaim: { claimName: claim } }],
        },
      },
    },
  };
}

function claimNames(spec: PodSpec): string[] {
  return (spec.volumes ?? []).map((v) => v.persistentVolumeClaim?.claimName).filter((c) => typeof c === 'string');
}

function runAsUsers(spec: PodSpec): (number | undefined)[] {
  const podUser = spec.securityContext?.runAsUser;
  return (spec.containers ?? []).map((c) => c.securityContext?.runAsUser ?? podUser);
}

function usedByNonRoot(state: SimState, namespace: string | undefined, claim: string): boolean {
  const users = (spec: PodSpec) => (claimNames(spec).includes(claim) ? runAsUsers(spec) : []);
  return [
    ...listObjects(state, 'Deployment', namespace).flatMap((d) => users(d.spec?.template?.spec ?? {})),
    ...listObjects(state, 'Pod', namespace).flatMap((p) => users(p.spec ?? {})),
  ].some((uid) => uid !== undefined && uid !== 0);
}
