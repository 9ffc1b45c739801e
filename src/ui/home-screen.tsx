import { Box, Text, useApp, useInput, useStdin } from 'ink';
import { useRef, useState } from 'react';
import { wrapLine } from '../text/line-break.js';
import type { HomeModel, Tone } from './home-model.js';
import { homeLines } from './home-layout.js';
import { SimulationBanner } from './simulation-banner.js';
import { useColumns } from './use-columns.js';

export interface HomeScreenProps {
  title: string;
  labLine: string;
  model: HomeModel;
  labels: { next: string; more: string; help: string; simulation?: string };
  lastResult?: string;
  onChoose: (command: string | undefined) => void;
  /** Ctrl-C (raw mode delivers it as a key): the caller stops the program. */
  onInterrupt?: () => void;
}

const toneColor: Record<Tone, string | undefined> = { ok: 'green', warn: 'yellow', bad: 'red', plain: undefined };

/**
 * The wizard's home: every step, where the lab stands for it, the next step marked. The
 * cursor starts on the next step as the first frame shows it and from then on moves only
 * with the user's keys: when fresher state arrives (the VM states), the rows and the
 * "← next" mark change in place, the cursor does not.
 */
export function HomeScreen({ title, labLine, model, labels, lastResult, onChoose, onInterrupt }: HomeScreenProps) {
  const { exit } = useApp();
  const { isRawModeSupported } = useStdin();
  const columns = useColumns();
  const [selected, setSelectedState] = useState(() => Math.max(0, model.rows.findIndex((r) => r.command === model.next)));
  // Keys that arrive in one read ("Down Down Enter" typed fast, or over SSH) are handled
  // before React re-renders: the ref is the cursor they must all see.
  const cursor = useRef(selected);
  const setSelected = (index: number) => {
    cursor.current = index;
    setSelectedState(index);
  };

  const choose = (command: string | undefined) => {
    onChoose(command);
    exit();
  };
  useInput(
    (input, key) => {
      const count = model.rows.length;
      if (key.upArrow) setSelected((cursor.current + count - 1) % count);
      else if (key.downArrow || key.tab) setSelected((cursor.current + 1) % count);
      else if (key.return) choose(model.rows[cursor.current]?.command);
      else if (key.ctrl && input === 'c' && onInterrupt) onInterrupt();
      else if (input === 'q' || key.escape || (key.ctrl && input === 'c')) choose(undefined);
    },
    { isActive: isRawModeSupported === true },
  );

  const wrap = (text: string) => wrapLine(text, columns, { hang: true }).join('\n');
  return (
    <Box flexDirection="column" marginTop={1}>
      {labels.simulation ? <SimulationBanner text={labels.simulation} /> : null}
      <Text bold>{wrap(title)}</Text>
      <Text dimColor>{wrap(labLine)}</Text>
      {lastResult ? <Text>{wrap(lastResult)}</Text> : null}
      <Box flexDirection="column" marginTop={1}>
        {homeLines(model, columns, labels.next).map((line, lineNo) => {
          const isSelected = line.index === selected;
          const firstMore = line.first && line.row.group === 'more' && model.rows[line.index - 1]?.group === 'main';
          const pointer = isSelected && line.first ? '❯' : ' ';
          return (
            <Box key={`${line.row.command}-${lineNo}`} flexDirection="column">
              {firstMore ? <Text dimColor>{`  ${labels.more}`}</Text> : null}
              <Text>
                <Text color={isSelected ? 'cyan' : undefined} bold={isSelected}>{`${pointer} ${line.title}  `}</Text>
                <Text color={toneColor[line.row.tone]}>{line.state}</Text>
                {line.mark ? <Text color="cyan">{line.mark}</Text> : null}
              </Text>
            </Box>
          );
        })}
      </Box>
      <Box marginTop={1}>
        <Text dimColor>{wrap(labels.help)}</Text>
      </Box>
    </Box>
  );
}
