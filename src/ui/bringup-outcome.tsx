import { Box, Text } from 'ink';
import { wrapToColumns } from '../text/line-break.js';
import type { SummaryLine } from '../up/bringup-summary.js';

const toneProps: Record<SummaryLine['tone'], { color?: string; dimColor?: boolean; bold?: boolean }> = {
  ok: { color: 'green', bold: true },
  bad: { color: 'red', bold: true },
  warn: { color: 'yellow' },
  plain: {},
  dim: { dimColor: true },
};

/** How the bring-up ended: success, or the failed VM, its error lines and the known issue. */
export function BringupOutcome({ lines, columns }: { lines: readonly SummaryLine[]; columns: number }) {
  return (
    <Box flexDirection="column" marginTop={1}>
      {lines.map((line, index) => (
        <Text key={index} {...toneProps[line.tone]}>{wrapToColumns(line.text, columns, { hang: true })}</Text>
      ))}
    </Box>
  );
}
