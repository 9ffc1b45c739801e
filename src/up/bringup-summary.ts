import type { Finding } from '../diagnosis/finding.js';
import type { Translate } from '../i18n/define.js';
import type { upMessages } from '../i18n/up-messages.js';
import { failedVm, vmElapsedMs, type BringupState, type VmState } from './bringup-reducer.js';
import { otherVmLines } from './bringup-others.js';
import { elapsedText } from './elapsed-text.js';
import { lastLines } from './line-ring.js';
import { phaseLabelKey } from './phase-labels.js';

type T = Translate<keyof typeof upMessages.en>;

export interface SummaryLine {
  text: string;
  tone: 'ok' | 'bad' | 'warn' | 'plain' | 'dim';
}

const ERROR_LINES_SHOWN = 6;
const ERROR_LINE_CHARS = 300;

/** One line per VM: phase, time, PLAY RECAP counters. */
export function vmSummaryLine(vm: VmState, now: number, t: T): string {
  const ms = vmElapsedMs(vm, now);
  const recap = vm.recap ? t('summaryRecap', { ok: vm.recap.ok, changed: vm.recap.changed, failed: vm.recap.failed }) : '';
  return t('summaryRow', { vm: vm.name, phase: t(phaseLabelKey[vm.phase]), time: ms === undefined ? '-' : elapsedText(ms), recap });
}

/**
 * What the end of a bring-up says, the same on the live screen and in plain output:
 * success, or which VM failed, Vagrant's error, the last error lines and the known issue.
 */
export function outcomeLines(state: BringupState, findings: readonly Finding[], logFile: string, t: T): SummaryLine[] {
  const now = state.finishedAt ?? state.startedAt;
  if (state.outcome === 'ok') {
    return [{ text: t('doneOk', { count: state.order.length, time: elapsedText(now - state.startedAt) }), tone: 'ok' }];
  }
  if (state.outcome === 'interrupted') return [{ text: t('interrupted'), tone: 'warn' }, ...otherVmLines(state, t)];
  if (state.outcome !== 'failed') return [];
  const lines: SummaryLine[] = [];
  const vm = failedVm(state);
  if (vm) {
    const task = vm.failedTask ? t('failedTask', { task: vm.failedTask }) : '';
    lines.push({ text: t('failedVm', { vm: vm.name, phase: t(phaseLabelKey[vm.failedIn ?? vm.phase]), task }), tone: 'bad' });
  } else {
    lines.push({ text: t('failedNoVm'), tone: 'bad' });
  }
  lines.push(...otherVmLines(state, t));
  if (state.errorExit) {
    lines.push({ text: t('vagrantSays', { errorClass: state.errorExit.errorClass }), tone: 'plain' });
    for (const line of state.errorExit.message.split('\n').filter((l) => l.trim() !== '').slice(0, ERROR_LINES_SHOWN)) {
      lines.push({ text: `  ${clip(line)}`, tone: 'dim' });
    }
  }
  const errors = vm ? lastLines(vm.errors, ERROR_LINES_SHOWN).filter((l) => !state.errorExit?.message.includes(l)) : [];
  if (errors.length > 0) {
    lines.push({ text: t('lastErrors'), tone: 'plain' });
    for (const line of errors) lines.push({ text: `  ${clip(line)}`, tone: 'dim' });
  }
  const [first] = findings;
  if (first) {
    lines.push({ text: t('knownIssue', { title: first.title }), tone: 'warn' });
    lines.push({ text: first.explanation.trim(), tone: 'plain' });
    lines.push({ text: t('fixLabel', { fix: first.fix.trim() }), tone: 'plain' });
    for (const link of first.links.slice(0, 2)) lines.push({ text: `  ${link}`, tone: 'dim' });
  } else {
    lines.push({ text: t('noKnownIssue', { path: logFile }), tone: 'plain' });
  }
  lines.push({ text: t('upNextStep'), tone: 'plain' });
  return lines;
}

function clip(line: string): string {
  return line.length > ERROR_LINE_CHARS ? `${line.slice(0, ERROR_LINE_CHARS)}…` : line;
}

/** The lines a diagnosis should read for this failure: Vagrant's error, the failed VM's recent output, the general lines. */
export function diagnosisInput(state: BringupState): string[] {
  const vm = failedVm(state);
  return [
    ...(state.errorExit ? [state.errorExit.errorClass, ...state.errorExit.message.split('\n')] : []),
    ...(vm ? lastLines(vm.tail) : []),
    ...lastLines(state.general),
  ];
}
