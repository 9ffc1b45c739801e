import { parseMachineReadableLine } from '../tools/vagrant-machine-readable.js';
import { vagrantStatus } from '../tools/vagrant.js';
import { ToolError } from '../tools/tool-error.js';
import { VagrantError } from '../tools/vagrant-error.js';
import { explainFailure } from '../diagnosis/explain-failure.js';
import { catalogueFindings, ownFinding, tailLines } from './catalogue-findings.js';
import type { DoctorContext } from './doctor-context.js';
import { statusOf, type DoctorFinding, type LayerResult } from './doctor-types.js';

/** What the later layers need to know: could vagrant run, and which VMs are running. */
export interface VmFacts {
  vagrantOk: boolean;
  running: Set<string>;
}

/** `vagrant status` in the lab directory: every VM of gluster-lab.yaml should be running. */
export async function checkVms(dc: DoctorContext): Promise<{ result: LayerResult; facts: VmFacts }> {
  const { t } = dc;
  const expected = dc.config.machines.map((m) => m.name);
  let machines;
  try {
    machines = await vagrantStatus({ ...dc.tool, cwd: dc.labDir });
  } catch (error) {
    if (!(error instanceof ToolError) || error.kind === 'interrupted') throw error;
    const findings: DoctorFinding[] =
      error.kind === 'not-found'
        ? [ownFinding('vms', 'vagrant-missing', { title: t('vagrantMissingTitle'), explanation: t('vagrantMissingWhat'), fix: t('vagrantMissingFix') })]
        : vagrantFailure(dc, readableLines([...tailLines(error.stderrTail), ...tailLines(error.stdoutTail, 4)]));
    const summary = error.kind === 'not-found' ? t('sumVagrantUnavailable') : t('sumVagrantFailed', { reason: vagrantReason(dc, error) });
    return { result: { layer: 'vms', status: 'failed', summary, findings }, facts: { vagrantOk: false, running: new Set() } };
  }

  const state = new Map(machines.map((m) => [m.name, m.state]));
  const running = new Set(machines.filter((m) => m.state === 'running').map((m) => m.name));
  const notCreated = expected.filter((n) => state.get(n) === 'not_created');
  const unknown = expected.filter((n) => !state.has(n));
  const stopped = expected.filter((n) => state.has(n) && state.get(n) !== 'running' && state.get(n) !== 'not_created');
  const evidence = machines.map((m) => `${m.name}: ${m.state}${m.provider ? ` (${m.provider})` : ''}`);
  const findings: DoctorFinding[] = [];
  if (notCreated.length > 0) {
    findings.push(ownFinding('vms', 'vms-not-created', { title: t('vmsNotCreatedTitle'), explanation: t('vmsNotCreatedWhat', { machines: notCreated.join(', ') }), fix: t('vmsNotCreatedFix') }, evidence));
  }
  if (stopped.length > 0) {
    const list = stopped.map((n) => `${n} (${state.get(n) ?? ''})`).join(', ');
    findings.push(ownFinding('vms', 'vms-stopped', { title: t('vmsStoppedTitle'), explanation: t('vmsStoppedWhat', { machines: list }), fix: t('vmsStoppedFix') }, evidence));
  }
  if (unknown.length > 0) {
    findings.push(ownFinding('vms', 'vms-unknown', { title: t('vmsUnknownTitle'), explanation: t('vmsUnknownWhat', { machines: unknown.join(', ') }), fix: t('vmsUnknownFix') }, evidence));
  }
  const runningExpected = expected.filter((n) => running.has(n)).length;
  return {
    result: { layer: 'vms', status: statusOf(findings), summary: t('sumVms', { running: runningExpected, total: expected.length }), findings },
    facts: { vagrantOk: true, running },
  };
}

/** Why vagrant, which did run, gave no states: the unusable provider by name when that is it. */
function vagrantReason(dc: DoctorContext, error: ToolError): string {
  const text = error instanceof VagrantError ? `${error.errorClass}\n${error.vagrantMessage}` : `${error.stderrTail}\n${error.stdoutTail}`;
  const provider = /provider '([^']+)'[^]*?isn't usable|No usable default provider/.exec(text);
  if (provider) return dc.t('providerNotUsable', { provider: provider[1] ?? 'virtualbox' });
  return explainFailure(error, dc.lang).reason;
}

/** vagrant failed: the catalogue usually knows why (VirtualBox missing, driver not loaded); else its own words. */
function vagrantFailure(dc: DoctorContext, lines: string[]): DoctorFinding[] {
  const known = catalogueFindings(lines, 'vms', dc.lang);
  if (known.length > 0) return known;
  const { t } = dc;
  return [ownFinding('vms', 'vagrant-failed', { title: t('vagrantFailedTitle'), explanation: t('vagrantFailedWhat', { dir: dc.labDir }), fix: t('vagrantFailedFix') }, lines)];
}

/** Machine-readable records (`ts,target,ui,error,text`) as the text Vagrant showed; other lines as they are. */
function readableLines(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const record = parseMachineReadableLine(line);
    const text = record ? (record.data.at(-1) ?? '') : line;
    for (const part of text.split('\n')) if (part.trim() && !out.includes(part.trim())) out.push(part.trim());
  }
  return out.slice(0, 12);
}
