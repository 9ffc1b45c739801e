import type { Translate } from '../i18n/define.js';
import type { upMessages } from '../i18n/up-messages.js';
import { failedVm, type BringupState } from './bringup-reducer.js';
import { phaseLabelKey } from './phase-labels.js';

type T = Translate<keyof typeof upMessages.en>;

/**
 * After a parallel bring-up that did not end well, what became of every VM besides the one
 * the summary explains: the others that failed, those that came up all the same, those
 * never started (they wait for a VM that is not up, or the user stopped first).
 */
export function otherVmLines(state: BringupState, t: T): Array<{ text: string; tone: 'bad' | 'ok' | 'warn' }> {
  if (state.outcome !== 'failed' && state.outcome !== 'interrupted') return [];
  const explained = state.outcome === 'failed' ? failedVm(state)?.name : undefined;
  const vms = state.order.flatMap((name) => state.vms[name] ?? []);
  const failed = vms.filter((vm) => vm.phase === 'failed' && vm.name !== explained);
  const ready = vms.filter((vm) => vm.phase === 'ready');
  const queued = vms.filter((vm) => vm.phase === 'queued');
  const lines: Array<{ text: string; tone: 'bad' | 'ok' | 'warn' }> = [];
  if (failed.length > 0) {
    const list = failed.map((vm) => t('otherFailedVm', { vm: vm.name, phase: t(phaseLabelKey[vm.failedIn ?? vm.phase]) })).join(', ');
    lines.push({ text: t('othersFailed', { vms: list }), tone: 'bad' });
  }
  // Only worth saying when some VM did fail or wait: a whole lab up is said by doneOk.
  if (ready.length > 0 && (failed.length > 0 || explained !== undefined)) lines.push({ text: t('othersReady', { vms: ready.map((vm) => vm.name).join(', ') }), tone: 'ok' });
  if (queued.length > 0 && (explained !== undefined || state.outcome === 'interrupted')) {
    const key = state.outcome === 'interrupted' ? 'othersStoppedEarly' : 'othersNotStarted';
    lines.push({ text: t(key, { vms: queued.map((vm) => vm.name).join(', ') }), tone: 'warn' });
  }
  return lines;
}
