import { deleteVolume } from './heketi-model.js';
import { parseKubectl, type KubectlArgs } from './kubectl-argv-parser.js';
import { versionJson } from './kubectl-version.js';
import { simServer, unreachableOutput, type UnreachableOutput } from './kube-unreachable.js';
import { clusterMinor, kubeconfigContext, labClusterAnswers } from './lab-cluster.js';
import { advance, gib, writeDenied } from './kube-controller.js';
import { csiDf, csiPodLog } from './csi-driver-model.js';
import { kindByKind, kindByName, type KindInfo } from './kube-kinds.js';
import { bumpVersion, findObject, insertObject, listJson, listObjects, presentObject, removeObject } from './kube-store.js';
import type { KubeBody, KubeObject } from './kube-object.js';
import type { SimState } from './sim-state.js';
import { updateStateFile } from './state-file.js';

export interface KubectlIo {
  env: NodeJS.ProcessEnv;
  stdin: string;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /**
   * Reads YAML manifests (every document, as plain values). JSON on stdin (what
   * gluster-lab sends) needs none; the bin loads the YAML parser only for other input,
   * so that most calls start without it.
   */
  parseYaml?: (text: string) => KubeBody[];
  /** The process that answers for kubectl, when not this one (the simulated tools' server): its id, for kubectl's log lines. */
  pid?: number;
  /** Its working directory, where a relative --kubeconfig is read. */
  cwd?: string;
}

/** Whether kubectl's stdin is JSON (what gluster-lab sends), which needs no YAML parser. */
export function isJsonInput(stdin: string): boolean {
  return ['{', '['].includes(stdin.trimStart()[0] ?? '{');
}

class KubectlError extends Error {}

/** The simulated `kubectl`; returns its exit code. */
export function runKubectl(argv: readonly string[], io: KubectlIo): number {
  const parsed = parseKubectl(argv);
  if (!parsed.ok) {
    io.stderr.write(`${parsed.message}\n`);
    return 1;
  }
  const args = parsed.args;
  const stateFile = io.env.GLUSTER_LAB_SIM_STATE;
  if (!stateFile) throw new Error('GLUSTER_LAB_SIM_STATE is not set: the simulated kubectl runs only inside a simulated lab');
  try {
    const out = updateStateFile(stateFile, (state) => {
      const target = clusterTarget(state, args, io.cwd);
      // The scenario's cluster is the default one; the lab's own node answers for itself.
      const down = target.labNode ? undefined : unreachableOutput(state.scenarios, args, new Date(), io.pid);
      if (down) throw new Unreachable(down);
      advance(state);
      return dispatch(state, args, io.stdin, target, io.parseYaml);
    });
    io.stdout.write(out);
    return 0;
  } catch (error) {
    if (error instanceof Unreachable) {
      io.stdout.write(error.output.stdout);
      io.stderr.write(error.output.stderr);
      return 1;
    }
    if (!(error instanceof KubectlError)) throw error;
    io.stderr.write(`${error.message}\n`);
    return error instanceof ExecExit ? error.code : 1;
  }
}

/** The cluster is down: kubectl's own output, not one error line. */
class Unreachable extends Error {
  constructor(readonly output: UnreachableOutput) {
    super(output.stderr);
  }
}

class ExecExit extends KubectlError {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 4)}\n`;
}

function requireJson(args: KubectlArgs): void {
  const output = args.values.get('--output');
  if (output !== undefined && output !== 'json') throw new KubectlError(`error: the simulated kubectl prints only -o json (asked for ${output})`);
  if (output === undefined) throw new KubectlError('error: the simulated kubectl prints only -o json; gluster-lab reads nothing else');
}

function namespaceOf(args: KubectlArgs): string {
  return args.values.get('--namespace') ?? 'default';
}

function kindOf(name: string | undefined): KindInfo {
  const info = name === undefined ? undefined : kindByName(name);
  if (!info) throw new KubectlError(`error: the server doesn't have a resource type "${name ?? ''}"`);
  return info;
}

