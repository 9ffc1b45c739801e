import { Box, Text } from 'ink';
import { memo } from 'react';
import type { VmPhase, VmState } from '../up/bringup-reducer.js';
import { vmElapsedMs } from '../up/bringup-reducer.js';
import { elapsedText } from '../up/elapsed-text.js';
import { padColumns } from '../text/text-width.js';

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
 * One VM of the bring-up table: a single row with padded columns, never wrapped.
 * The name and phase sit in their own Text, apart from the ticking elapsed time: Ink
 * measures a text's width again only when the text changes, and those columns hold
 * the non-ASCII marks (❯ … ✔) whose measurement is the slow path. Memoised: a row
 * whose VM, label, selection and time are unchanged is not rebuilt on a clock tick.
 */
export const BringupVmRow = memo(function BringupVmRow({ vm, phaseLabel, selected, now, columns, taskBelow = false }: { vm: VmState; phaseLabel: string; selected: boolean; now: number; columns: VmColumns; taskBelow?: boolean }) {
  const ms = vmElapsedMs(vm, now);
  const recap = vm.recap ? `${vm.recap.ok}/${vm.recap.changed}/${vm.recap.failed}` : '';
  const step = vm.phase === 'provisioning' || vm.phase === 'failed' ? (vm.failedTask ?? vm.task ?? '') : '';
  const row = (
    <Box>
      <Box flexShrink={0}>
        <Text>
          <Text color={selected ? 'cyan' : undefined} bold={selected}>{padColumns(`${selected ? '❯' : ' '} ${vm.name}`, columns.name + 2)}</Text>
          <Text color={phaseColor[vm.phase]}>{padColumns(`${phaseMark[vm.phase]} ${phaseLabel}`, columns.phase + 2)}</Text>
        </Text>
      </Box>
      <Text wrap="truncate-end">
        {padColumns(ms === undefined ? '' : elapsedText(ms), columns.elapsed + 1)}
        <Text color={vm.recap && vm.recap.failed > 0 ? 'red' : undefined}>{taskBelow ? recap : padColumns(recap, columns.recap + 1)}</Text>
        {taskBelow ? null : <Text dimColor>{step}</Text>}
      </Text>
    </Box>
  );
  if (!taskBelow || step === '') return row;
  return (
    <Box flexDirection="column">
      {row}
      <Box marginLeft={4}>
        <Text dimColor wrap="truncate-end">{`↳ ${step}`}</Text>
      </Box>
    </Box>
  );
});

/** The time a row needs: only a VM at work shows a time that moves (0 keeps the others memoised). */
export function rowClock(vm: VmState, now: number): number {
  return vm.startedAt !== undefined && vm.finishedAt === undefined ? now : 0;
}
