import { Box, Text } from 'ink';
import type { CheckResult, CheckStatus } from '../checks/check-result.js';
import { statusMarks } from '../checks/check-report-lines.js';
import { cellLines } from '../text/cell-lines.js';
import { displayWidth } from '../text/text-width.js';

const statusColor: Record<CheckStatus, string> = { ok: 'green', warning: 'yellow', failure: 'red' };

/**
 * One check's result: mark, name, what was found; under warnings and failures the
 * explanation and the fix. `brief` (a result waiting for the rows above it) is one line.
 * Every text is wrapped here for a terminal `columns` wide, at word and Japanese break
 * points: what was found moves under the name when both do not fit on one line.
 */
export function CheckRow({ title, result, columns, brief = false }: { title: string; result: CheckResult; columns: number; brief?: boolean }) {
  const detailed = !brief && result.status !== 'ok';
  const found = result.found ?? '';
  const oneLine = displayWidth(`${title}  ${found}`) <= columns - 2;
  const wrap = (text: string, indent: number) => cellLines(text, columns - indent).join('\n');
  return (
    <Box flexDirection="column">
      <Box>
        <Text color={statusColor[result.status]} bold>{`${statusMarks[result.status]} `}</Text>
        {oneLine ? (
          <Text>
            {title}
            {found ? <Text dimColor>{`  ${found}`}</Text> : null}
          </Text>
        ) : (
          <Text>{wrap(title, 2)}</Text>
        )}
      </Box>
      {!oneLine && found ? (
        <Box marginLeft={2}>
          <Text dimColor>{wrap(found, 2)}</Text>
        </Box>
      ) : null}
      {detailed ? (
        <Box flexDirection="column" marginLeft={4}>
          <Text>{wrap(result.message, 5)}</Text>
          {result.fix ? (
            <Box>
              <Text color="cyan">{'→ '}</Text>
              <Text>{wrap(result.fix, 7)}</Text>
            </Box>
          ) : null}
        </Box>
      ) : null}
    </Box>
  );
}
