import type { VBoxVersion } from '../tools/vboxmanage.js';
import type { KubeVersionInfo } from '../tools/kubectl-types.js';
import type { CheckId, CheckResult } from './check-result.js';
import type { CheckText, OsFixKey } from './check-text.js';
import type { Outcome } from './outcome.js';
import { isNotFound } from './probe-error.js';
import { shortReason } from '../tools/short-reason.js';

interface ToolSpec {
  id: CheckId;
  tool: string;
  /** The command line shown when the program is there but does not answer. */
  command: string;
  missingFix: OsFixKey;
  /** A missing tool that only some steps need is a warning, not a failure. */
  missingStatus: 'failure' | 'warning';
  missingMessage?: (text: CheckText) => string;
}

function toolCheck(spec: ToolSpec, outcome: Outcome<string>, text: CheckText): CheckResult {
  const { t } = text;
  if (outcome.ok) {
    return { id: spec.id, status: 'ok', found: outcome.value, message: t('toolFound', { tool: spec.tool, version: outcome.value }), fix: '' };
  }
  if (isNotFound(outcome.error)) {
    return {
      id: spec.id,
      status: spec.missingStatus,
      found: t('notInstalled'),
      message: spec.missingMessage?.(text) ?? t('toolMissing', { tool: spec.tool }),
      fix: text.osFix(spec.missingFix),
    };
  }
  return {
    id: spec.id,
    status: 'failure',
    found: '',
    message: t('toolBroken', { command: spec.command, reason: shortReason(outcome.error) }),
    fix: t('toolBrokenFix', { command: spec.command, tool: spec.tool }),
  };
}

export function vagrantCheck(version: Outcome<string>, text: CheckText): CheckResult {
  return toolCheck({ id: 'vagrant', tool: 'Vagrant', command: 'vagrant --version', missingFix: 'vagrantMissingFix', missingStatus: 'failure' }, version, text);
}

export function virtualboxCheck(version: Outcome<VBoxVersion>, text: CheckText): CheckResult {
  const asText: Outcome<string> = version.ok ? { ok: true, value: version.value.version } : version;
  return toolCheck({ id: 'virtualbox', tool: 'VirtualBox', command: 'VBoxManage --version', missingFix: 'vboxMissingFix', missingStatus: 'failure' }, asText, text);
}

export function kubectlCheck(version: Outcome<KubeVersionInfo>, text: CheckText): CheckResult {
  const asText: Outcome<string> = version.ok ? { ok: true, value: version.value.gitVersion } : version;
  return toolCheck({ id: 'kubectl', tool: 'kubectl', command: 'kubectl version --client', missingFix: 'kubectlMissingFix', missingStatus: 'failure' }, asText, text);
}

/** gluster-lab runs without git; it is how the lab project is fetched and updated, so a missing git is a warning. */
export function gitCheck(version: Outcome<string>, text: CheckText): CheckResult {
  return toolCheck(
    { id: 'git', tool: 'git', command: 'git --version', missingFix: 'gitMissingFix', missingStatus: 'warning', missingMessage: ({ t }) => t('gitMissing') },
    version,
    text,
  );
}