function notFound(info: KindInfo, name: string): KubectlError {
  return new KubectlError(`Error from server (NotFound): ${info.plural}${info.singularRef.includes('.') ? `.${info.singularRef.split('.').slice(1).join('.')}` : ''} "${name}" not found`);
}

/** The cluster a call goes to: its context name, server and minor version. */
interface ClusterTarget {
  context: string;
  server: string;
  minor: number;
  /** The lab's own Kubernetes node, not the simulated default cluster. */
  labNode: boolean;
}

/**
 * `--kubeconfig FILE` (the lab's own cluster's, or another) or the simulated default
 * context; a cluster that cannot answer fails the call as kubectl does, unless the call
 * needs no server (config view, version --client).
 */
function clusterTarget(state: SimState, args: KubectlArgs, cwd: string | undefined): ClusterTarget {
  const wanted = args.values.get('--context');
  const file = args.values.get('--kubeconfig');
  if (file === undefined) {
    if (wanted !== undefined && wanted !== state.kubeContext) throw new KubectlError(`error: context "${wanted}" does not exist`);
    return { context: state.kubeContext, server: `https://${simServer}`, minor: clusterMinor(state), labNode: false };
  }
  const found = kubeconfigContext(file, wanted, cwd);
  if ('error' in found) throw new KubectlError(found.error);
  // A kubeconfig of the simulated default cluster (the simulated lab's own file, as minikube writes one).
  if (found.server === `https://${simServer}`) return { context: found.name, server: found.server, minor: clusterMinor(state), labNode: false };
  const offline = args.command === 'config' || (args.command === 'version' && args.flags.has('--client'));
  if (!offline && labClusterAnswers(state, found.server) !== 'yes') {
    throw new KubectlError(`Unable to connect to the server: dial tcp ${found.server.replace(/^https?:\/\//, '')}: i/o timeout`);
  }
  return { context: found.name, server: found.server, minor: clusterMinor(state), labNode: true };
}

function dispatch(state: SimState, args: KubectlArgs, stdin: string, target: ClusterTarget, parseYaml: KubectlIo['parseYaml']): string {
  const ns = namespaceOf(args);
  switch (args.command) {
    case 'version':
      if (args.values.get('--output') !== 'json') throw new KubectlError('error: the simulated kubectl prints only -o json');
      return versionJson(state.scenarios, args.flags.has('--client'), target.minor);
    case 'config':
      if (args.positional[0] !== 'view') throw new KubectlError(`error: unknown command "${args.positional[0] ?? ''}" for "kubectl config"`);
      requireJson(args);
      return json(configView(target));
    case 'get':
      requireJson(args);
      return get(state, args, ns);
    case 'apply':
    case 'create':
    case 'replace':
      return applyOrCreate(state, args, stdin, ns, parseYaml);
    case 'delete':
      return remove(state, args, ns);
    case 'patch':
      return patch(state, args, ns);
    case 'logs':
      return logs(state, args, ns);
    case 'exec':
      return exec(state, args, ns);
    default:
      throw new KubectlError(`error: unknown command "${args.command}" for "kubectl"`);
  }
}

function configView(target: ClusterTarget) {
  const name = target.context;
  return {
    kind: 'Config',
    apiVersion: 'v1',
    preferences: {},
    clusters: [{ name, cluster: { server: target.server, 'certificate-authority-data': 'DATA+OMITTED' } }],
    users: [{ name, user: { 'client-certificate-data': 'DATA+OMITTED', 'client-key-data': 'DATA+OMITTED' } }],
    contexts: [{ name, context: { cluster: name, user: name, namespace: 'default' } }],
    'current-context': name,
  };
}

