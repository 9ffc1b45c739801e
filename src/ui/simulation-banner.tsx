import { Box, Text } from 'ink';
import { memo } from 'react';

/** Shown on top of every screen of `demo`, so a simulation is never mistaken for a real lab. */
export const SimulationBanner = memo(function SimulationBanner({ text }: { text: string }) {
  return (
    <Box borderStyle="round" borderColor="magenta" paddingX={1} alignSelf="flex-start">
      <Text color="magenta" bold>{text}</Text>
    </Box>
  );
});
