import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isAlias, isMap, isNode, isScalar, parseDocument, visit, type Document } from 'yaml';
import { ExplainedError } from '../exit-codes.js';
import { translator, type Lang } from '../i18n/define.js';
import { configRuleMessages } from '../i18n/config-rule-messages.js';
import { labMessages } from '../i18n/lab-messages.js';
import { ConfigProblems } from './config-problems.js';
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

/**
 * Validates the text of a gluster-lab.yaml; `file` is only used in messages. Read as YAML 1.1,
 * as the Vagrantfile's Ruby (Psych) reads it — `yes` is true, `2024-01-01` a date — and the
 * forms Psych reads otherwise or refuses (anchors and aliases, tags, base-60 numbers) are
 * refused here too: a file this accepts is one `vagrant` accepts, and the other way round.
 */
export function parseLabConfig(text: string, file: string, lang: Lang = 'en'): LabConfig {
  const t = translator(labMessages, lang);
  const describe = new ConfigProblems(text, (source, lineCounter) => parseDocument(source, { prettyErrors: true, lineCounter, version: '1.1' }), lang);
  const doc = parseDocument(text, { prettyErrors: true, version: '1.1' });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const line = yamlError.linePos?.[0]?.line ?? '?';
    throw new LabConfigError(t('configNotYaml', { file, line, reason: (yamlError.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '') }), file);
  }
  const form = yamlFormProblem(doc, text, file, lang);
  if (form) throw new LabConfigError(form, file);
  const result = labConfigSchema.safeParse(isMap(doc.contents) ? doc.toJS() : (doc.toJS() ?? {}));
  const problems = result.success ? describe.crossChecks(result.data) : result.error.issues.flatMap((issue) => describe.describe(issue));
  if (problems.length === 0 && result.success) return result.data;
  const lines = [t('configInvalid', { file, count: problems.length }), ...problems.map((p) => `  ${p.text}`), t('configFixHint')];
  throw new LabConfigError(lines.join('\n'), file, problems.map((p) => p.key));
}
/** Anchors and aliases (an alias bomb among them), explicit tags (`!!str`, `!foo`), base-60 numbers and dates: the first one, as a sentence. */
function yamlFormProblem(doc: Document, text: string, file: string, lang: Lang): string | undefined {
  const t = translator(configRuleMessages, lang);
  const lineOf = (offset: number | undefined) => (offset === undefined ? '?' : text.slice(0, offset).split('\n').length);
  let problem: string | undefined;
  visit(doc, (_key, node) => {
    if (!isNode(node)) return undefined;
    if (isAlias(node) || node.anchor) problem = t('yamlAlias', { file, line: lineOf(node.range?.[0]) });
    else if (node.tag) problem = t('yamlTag', { file, tag: node.tag.replace(/^tag:yaml.org,2002:/, '!!'), line: lineOf(node.range?.[0]) });
    else if (isScalar(node) && node.type === 'PLAIN' && typeof node.source === 'string' && plainProblem(node.source)) problem = t(plainProblem(node.source) ?? 'yamlBase60', { file, value: node.source, line: lineOf(node.range?.[0]) });
    else if (isScalar(node) && node.value instanceof Date) problem = t('yamlDate', { file, value: node.source ?? String(node.value), line: lineOf(node.range?.[0]) });
    return problem === undefined ? undefined : visit.BREAK;
  });
  return problem;
}

/**
 * Plain (unquoted) values YAML 1.1 readers disagree on, refused by the Vagrantfile too:
 * base-60 numbers (`1:20`), numbers with a point or an exponent (`2.0`, `1e3`, `.inf`: Psych
 * reads `1e3` as text), and a lone y or n (a boolean to some readers, a letter to Psych).
 */
function plainProblem(source: string): 'yamlBase60' | 'yamlNotWhole' | 'yamlYesNo' | undefined {
  if (/^[-+]?\d[\d_]*(:[0-5]?\d)+(\.[\d_]*)?$/.test(source)) return 'yamlBase60';
  if (/^[-+]?(\.\d[\d_]*|\d[\d_]*\.[\d_]*|\d[\d_]*(\.[\d_]*)?[eE][-+]?\d+|\.(inf|Inf|INF)|\.(nan|NaN|NAN))$/.test(source)) return 'yamlNotWhole';
  if (/^[yYnN]$/.test(source)) return 'yamlYesNo';
  return undefined;
}
