import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isMap, parseDocument } from 'yaml';
import { z } from 'zod';
import { ExplainedError } from '../exit-codes.js';
import { translator, type Lang } from '../i18n/define.js';
import { labMessages } from '../i18n/lab-messages.js';
import { labConfigSchema, type LabConfig } from './config-schema.js';
import { labFiles } from './lab-files.js';

/** gluster-lab.yaml is missing, unreadable or invalid; the message names the file and keys. */
export class LabConfigError extends ExplainedError {
  override readonly name = 'LabConfigError';
  constructor(
    message: string,
    readonly file: string,
    /** Dotted paths of the offending keys, e.g. `machines.1.address`. */
    readonly keys: string[] = [],
    readonly missing = false,
  ) {
    super(message, missing ? 'config-missing' : 'config-invalid');
  }
}

/** Reads and validates a lab's gluster-lab.yaml. */
export async function loadLabConfig(labDir: string, lang: Lang = 'en'): Promise<LabConfig> {
  const t = translator(labMessages, lang);
  const file = join(labDir, labFiles.config);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new LabConfigError(t('configMissing', { dir: labDir, file: labFiles.config }), file, [], true);
    throw new LabConfigError(t('configUnreadable', { file, reason: (error as Error).message }), file);
  }
  return parseLabConfig(text, file, lang);
}

/** Validates the text of a gluster-lab.yaml; `file` is only used in messages. */
export function parseLabConfig(text: string, file: string, lang: Lang = 'en'): LabConfig {
  const t = translator(labMessages, lang);
  const doc = parseDocument(text, { prettyErrors: true });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const line = yamlError.linePos?.[0]?.line ?? '?';
    throw new LabConfigError(t('configNotYaml', { file, line, reason: (yamlError.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '') }), file);
  }
  // zod's own sentences (wrong type, too small) in the user's language.
  z.config(lang === 'ja' ? z.locales.ja() : z.locales.en());
  const result = labConfigSchema.safeParse(isMap(doc.contents) ? doc.toJS() : doc.toJS() ?? {});
  const problems: Array<{ key: string; problem: string }> = result.success ? crossChecks(result.data, t) : result.error.issues.flatMap((issue) => describeIssue(issue, t));
  if (problems.length === 0 && result.success) return result.data;
  const lines = [t('configInvalid', { file, count: problems.length }), ...problems.map((p) => t('configIssue', p)), t('configFixHint')];
  throw new LabConfigError(lines.join('\n'), file, problems.map((p) => p.key));
}

function describeIssue(issue: z.core.$ZodIssue, t: ReturnType<typeof translator<keyof typeof labMessages.en>>): Array<{ key: string; problem: string }> {
  const base = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const full = base ? `${base}.${key}` : key;
      return { key: full, problem: t('configUnknownKey', { key: full }) };
    });
  }
  return [{ key: base || '(top)', problem: issue.message }];
}

function crossChecks(config: LabConfig, t: ReturnType<typeof translator<keyof typeof labMessages.en>>): Array<{ key: string; problem: string }> {
  const problems: Array<{ key: string; problem: string }> = [];
  for (const field of ['name', 'address'] as const) {
    const seen = new Map<string, number>();
    config.machines.forEach((m, i) => {
      if (seen.has(m[field])) problems.push({ key: `machines.${i}.${field}`, problem: t('configDuplicate', { what: field, value: m[field] }) });
      seen.set(m[field], i);
    });
    // The Kubernetes node is a VM of the lab too: its name and address must be its own.
    const node = config.kubernetes.node;
    if (node?.enabled === true && seen.has(node[field])) problems.push({ key: `kubernetes.node.${field}`, problem: t('configDuplicate', { what: field, value: node[field] }) });
  }
  const heketis = config.machines.filter((m) => m.role === 'heketi').length;
  const glusters = config.machines.filter((m) => m.role === 'gluster').length;
  if (heketis !== 1 || glusters < 3) problems.push({ key: 'machines', problem: t('configNeedsRoles') });
  return problems;
}