function get(state: SimState, args: KubectlArgs, ns: string): string {
  const info = kindOf(args.positional[0]);
  const all = args.flags.has('--all-namespaces');
  const name = args.positional[1];
  if (name !== undefined) {
    const obj = findObject(state, info.kind, name, ns);
    if (!obj) {
      if (args.flags.has('--ignore-not-found')) return '';
      throw notFound(info, name);
    }
    return json(presentObject(obj));
  }
  let items = listObjects(state, info.kind, info.namespaced && !all ? ns : undefined);
  const labels = args.values.get('--selector');
  // `-l a=b,c`: every term must hold (equality, or the label present).
  if (labels !== undefined) {
    for (const term of labels.split(',')) {
      const [key, value] = term.split('=') as [string, string | undefined];
      items = items.filter((o) => (value === undefined ? o.metadata.labels?.[key] !== undefined : o.metadata.labels?.[key] === value));
    }
  }
  const selector = args.values.get('--field-selector');
  if (selector !== undefined) {
    for (const term of selector.split(',')) {
      const [path, value] = term.split('=') as [string, string | undefined];
      items = items.filter((o) => String(fieldAt(o, path)) === value);
    }
  }
  if (info.kind === 'Event') items = [...items].sort((a, b) => String(a.lastTimestamp).localeCompare(String(b.lastTimestamp)));
  return json(listJson(items));
}

/** The value at a dotted field path (`spec.nodeName`), as a field selector names it. */
function fieldAt(obj: KubeObject, path: string): unknown {
  return path.split('.').reduce<unknown>((v, key) => (v === undefined || v === null ? undefined : (v as Record<string, unknown>)[key]), obj);
}

/**
 * The documents of `-f -`, a List's items one by one. They are taken as the API server takes a
 * request body: as objects of the kind they name, checked field by field where they are read.
 * JSON (what gluster-lab sends) is read without the YAML parser.
 */
function readManifests(stdin: string, parseYaml: KubectlIo['parseYaml']): KubeBody[] {
  const docs = (stdin.trim() === '' ? [] : looksLikeJson(stdin) ? [jsonDocument(stdin)] : yamlReader(parseYaml)(stdin)).filter((d): d is KubeBody => d !== null && d !== undefined);
  return docs.flatMap((d) => (d.kind === 'List' && Array.isArray(d.items) ? (d.items as KubeBody[]) : [d]));
}

/** One JSON document (YAML's plain superset would read it the same). */
function looksLikeJson(text: string): boolean {
  const first = text.trimStart()[0];
  return first === '{' || first === '[';
}

