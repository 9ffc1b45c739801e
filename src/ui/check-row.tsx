import { Box, Text } from 'ink';
import type { CheckResult, CheckStatus } from '../checks/check-result.js';
import { statusMarks } from '../checks/check-report-lines.js';

const statusColor: Record<CheckStatus, string> = { ok: 'green', warning: 'yellow', failure: 'red' };

/**
 * One check's result: mark, name, what was found; under warnings and failures the
 * explanation and the fix. `brief` (a result waiting for the rows above it) is one line.
 */
export function CheckRow({ title, result, brief = false }: { title: string; result: CheckResult; brief?: boolean }) {
  const detailed = !brief && result.status !== 'ok';
  return (
    <Box flexDirection="column">
      <Box>
        <Text color={statusColor[result.status]} bold>{`${statusMarks[result.status]} `}</Text>
        <Text>{title}</Text>
        {result.found ? <Text dimColor>{`  ${result.found}`}</Text> : null}
      </Box>
      {detailed ? (
        <Box flexDirection="column" marginLeft={4} paddingRight={1}>
          <Text>{result.message}</Text>
          {result.fix ? (
            <Box>
              <Text color="cyan">{'→ '}</Text>
              <Text>{result.fix}</Text>
            </Box>
          ) : null}
        </Box>
      ) : null}
    </Box>
  );
}
