import { isMap, isSeq, LineCounter, type Document } from 'yaml';
import type * as z from 'zod';
import { configMessages } from '../i18n/config-messages.js';
import { configRuleMessages } from '../i18n/config-rule-messages.js';
import { translator, type Lang } from '../i18n/define.js';
import type { LabConfig } from './config-schema.js';
import { network24, vmAddressProblem } from './vm-address.js';

type T = ReturnType<typeof translator<keyof typeof configMessages.en>>;
type RuleKey = Extract<keyof typeof configMessages.en, `rule${string}`>;

/** One problem of a gluster-lab.yaml: the key as zod names it (for callers) and the sentence for the user. */
export interface ConfigProblem {
  /** Dotted, counted from 0: `machines.1.cpus`. */
  key: string;
  text: string;
}

/** What each key of the schema allows, in words; `*` stands for any list position. */
const RULES: ReadonlyArray<readonly [string, RuleKey]> = [
  ['name', 'ruleName'],
  ['box', 'ruleBox'],
  ['box_version', 'ruleBoxVersion'],
  ['machines', 'ruleMachines'],
  ['machines.*', 'ruleGroup'],
  ['machines.*.name', 'ruleName'],
  ['machines.*.role', 'ruleRole'],
  ['machines.*.address', 'ruleAddress'],
  ['machines.*.cpus', 'ruleCpus'],
  ['machines.*.memory_mb', 'ruleMemory'],
  ['data_disk', 'ruleGroup'],
  ['data_disk.size_gb', 'ruleDiskSize'],
  ['data_disk.device', 'ruleDevice'],
  ['heketi', 'ruleGroup'],
  ['heketi.version', 'ruleHeketiVersion'],
  ['heketi.url', 'ruleUrl'],
  ['heketi.admin_user', 'ruleUser'],
  ['kubernetes', 'ruleGroup'],
  ['kubernetes.storage_class', 'ruleName'],
  ['kubernetes.secret_name', 'ruleName'],
  ['kubernetes.secret_namespace', 'ruleName'],
  ['kubernetes.nfs_storage_class', 'ruleName'],
  ['kubernetes.node', 'ruleGroup'],
  ['kubernetes.node.enabled', 'ruleEnabled'],
  ['kubernetes.node.name', 'ruleName'],
  ['kubernetes.node.version', 'ruleKubeVersion'],
  ['kubernetes.node.address', 'ruleAddress'],
  ['kubernetes.node.cpus', 'ruleNodeCpus'],
  ['kubernetes.node.memory_mb', 'ruleNodeMemory'],
  ['nfs', 'ruleGroup'],
  ['nfs.volume', 'ruleName'],
  ['nfs.size_gb', 'ruleDiskSize'],
  ['nfs.export', 'ruleExport'],
];

const whyKey = {
  'zero-net': 'whyZeroNet',
  loopback: 'whyLoopback',
  'link-local': 'whyLinkLocal',
  multicast: 'whyMulticast',
  reserved: 'whyReserved',
  network: 'whyNetwork',
  broadcast: 'whyBroadcast',
  'host-adapter': 'whyHostAdapter',
} as const;

/** The keys allowed under a path, for "did you mean". */
function keysUnder(path: readonly PropertyKey[]): string[] {
  const pattern = path.map((p) => (typeof p === 'number' ? '*' : String(p))).join('.');
  const depth = path.length;
  return RULES.map(([key]) => key.split('.')).filter((parts) => parts.length === depth + 1 && parts.slice(0, depth).join('.') === pattern).map((parts) => parts[depth] ?? '');
}

function ruleFor(path: readonly PropertyKey[]): RuleKey {
  const pattern = path.map((p) => (typeof p === 'number' ? '*' : String(p))).join('.');
  return RULES.find(([key]) => key === pattern)?.[1] ?? 'ruleFile';
}

/** Edit distance, for a misspelt key's likely meaning. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length] ?? 0;
}

/**
 * Explains zod's issues (and the cross-checks') the way a person reads the file: where
 * (file, line, key as written — `machines[2] (gluster1).cpus`), what was found and what is
 * allowed, in the user's language.
 */
export class ConfigProblems {
  private readonly t: T;
  private readonly r: ReturnType<typeof translator<keyof typeof configRuleMessages.en>>;
  private readonly lines = new LineCounter();
  private readonly doc: Document.Parsed;

  constructor(
    text: string,
    parse: (text: string, lineCounter: LineCounter) => Document.Parsed,
    lang: Lang,
  ) {
    this.t = translator(configMessages, lang);
    this.r = translator(configRuleMessages, lang);
    this.doc = parse(text, this.lines);
  }

  /** The key as the user wrote it: list items counted from 1, a machine with its name. */
  keyText(path: readonly PropertyKey[]): string {
    let text = '';
    let machine: string | undefined;
    path.forEach((part, i) => {
      if (typeof part === 'number') {
        text += `[${part + 1}]`;
        const name: unknown = this.doc.getIn([...path.slice(0, i), part, 'name']);
        if (path[i - 1] === 'machines' && typeof name === 'string' && path[i + 1] !== 'name') machine = name;
      } else text += text === '' ? String(part) : `.${String(part)}`;
    });
    const key = text || '(top)';
    return machine === undefined ? key : this.t('machineKey', { key, name: machine });
  }

