import { Box, Text } from 'ink';
import { memo } from 'react';

/** The last lines of one VM's output, each cut to one row so the panel's height is fixed. Memoised: a clock tick does not rebuild it. */
export const BringupTail = memo(function BringupTail({ heading, lines, emptyText }: { heading: string; lines: readonly string[]; emptyText: string }) {
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text bold>{heading}</Text>
      {lines.length === 0 ? <Text dimColor>{emptyText}</Text> : null}
      {lines.map((line, index) => (
        <Text key={index} wrap="truncate-end" dimColor>{line}</Text>
      ))}
    </Box>
  );
});
