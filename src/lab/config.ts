import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isMap, parseDocument } from 'yaml';
import { translator, type Lang } from '../i18n/define.js';
import { labMessages } from '../i18n/lab-messages.js';
import { ConfigProblems } from './config-problems.js';
import { labConfigSchema, type LabConfig } from './config-schema.js';
import { labFiles } from './lab-files.js';

/** gluster-lab.yaml is missing, unreadable or invalid; the message names the file and keys. */
export class LabConfigError extends Error {
  override readonly name = 'LabConfigError';
  constructor(
    message: string,
    readonly file: string,
    /** Dotted paths of the offending keys, e.g. `machines.1.address`. */
    readonly keys: string[] = [],
    readonly missing = false,
  ) {
    super(message);
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
  const describe = new ConfigProblems(text, (source, lineCounter) => parseDocument(source, { prettyErrors: true, lineCounter }), lang);
  const doc = parseDocument(text, { prettyErrors: true });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const line = yamlError.linePos?.[0]?.line ?? '?';
    throw new LabConfigError(t('configNotYaml', { file, line, reason: (yamlError.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '') }), file);
  }
  const result = labConfigSchema.safeParse(isMap(doc.contents) ? doc.toJS() : (doc.toJS() ?? {}));
  const problems = result.success ? describe.crossChecks(result.data) : result.error.issues.flatMap((issue) => describe.describe(issue));
  if (problems.length === 0 && result.success) return result.data;
  const lines = [t('configInvalid', { file, count: problems.length }), ...problems.map((p) => `  ${p.text}`), t('configFixHint')];
  throw new LabConfigError(lines.join('\n'), file, problems.map((p) => p.key));
}
