import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { CommandRunner, InputCheck } from '../command-runner.js';
import { ExitCode, ExplainedError, UsageError } from '../exit-codes.js';
import type { AppContext } from '../context.js';
import { translator, type Translate } from '../i18n/define.js';
import { labSafetyMessages } from '../i18n/lab-safety-messages.js';
import { labMessages } from '../i18n/lab-messages.js';
import { LabConfigError, loadLabConfig } from '../lab/config.js';
import { applyInit, planChanges, planInit, type PlannedFile } from '../lab/init-lab.js';
import { defaultLabConfig } from '../lab/defaults.js';
import { labDirDanger } from '../lab/lab-dir-safety.js';
import { labFiles } from '../lab/lab-files.js';
import { labConfigOnNetwork, parseLabNetwork } from '../lab/lab-network.js';
import { labDirDangerText } from './lab-dir-danger-text.js';
import { packageRoot } from '../lab/package-root.js';
import { kubeNodeMessages } from '../i18n/kube-node-messages.js';
import { enableKubeNodeInFile, withKubeNode } from '../lab/kube-node-file.js';
import { kubeVersionFromOption } from '../lab/kube-node-option.js';
import { kubeVersionChoices } from '../lab/kube-versions.js';
import { confirmOrFlag } from './confirm.js';
import { dirFlag } from './dir-flag.js';

function initOptions(options: Record<string, unknown>) {
  return { force: options.force === true, network: typeof options.network === 'string' ? options.network : undefined, kubernetes: options.kubernetes as string | boolean | undefined };
}

export const initCommand: CommandRunner = (ctx, { options }) => initFlow(ctx, initOptions(options));

/** `--network` and `--kubernetes` refused before the lab directory is made (and locked). */
export const checkInitInput: InputCheck = (ctx, { options }) => {
  const { network, kubernetes } = initOptions(options);
  networkPrefix(ctx, network);
  kubeNodeVersion(ctx, kubernetes);
};

/** The first three octets `--network` asks for (undefined without the option); not a /24 is a usage error. */
function networkPrefix(ctx: AppContext, network: string | undefined): string | undefined {
  if (network === undefined) return undefined;
  const prefix = parseLabNetwork(network);
  if (prefix === undefined) throw new UsageError(translator(labMessages, ctx.lang)('initBadNetwork', { value: network }));
  return prefix;
}

/** `init [DIR]`: create the lab directory, or show and apply what an update changes. */
export async function initFlow(ctx: AppContext, options: { force?: boolean; network?: string; kubernetes?: string | boolean } = {}): Promise<number> {
  const t = translator(labMessages, ctx.lang);
  const safety = translator(labSafetyMessages, ctx.lang);
  const { labDir } = ctx;
  if (await stat(labDir).then((s) => !s.isDirectory(), () => false)) {
    ctx.stderr.write(`${t('initNotADir', { dir: labDir })}\n`);
    return ExitCode.failed;
  }
  const prefix = networkPrefix(ctx, options.network);
  const kubeVersion = kubeNodeVersion(ctx, options.kubernetes);
  const onNetwork = prefix === undefined ? undefined : labConfigOnNetwork(defaultLabConfig, prefix);
  const config = kubeVersion === undefined ? onNetwork : withKubeNode(onNetwork ?? defaultLabConfig, kubeVersion);
  const danger = await labDirDanger(labDir, options);
  if (danger) throw new ExplainedError(labDirDangerText(danger, labDir, ctx.lang), 'lab-dir-refused');
  const plan = await planInit(labDir, join(packageRoot(), 'provisioning'), { force: options.force, config });
  if (onNetwork && plan.files.some((f) => f.path === labFiles.config && f.action === 'unchanged')) {
    ctx.stdout.write(`${t('initNetworkKept', { file: join(labDir, labFiles.config) })}\n`);
  }
  if (!planChanges(plan)) {
    ctx.stdout.write(`${t('initNothing', { dir: labDir })}\n`);
    const code = await validateConfig(ctx);
    return code === ExitCode.ok && kubeVersion !== undefined ? turnKubeNodeOn(ctx, kubeVersion) : code;
  }

  ctx.stdout.write(`${t(plan.exists ? 'initUpdating' : 'initCreating', { dir: labDir })}\n`);
  for (const file of plan.files) {
    const line = describe(file, t, safety);
    if (line) ctx.stdout.write(`${line}\n`);
  }
  // Creating a new lab loses nothing; changing an existing one is confirmed first.
  const changesExisting = plan.exists && plan.files.some((f) => f.action === 'update');
  if (changesExisting) {
    const go = await confirmOrFlag(ctx, t('initConfirm'), () => new UsageError(t('initNeedsYes', { dir: labDir })));
    if (!go) {
      ctx.stdout.write(`${t('initCancelled')}\n`);
      return ExitCode.ok;
    }
  }
  // Ctrl-C stops between files: each file written is whole, and a rerun writes the rest.
  const result = await applyInit(plan, ctx.signal);
  if (result.stopped) {
    ctx.stderr.write(`${safety('initStopped', { written: result.written, total: result.total })}\n`);
    return ExitCode.interrupted;
  }
  if (plan.files.some((f) => f.secret && (f.action === 'create' || f.action === 'replace-key'))) {
    ctx.stdout.write(`${t('initSecretsNote', { dir: join(labDir, labFiles.secretsDir) })}\n`);
  }
  if (plan.files.some((f) => f.action === 'replace-key')) ctx.stdout.write(`${t('initKeyMoved', { dirFlag: dirFlag(labDir) })}\n`);
  const code = await validateConfig(ctx);
  if (code !== ExitCode.ok) return code;
  const created = plan.files.some((f) => f.path === labFiles.config && f.action === 'create');
  if (kubeVersion !== undefined && (await turnKubeNodeOn(ctx, kubeVersion, created)) !== ExitCode.ok) return ExitCode.failed;
  ctx.stdout.write(`${t('initDone', { dirFlag: dirFlag(labDir) })}\n`);
  return code;
}