  private where(path: readonly PropertyKey[]): string {
    // The line of the value itself, else of the nearest key above it that is in the file.
    for (let depth = path.length; depth >= 0; depth--) {
      const node = this.doc.getIn(path.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
      const start = node?.range?.[0];
      if (start !== undefined && depth > 0) return this.t('where', { line: this.lines.linePos(start).line, key: this.keyText(path) });
    }
    return this.t('whereNoLine', { key: this.keyText(path) });
  }

  private found(path: readonly PropertyKey[]): string | undefined {
    const node = this.doc.getIn(path, true);
    if (node === undefined) return undefined;
    if (isSeq(node)) return this.t('foundList', { count: node.items.length });
    if (isMap(node)) return this.t('foundMap');
    // A scalar here (maps and lists were answered above): its text as written.
    const value = this.doc.getIn(path) as string | number | boolean | null;
    if (value === null || value === '') return this.t('foundEmpty');
    return this.t('foundText', { value: String(value) });
  }

  /** One zod issue as sentences (an unrecognised-keys issue names each key). */
  describe(issue: z.core.$ZodIssue): ConfigProblem[] {
    const path = issue.path;
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => {
        const full = [...path, key];
        const best = keysUnder(path)
          .map((known) => ({ known, d: distance(key, known) }))
          .sort((a, b) => a.d - b.d)[0];
        const suggestion = best && best.d <= Math.max(2, Math.floor(key.length / 3)) ? this.t('suggestion', { key: best.known }) : '';
        return { key: full.map(String).join('.'), text: this.t('unknownKey', { where: this.where(full), suggestion }) };
      });
    }
    const allowed = this.t(ruleFor(path));
    const found = this.found(path);
    const text = found === undefined ? this.t('missing', { where: this.where(path), allowed }) : this.t('wrongValue', { where: this.where(path), found, allowed });
    return [{ key: path.map(String).join('.') || '(top)', text }];
  }

  /**
   * What the schema cannot say alone, as the Vagrantfile says it too: the forms of box and
   * admin_user, VM addresses that are host addresses of one /24, names and addresses used
   * twice, the roles the lab needs.
   */
  crossChecks(config: LabConfig): ConfigProblem[] {
    const problems: ConfigProblem[] = [];
    const rule = (path: PropertyKey[], allowed: string) => {
      const found = this.found(path);
      problems.push({ key: path.map(String).join('.'), text: found === undefined ? this.t('missing', { where: this.where(path), allowed }) : this.t('wrongValue', { where: this.where(path), found, allowed }) });
    };
    if (!/^[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$/.test(config.box)) rule(['box'], this.r('boxFormat'));
    if (!/^[A-Za-z0-9._-]{1,32}$/.test(config.heketi.admin_user)) rule(['heketi', 'admin_user'], this.r('adminUserFormat'));
    const first = config.machines[0];
    config.machines.forEach((m, i) => {
      const why = vmAddressProblem(m.address);
      if (why) rule(['machines', i, 'address'], this.r('addressNotHost', { why: this.r(whyKey[why]) }));
      else if (first && i > 0 && network24(m.address) !== network24(first.address)) rule(['machines', i, 'address'], this.r('addressOtherNetwork', { first: first.address, network: network24(first.address) }));
    });
    // The Kubernetes node is a VM of the lab too: an address of the same /24, a name and address of its own.
    const node = config.kubernetes.node;
    if (node?.enabled === true && first) {
      const why = vmAddressProblem(node.address);
      if (why) rule(['kubernetes', 'node', 'address'], this.r('addressNotHost', { why: this.r(whyKey[why]) }));
      else if (network24(node.address) !== network24(first.address)) rule(['kubernetes', 'node', 'address'], this.r('addressOtherNetwork', { first: first.address, network: network24(first.address) }));
      for (const field of ['name', 'address'] as const) {
        const other = config.machines.findIndex((m) => m[field] === node[field]);
        if (other >= 0) problems.push({ key: `kubernetes.node.${field}`, text: this.t('duplicate', { where: this.where(['kubernetes', 'node', field]), value: node[field], other: this.keyText(['machines', other]), what: this.t(field === 'name' ? 'whatName' : 'whatAddress') }) });
      }
    }
    for (const field of ['name', 'address'] as const) {
      const seen = new Map<string, number>();
      config.machines.forEach((m, i) => {
        const first = seen.get(m[field]);
        if (first !== undefined) {
          const what = this.t(field === 'name' ? 'whatName' : 'whatAddress');
          problems.push({ key: `machines.${i}.${field}`, text: this.t('duplicate', { where: this.where(['machines', i, field]), value: m[field], other: this.keyText(['machines', first]), what }) });
        }
        seen.set(m[field], i);
      });
    }
    const heketi = config.machines.filter((m) => m.role === 'heketi').length;
    const gluster = config.machines.filter((m) => m.role === 'gluster').length;
    if (heketi !== 1 || gluster < 3) problems.push({ key: 'machines', text: this.t('needsRoles', { where: this.where(['machines']), heketi, gluster }) });
    return problems;
  }
}
