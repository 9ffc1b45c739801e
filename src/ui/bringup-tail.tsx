import { Box, Text } from 'ink';

/** The last lines of one VM's output, each cut to one row so the panel's height is fixed. */
export function BringupTail({ heading, lines, emptyText }: { heading: string; lines: readonly string[]; emptyText: string }) {
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text bold>{heading}</Text>
      {lines.length === 0 ? <Text dimColor>{emptyText}</Text> : null}
      {lines.map((line, index) => (
        <Text key={index} wrap="truncate-end" dimColor>{line}</Text>
      ))}
    </Box>
  );
}
