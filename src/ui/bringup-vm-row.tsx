import { Box, Text } from 'ink';
import type { VmPhase, VmState } from '../up/bringup-reducer.js';
import { vmElapsedMs } from '../up/bringup-reducer.js';
import { elapsedText } from '../up/elapsed-text.js';

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

/** One VM of the bring-up table: one terminal row, never wrapped. */
export function BringupVmRow({ vm, phaseLabel, selected, now, columns }: { vm: VmState; phaseLabel: string; selected: boolean; now: number; columns: VmColumns }) {
  const ms = vmElapsedMs(vm, now);
  const recap = vm.recap ? `${vm.recap.ok}/${vm.recap.changed}/${vm.recap.failed}` : '';
  const step = vm.phase === 'provisioning' || vm.phase === 'failed' ? (vm.failedTask ?? vm.task ?? '') : '';
  return (
    <Box>
      <Box width={columns.name + 2} flexShrink={0}>
        <Text color={selected ? 'cyan' : undefined} bold={selected}>{`${selected ? '❯' : ' '} ${vm.name}`}</Text>
      </Box>
      <Box width={columns.phase + 2} flexShrink={0}>
        <Text color={phaseColor[vm.phase]}>{`${phaseMark[vm.phase]} ${phaseLabel}`}</Text>
      </Box>
      <Box width={columns.elapsed + 1} flexShrink={0}>
        <Text>{ms === undefined ? '' : elapsedText(ms)}</Text>
      </Box>
      <Box width={columns.recap + 1} flexShrink={0}>
        <Text color={vm.recap && vm.recap.failed > 0 ? 'red' : undefined}>{recap}</Text>
      </Box>
      <Box flexGrow={1}>
        <Text dimColor wrap="truncate-end">{step}</Text>
      </Box>
    </Box>
  );
}
