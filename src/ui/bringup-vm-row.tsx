import { Text } from 'ink';
import type { VmPhase, VmState } from '../up/bringup-reducer.js';
import { vmElapsedMs } from '../up/bringup-reducer.js';
import { elapsedText } from '../up/elapsed-text.js';
import { padColumns } from './text-width.js';

export interface VmColumns {
  name: number;
  phase: number;
  elapsed: number;
  recap: number;
}

const phaseColor: Record<VmPhase, string | undefined> = {
  queued: 'gray',
  importing: 'cyan',
  booting: 'cyan',
  ssh: 'cyan',
  folders: 'cyan',
  provisioning: 'yellow',
  ready: 'green',
  failed: 'red',
};

const phaseMark: Record<VmPhase, string> = {
  queued: '·',
  importing: '…',
  booting: '…',
  ssh: '…',
  folders: '…',
  provisioning: '…',
  ready: '✔',
  failed: '✖',
};

/**
 * One VM of the bring-up table: a single text row with padded columns, never wrapped.
 * (One Text per row rather than a Box per cell: every frame lays out fewer nodes.)
 */
export function BringupVmRow({ vm, phaseLabel, selected, now, columns }: { vm: VmState; phaseLabel: string; selected: boolean; now: number; columns: VmColumns }) {
  const ms = vmElapsedMs(vm, now);
  const recap = vm.recap ? `${vm.recap.ok}/${vm.recap.changed}/${vm.recap.failed}` : '';
  const step = vm.phase === 'provisioning' || vm.phase === 'failed' ? (vm.failedTask ?? vm.task ?? '') : '';
  return (
    <Text wrap="truncate-end">
      <Text color={selected ? 'cyan' : undefined} bold={selected}>{padColumns(`${selected ? '❯' : ' '} ${vm.name}`, columns.name + 2)}</Text>
      <Text color={phaseColor[vm.phase]}>{padColumns(`${phaseMark[vm.phase]} ${phaseLabel}`, columns.phase + 2)}</Text>
      <Text>{padColumns(ms === undefined ? '' : elapsedText(ms), columns.elapsed + 1)}</Text>
      <Text color={vm.recap && vm.recap.failed > 0 ? 'red' : undefined}>{padColumns(recap, columns.recap + 1)}</Text>
      <Text dimColor>{step}</Text>
    </Text>
  );
}
