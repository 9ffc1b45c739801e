import { parse, stringify } from 'yaml';

/** Where the lab's cluster answers, and the names its kubeconfig gives it. */
export interface LabKubeconfigTarget {
  /** The lab's name: the context and the cluster are named after it. */
  name: string;
  /** `https://<node address>:6443`: the API server on the lab's host-only network. */
  server: string;
}

interface Named<T> {
  name: string;
  [key: string]: unknown;
  value?: T;
}

/**
 * The lab's copy of kubeadm's admin.conf: the current context's cluster, user and context
 * renamed after the lab (kubeadm calls every cluster "kubernetes", which would clash with any
 * other kubeadm cluster the user merges in), the server on the node's host-only address.
 * Certificates and keys are kept as they are. Throws when the text is not a kubeconfig.
 */
export function labKubeconfig(adminConf: string, target: LabKubeconfigTarget): string {
  let doc: unknown;
  try {
    doc = parse(adminConf);
  } catch {
    // The parser's message quotes the text, which may hold the key: say only what it is not.
    throw new Error('not a kubeconfig (not YAML)');
  }
  if (!isRecord(doc) || doc.kind !== 'Config') throw new Error('not a kubeconfig (kind: Config)');
  const contexts = list(doc.contexts, 'contexts');
  const current = typeof doc['current-context'] === 'string' ? doc['current-context'] : contexts[0]?.name;
  const context = contexts.find((c) => c.name === current);
  const ref = isRecord(context?.context) ? context.context : undefined;
  if (!ref) throw new Error(`no context "${String(current)}"`);
  const cluster = list(doc.clusters, 'clusters').find((c) => c.name === ref.cluster);
  const user = list(doc.users, 'users').find((u) => u.name === ref.user);
  if (!cluster || !isRecord(cluster.cluster)) throw new Error(`no cluster "${String(ref.cluster)}"`);
  if (!user || !isRecord(user.user)) throw new Error(`no user "${String(ref.user)}"`);
  const userName = `${target.name}-admin`;
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: target.name, cluster: { ...cluster.cluster, server: target.server } }],
    users: [{ name: userName, user: user.user }],
    contexts: [{ name: target.name, context: { cluster: target.name, user: userName } }],
    'current-context': target.name,
    preferences: {},
  });
}

function list(value: unknown, what: string): Array<Named<unknown> & Record<string, unknown>> {
  if (!Array.isArray(value)) throw new Error(`no ${what} list`);
  return value.filter((item): item is Named<unknown> & Record<string, unknown> => isRecord(item) && typeof item.name === 'string');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
