import type { KubeTarget } from './kubectl-types.js';
import { kubectlArgs, kubectlCommandArgs as cmd } from './kubectl-args.js';
import type { K8sEvent, K8sList, KubeCurrentTarget, KubeVersionInfo, NamespaceScope, Pod, Pv, Pvc, Secret, StorageClass } from './kubectl-types.js';
import { runTool, type RunResult } from './run.js';
import { ToolError } from './tool-error.js';
import { ToolOutputError } from './tool-output-error.js';
import { defaultTimeouts, runOptions, type ToolOptions } from './tool-options.js';

export { kubectlArgs, kubectlCommandArgs } from './kubectl-args.js';

export interface KubeVersions {
  client: KubeVersionInfo;
  server?: KubeVersionInfo;
}

/** `kubectl version --client -o json` → the client's version (no cluster needed). */
export async function kubectlClientVersion(kube: KubeTarget, opts: ToolOptions = {}): Promise<KubeVersionInfo> {
  const result = await kubectl(kube, cmd.clientVersion(), opts, defaultTimeouts.version);
  const json = parseJson<{ clientVersion?: KubeVersionInfo }>(result);
  if (!isVersionInfo(json.clientVersion)) throw new ToolOutputError(result, 'clientVersion');
  return json.clientVersion;
}

/** `kubectl version -o json`; fails (ToolError, kubectl's stderr kept) when the server cannot be reached. */
export async function kubectlVersion(kube: KubeTarget, opts: ToolOptions = {}): Promise<KubeVersions> {
  const result = await kubectl(kube, cmd.version(), opts, defaultTimeouts.kubectlGet);
  return parseKubectlVersion(result);
}

export function parseKubectlVersion(result: RunResult): KubeVersions {
  const json = parseJson<{ clientVersion?: KubeVersionInfo; serverVersion?: KubeVersionInfo }>(result);
  if (!isVersionInfo(json.clientVersion)) throw new ToolOutputError(result, 'clientVersion');
  return isVersionInfo(json.serverVersion) ? { client: json.clientVersion, server: json.serverVersion } : { client: json.clientVersion };
}

/** `kubectl config view --minify -o json` → the context kubectl will use and where it points. */
export async function currentTarget(kube: KubeTarget, opts: ToolOptions = {}): Promise<KubeCurrentTarget> {
  const result = await kubectl(kube, cmd.currentTarget(), opts, defaultTimeouts.version);
  return parseCurrentTarget(result);
}

interface MinifiedConfig {
  'current-context'?: string;
  contexts?: { name: string; context?: { cluster?: string; user?: string; namespace?: string } }[];
  clusters?: { name: string; cluster?: { server?: string } }[];
}

export function parseCurrentTarget(result: RunResult): KubeCurrentTarget {
  const config = parseJson<MinifiedConfig>(result);
  const name = config['current-context'] ?? '';
  const context = config.contexts?.find((c) => c.name === name)?.context;
  if (!name || !context) throw new ToolOutputError(result, 'a current context');
  const cluster = context.cluster ?? '';
  const server = config.clusters?.find((c) => c.name === cluster)?.cluster?.server ?? '';
  const target: KubeCurrentTarget = { context: name, cluster, server, user: context.user ?? '' };
  if (context.namespace) target.namespace = context.namespace;
  return target;
}

export async function getStorageClasses(kube: KubeTarget, opts: ToolOptions = {}): Promise<K8sList<StorageClass>> {
  return list(await kubectl(kube, cmd.storageClasses(), opts, defaultTimeouts.kubectlGet));
}

export async function getPvcs(kube: KubeTarget, namespace: NamespaceScope, opts: ToolOptions = {}): Promise<K8sList<Pvc>> {
  return list(await kubectl(kube, cmd.pvcs(namespace), opts, defaultTimeouts.kubectlGet));
}

export async function getPvc(kube: KubeTarget, namespace: string, name: string, opts: ToolOptions = {}): Promise<Pvc> {
  return object(await kubectl(kube, cmd.pvc(namespace, name), opts, defaultTimeouts.kubectlGet));
}

/** `get secret NAME -n NS -o json`. Its data holds secrets: callers compare it, never print it. */
export async function getSecret(kube: KubeTarget, namespace: string, name: string, opts: ToolOptions = {}): Promise<Secret> {
  return object(await kubectl(kube, cmd.secret(namespace, name), opts, defaultTimeouts.kubectlGet));
}

export async function getPvs(kube: KubeTarget, opts: ToolOptions = {}): Promise<K8sList<Pv>> {
  return list(await kubectl(kube, cmd.pvs(), opts, defaultTimeouts.kubectlGet));
}

export async function getPods(kube: KubeTarget, namespace: NamespaceScope, opts: ToolOptions = {}): Promise<K8sList<Pod>> {
  return list(await kubectl(kube, cmd.pods(namespace), opts, defaultTimeouts.kubectlGet));
}

export async function getPod(kube: KubeTarget, namespace: string, name: string, opts: ToolOptions = {}): Promise<Pod> {
  return object(await kubectl(kube, cmd.pod(namespace, name), opts, defaultTimeouts.kubectlGet));
}