/** The version `--kubernetes` asks for (undefined without the option); a wrong one is a usage error naming the choices. */
function kubeNodeVersion(ctx: AppContext, value: string | boolean | undefined): string | undefined {
  if (value === undefined || value === false) return undefined;
  const version = kubeVersionFromOption(value);
  if (version === undefined) {
    throw new UsageError(translator(kubeNodeMessages, ctx.lang)('initBadVersion', { value: String(value), ...kubeVersionChoices }));
  }
  return version;
}

/** `--kubernetes`: the node on in the lab's gluster-lab.yaml (new or the user's), and what each version gives. */
async function turnKubeNodeOn(ctx: AppContext, version: string, created = false): Promise<number> {
  const k = translator(kubeNodeMessages, ctx.lang);
  const file = join(ctx.labDir, labFiles.config);
  const { result, node } = await enableKubeNodeInFile(ctx.labDir, await loadLabConfig(ctx.labDir, ctx.lang), version);
  const values = { file, name: node.name, address: node.address, version: node.version, cpus: node.cpus, memory: node.memory_mb };
  ctx.stdout.write(`${k(result === 'unchanged' && !created ? 'initNodeUnchanged' : 'initNodeAdded', values)}\n${k('versionChoices', kubeVersionChoices)}\n`);
  return validateConfig(ctx);
}

const repairWhy = { empty: 'whyEmpty', 'cut-short': 'whyCutShort', unparsable: 'whyUnparsable', mismatch: 'whyMismatch', pair: 'whyPair' } as const;

function describe(file: PlannedFile, t: Translate<keyof typeof labMessages.en>, safety: Translate<keyof typeof labSafetyMessages.en>): string | undefined {
  switch (file.action) {
    case 'create':
      return t('initCreate', { file: file.path });
    case 'update':
      return t('initUpdate', { file: file.path });
    case 'repair':
      return safety('initRepair', { file: file.path, why: safety(repairWhy[file.reason ?? 'empty']) });
    case 'keep-modified':
      return t('initKeepModified', { file: file.path });
    case 'replace-key':
      return t('initReplaceKey', { file: file.path });
    case 'keep-foreign':
      return safety('dirForeignFile', { file: file.path });
    case 'keep-key':
    case 'unchanged':
      return undefined;
  }
}

/** An existing gluster-lab.yaml is the user's: init does not rewrite it, but says what is wrong with it. */
async function validateConfig(ctx: AppContext): Promise<number> {
  try {
    await loadLabConfig(ctx.labDir, ctx.lang);
    return ExitCode.ok;
  } catch (error) {
    if (!(error instanceof LabConfigError)) throw error;
    ctx.stderr.write(`${error.message}\n`);
    return ExitCode.failed;
  }
}