function jsonDocument(text: string): KubeBody {
  try {
    return JSON.parse(text) as KubeBody;
  } catch (error) {
    throw new KubectlError(`error: error parsing STDIN: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function yamlReader(parseYaml: KubectlIo['parseYaml']): (text: string) => KubeBody[] {
  if (!parseYaml) throw new KubectlError('error: the simulated kubectl was given YAML without a YAML reader');
  return parseYaml;
}

function applyOrCreate(state: SimState, args: KubectlArgs, stdin: string, ns: string, parseYaml: KubectlIo['parseYaml']): string {
  if (args.values.get('--filename') !== '-') throw new KubectlError('error: the simulated kubectl reads manifests only from stdin (-f -)');
  const output = args.values.get('--output');
  if (output !== undefined && output !== 'json') throw new KubectlError('error: the simulated kubectl prints only -o json');
  const results: KubeObject[] = [];
  const lines: string[] = [];
  for (const doc of readManifests(stdin, parseYaml)) {
    const info = kindByKind(String(doc.kind));
    if (!info) throw new KubectlError(`error: resource mapping not found for name: "${doc.metadata?.name ?? ''}" namespace: "" from "STDIN": no matches for kind "${doc.kind}" in version "${doc.apiVersion}"\nensure CRDs are installed first`);
    const namespace = info.namespaced ? (doc.metadata?.namespace ?? ns) : undefined;
    const name = String(doc.metadata?.name ?? '');
    const existing = findObject(state, info.kind, name, namespace);
    const ref = `${info.singularRef}/${name}`;
    // replace: the object as given, whole — no last-applied-configuration (kubectl adds it
    // on apply only, or with --save-config); uid and creation time stay.
    if (args.command === 'replace') {
      if (!existing) throw new KubectlError(`Error from server (NotFound): error when replacing "STDIN": ${info.plural}${info.singularRef.includes('.') ? `.${info.singularRef.split('.').slice(1).join('.')}` : ''} "${name}" not found`);
      for (const key of Object.keys(existing)) if (key !== 'metadata' && key !== 'status' && key !== 'kind' && key !== 'apiVersion') delete existing[key];
      for (const [key, value] of Object.entries(doc)) if (key !== 'metadata' && key !== 'status') existing[key] = structuredClone(value);
      const { uid, creationTimestamp, resourceVersion } = existing.metadata;
      existing.metadata = { ...structuredClone(doc.metadata ?? {}), name, namespace, uid, creationTimestamp, resourceVersion };
      if (namespace === undefined) delete existing.metadata.namespace;
      bumpVersion(state, existing);
      results.push(existing);
      lines.push(`${ref} replaced`);
      continue;
    }
    if (args.command === 'create') {
      if (existing) throw new KubectlError(`Error from server (AlreadyExists): error when creating "STDIN": ${info.plural}${info.singularRef.includes('.') ? `.${info.singularRef.split('.').slice(1).join('.')}` : ''} "${name}" already exists`);
      results.push(create(state, doc, namespace));
      lines.push(`${ref} created`);
      continue;
    }
    const applied = JSON.stringify(doc);
    const annotated = { ...doc, metadata: { ...doc.metadata, namespace, annotations: { ...(doc.metadata?.annotations ?? {}), 'kubectl.kubernetes.io/last-applied-configuration': `${applied}\n` } } };
    if (!existing) {
      results.push(create(state, annotated, namespace));
      lines.push(`${ref} created`);
      continue;
    }
    const last = existing.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration'];
    if (last === `${applied}\n`) {
      results.push(existing);
      lines.push(`${ref} unchanged`);
      continue;
    }
    if (info.kind === 'StorageClass' && JSON.stringify(doc.parameters ?? {}) !== JSON.stringify(existing.parameters ?? {})) {
      throw new KubectlError(`The StorageClass "${name}" is invalid: parameters: Forbidden: updates to parameters are forbidden.`);
    }
    for (const [key, value] of Object.entries(annotated)) if (key !== 'metadata' && key !== 'status') existing[key] = value;
    existing.metadata.labels = annotated.metadata.labels;
    existing.metadata.annotations = annotated.metadata.annotations;
    bumpVersion(state, existing);
    results.push(existing);
    lines.push(`${ref} configured`);
  }
  if (output === 'json') return json(results.length === 1 ? presentObject(results[0] as KubeObject) : listJson(results));
  return lines.map((l) => `${l}\n`).join('');
}

/** What admission and defaulting do on create: default class, claim status, deployment defaults. */
function create(state: SimState, doc: KubeBody, namespace: string | undefined): KubeObject {
  const body = structuredClone(doc);
  body.metadata = { ...body.metadata, namespace };
  if (body.kind === 'PersistentVolumeClaim') {
    body.spec = { volumeMode: 'Filesystem', ...body.spec };
    if (body.spec.storageClassName === undefined) {
      const defaults = listObjects(state, 'StorageClass').filter((c) => c.metadata.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true');
      const chosen = defaults.sort((a, b) => b.metadata.creationTimestamp.localeCompare(a.metadata.creationTimestamp))[0];
      if (chosen) body.spec.storageClassName = chosen.metadata.name;
    }
    body.status = { phase: 'Pending' };
  }
  if (body.kind === 'Pod') body.status = { phase: 'Pending', qosClass: 'BestEffort' };
  if (body.kind === 'Deployment') body.spec = { replicas: 1, ...body.spec };
  if (body.kind === 'StorageClass') {
    body.reclaimPolicy ??= 'Delete';
    body.volumeBindingMode ??= 'Immediate';
  }
  return insertObject(state, body);
}

function remove(state: SimState, args: KubectlArgs, ns: string): string {
  const info = kindOf(args.positional[0]);
  const name = args.positional[1];
  if (name === undefined) throw new KubectlError('error: resource(s) were provided, but no name was specified');
  const obj = findObject(state, info.kind, name, ns);
  if (!obj) {
    if (args.flags.has('--ignore-not-found')) return '';
    throw notFound(info, name);
  }
  removeObject(state, obj);
  if (info.kind === 'Deployment') for (const pod of listObjects(state, 'Pod', ns)) if (pod.metadata.ownerReferences?.[0]?.uid === obj.metadata.uid) removeObject(state, pod);
  if (info.kind === 'PersistentVolumeClaim' && obj.spec?.volumeName) {
    const pv = findObject(state, 'PersistentVolume', obj.spec.volumeName);
    if (pv?.spec?.persistentVolumeReclaimPolicy === 'Delete') {
      const volumeId = pv.metadata.annotations?.['gluster.kubernetes.io/heketi-volume-id'];
      if (volumeId) deleteVolume(state.heketi, volumeId);
      removeObject(state, pv);
    } else if (pv) {
      pv.status = { phase: 'Released' };
      bumpVersion(state, pv);
    }
  }
  for (const event of listObjects(state, 'Event')) if (event.involvedObject?.uid === obj.metadata.uid) removeObject(state, event);
  return `${info.singularRef} "${name}" deleted\n`;
}

function isJsonObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** JSON merge patch (RFC 7386), what `--type merge` sends. */
function mergePatch(target: unknown, patchValue: unknown): unknown {
  if (!isJsonObject(patchValue)) return patchValue;
  const result: Record<string, unknown> = isJsonObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patchValue)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}

function patch(state: SimState, args: KubectlArgs, ns: string): string {
  const info = kindOf(args.positional[0]);
  const name = args.positional[1] ?? '';
  if (args.values.get('--type') !== 'merge') throw new KubectlError('error: the simulated kubectl supports only --type merge');
  const obj = findObject(state, info.kind, name, ns);
  if (!obj) throw notFound(info, name);
  let body: unknown;
  try {
    body = JSON.parse(args.values.get('--patch') ?? '');
  } catch {
    throw new KubectlError('error: unable to parse "' + (args.values.get('--patch') ?? '') + '": yaml: did not find expected node content');
  }
  const patched = mergePatch(obj, body) as KubeObject;
  const changed = JSON.stringify(patched) !== JSON.stringify(obj);
  Object.assign(obj, patched);
  if (changed) bumpVersion(state, obj);
  if (args.values.get('--output') === 'json') return json(presentObject(obj));
  return `${info.singularRef}/${name} ${changed ? 'patched' : 'patched (no change)'}\n`;
}

function podOrFail(state: SimState, args: KubectlArgs, ns: string): KubeObject {
  const name = args.positional[0] ?? '';
  const pod = findObject(state, 'Pod', name, ns);
  if (!pod) throw new KubectlError(`Error from server (NotFound): pods "${name}" not found`);
  return pod;
}

function logs(state: SimState, args: KubectlArgs, ns: string): string {
  const pod = podOrFail(state, args, ns);
  const waiting = pod.status?.containerStatuses?.[0]?.state?.waiting?.reason;
  const printed = csiPodLog(state, pod);
  if (printed) return printed.map((l) => `${l}\n`).join('');
  if (pod.status?.phase === 'Pending') {
    throw new KubectlError(`Error from server (BadRequest): container "${pod.spec?.containers?.[0]?.name ?? 'main'}" in pod "${pod.metadata.name}" is waiting to start: ${waiting ?? 'ContainerCreating'}`);
  }
  const lines: string[] = [];
  if (waiting === 'CrashLoopBackOff') lines.push(deniedWriteLine(pod));
  // A one-shot write test that was denied (kube-controller's finishOneShot) printed touch's error.
  if (pod.status?.phase === 'Failed' && pod.status.containerStatuses?.[0]?.state?.terminated?.exitCode === 1) {
    const script = [...(pod.spec?.containers?.[0]?.command ?? []), ...(pod.spec?.containers?.[0]?.args ?? [])].join(' ');
    lines.push(`touch: ${/(\/mnt\/\S*)/.exec(script)?.[1] ?? '/mnt'}: Permission denied`);
  }
  const tail = Number(args.values.get('--tail') ?? '-1');
  const shown = tail >= 0 ? lines.slice(-tail || lines.length) : lines;
  return tail === 0 ? '' : shown.map((l) => `${l}\n`).join('');
}

/**
 * What the container printed when its write under /mnt was refused, as busybox words it:
 * the shell's own message for a redirection (`> file`, `>> file`), else touch's.
 */
export function deniedWriteLine(pod: KubeObject): string {
  const script = [...(pod.spec?.containers?.[0]?.command ?? []), ...(pod.spec?.containers?.[0]?.args ?? [])].join(' ');
  const redirected = />>?\s*(\/mnt\/[^\s;&|]*)/.exec(script)?.[1];
  if (redirected) return `sh: can't create ${redirected}: Permission denied`;
  return `touch: ${/(\/mnt\/[^\s;&|]*)/.exec(script)?.[1] ?? '/mnt'}: Permission denied`;
}

function exec(state: SimState, args: KubectlArgs, ns: string): string {
  const pod = podOrFail(state, args, ns);
  if (pod.status?.phase !== 'Running') {
    throw new KubectlError(pod.status?.phase === 'Succeeded' ? 'error: cannot exec into a container in a completed pod; current phase is Succeeded' : `error: unable to upgrade connection: container not found ("${pod.spec?.containers?.[0]?.name ?? 'main'}")`);
  }
  const argv = args.rest;
  const line = argv.join(' ');
  if (line === 'df -h /mnt') {
    const claim = (pod.spec?.volumes ?? []).map((v) => v.persistentVolumeClaim?.claimName).find(Boolean);
    const pvc = claim ? findObject(state, 'PersistentVolumeClaim', claim, ns) : undefined;
    const pv = pvc?.spec?.volumeName ? findObject(state, 'PersistentVolume', pvc.spec.volumeName) : undefined;
    if (pv?.spec?.csi) return csiDf(state, pv);
    if (!pv?.spec?.glusterfs) return 'Filesystem                Size      Used Available Use% Mounted on\noverlay                  58.4G     12.1G     43.3G  22% /mnt\n';
    const size = `${gib(pv.spec.capacity?.storage)}G`;
    const device = `${state.heketi.nodes[0]?.storage ?? ''}:${pv.spec.glusterfs.path}`;
    return `Filesystem                Size      Used Available Use% Mounted on\n${device}  ${size.padStart(8)}     66.0M  ${size.padStart(8)}   1% /mnt\n`;
  }
  if (argv[0] === 'sh' && argv[1] === '-c') {
    const script = argv.slice(2).join(' ');
    const writes = /touch |>|\bmkdir |\btee /.test(script);
    if (writes && writeDenied(state, pod)) {
      const target = /(\/mnt\/\S*)/.exec(script)?.[1] ?? '/mnt';
      throw new ExecExit(`touch: ${target}: Permission denied\ncommand terminated with exit code 1`, 1);
    }
    if (/^id\b/.test(script.trim())) {
      const user = pod.spec?.containers?.[0]?.securityContext?.runAsUser ?? pod.spec?.securityContext?.runAsUser ?? 0;
      return `uid=${user} gid=${user} groups=${user}\n`;
    }
    return '';
  }
  if (argv[0] === 'true') return '';
  throw new ExecExit(`OCI runtime exec failed: exec failed: unable to start container process: exec: "${argv[0] ?? ''}": executable file not found in $PATH: unknown\ncommand terminated with exit code 126`, 126);
}