/** Events about one object (`involvedObject.kind` / `.name`), oldest first as kubectl returns them. */
export async function getEvents(
  kube: KubeTarget,
  namespace: string,
  involved: { kind: string; name: string },
  opts: ToolOptions = {},
): Promise<K8sList<K8sEvent>> {
  return list(await kubectl(kube, cmd.events(namespace, involved), opts, defaultTimeouts.kubectlGet));
}

/** `kubectl apply -f - -o json` with the manifest as JSON on stdin → the object as stored. */
export async function applyManifest<T = unknown>(kube: KubeTarget, manifest: object, opts: ToolOptions = {}): Promise<T> {
  return object(await kubectl(kube, cmd.apply(), opts, defaultTimeouts.kubectlChange, JSON.stringify(manifest)));
}

/**
 * `kubectl apply -f -` with YAML text as it is (an upstream file of several documents) →
 * kubectl's own lines ("serviceaccount/csi-nfs-node-sa created", "… unchanged").
 */
export async function applyText(kube: KubeTarget, text: string, opts: ToolOptions = {}): Promise<string[]> {
  const result = await kubectl(kube, cmd.applyText(), opts, defaultTimeouts.kubectlChange, text);
  return result.stdout.split('\n').map((line) => line.trim()).filter((line) => line.length > 0);
}

/** `kubectl get KIND NAME [-n NS] -o json`: one object of any kind (a Deployment, a CSIDriver, …). */
export async function getObject<T>(kube: KubeTarget, kind: string, name: string, namespace?: string, opts: ToolOptions = {}): Promise<T> {
  return object(await kubectl(kube, cmd.object(kind, name, namespace), opts, defaultTimeouts.kubectlGet));
}

/** `kubectl create -f - -o json`; fails if the object exists already. */
export async function createManifest<T = unknown>(kube: KubeTarget, manifest: object, opts: ToolOptions = {}): Promise<T> {
  return object(await kubectl(kube, cmd.create(), opts, defaultTimeouts.kubectlChange, JSON.stringify(manifest)));
}

/** `kubectl delete KIND NAME [-n NS] --ignore-not-found --wait=…`; deleting what is gone is not an error. */
export async function deleteResource(
  kube: KubeTarget,
  kind: string,
  name: string,
  namespace?: string,
  opts: ToolOptions & { wait?: boolean } = {},
): Promise<void> {
  await kubectl(kube, cmd.delete(kind, name, namespace, opts.wait ?? false), opts, defaultTimeouts.kubectlChange);
}

/** `kubectl patch KIND NAME [-n NS] --type merge -p JSON -o json` → the patched object. */
export async function patchResource<T = unknown>(
  kube: KubeTarget,
  kind: string,
  name: string,
  patch: object,
  namespace?: string,
  opts: ToolOptions = {},
): Promise<T> {
  return object(await kubectl(kube, cmd.patch(kind, name, patch, namespace), opts, defaultTimeouts.kubectlChange));
}

/** The last `tail` lines of a pod's log. */
export async function podLogs(kube: KubeTarget, namespace: string, pod: string, tail: number, opts: ToolOptions = {}): Promise<string> {
  return (await kubectl(kube, cmd.logs(namespace, pod, tail), opts, defaultTimeouts.kubectlLogs)).stdout;
}

/** Runs argv in the pod's first container (no shell unless argv starts one) and returns its stdout. */
export async function execInPod(kube: KubeTarget, namespace: string, pod: string, argv: readonly string[], opts: ToolOptions = {}): Promise<string> {
  return (await kubectl(kube, cmd.exec(namespace, pod, argv), opts, defaultTimeouts.kubectlExec)).stdout;
}

/** True when kubectl failed because the object does not exist (`Error from server (NotFound)`). */
export function isNotFound(error: unknown): boolean {
  return error instanceof ToolError && error.kind === 'failed' && /\(NotFound\)/.test(error.stderrTail);
}

function kubectl(kube: KubeTarget, args: string[], opts: ToolOptions, defaultTimeoutMs: number, input?: string): Promise<RunResult> {
  return runTool('kubectl', kubectlArgs(kube, args), { ...runOptions(opts, defaultTimeoutMs), input });
}

function parseJson<T>(result: RunResult): T {
  try {
    const value: unknown = JSON.parse(result.stdout);
    if (typeof value === 'object' && value !== null) return value as T;
  } catch {
    // Falls through to the error below, which keeps the output.
  }
  throw new ToolOutputError(result, 'a JSON object');
}

function list<T>(result: RunResult): K8sList<T> {
  const json = parseJson<Partial<K8sList<T>>>(result);
  if (!Array.isArray(json.items)) throw new ToolOutputError(result, 'a List with items');
  return json as K8sList<T>;
}

function object<T>(result: RunResult): T {
  return parseJson<T>(result);
}

function isVersionInfo(value: unknown): value is KubeVersionInfo {
  return typeof value === 'object' && value !== null && typeof (value as KubeVersionInfo).gitVersion === 'string';
}
