import { Box, Text, useApp, useInput, useStdin } from 'ink';
import { useRef, useState } from 'react';
import type { HomeModel, Tone } from './home-model.js';
import { displayWidth, padColumns } from '../text/text-width.js';
import { SimulationBanner } from './simulation-banner.js';

export interface HomeScreenProps {
  title: string;
  labLine: string;
  model: HomeModel;
  labels: { next: string; more: string; help: string; simulation?: string };
  lastResult?: string;
  onChoose: (command: string | undefined) => void;
}

const toneColor: Record<Tone, string | undefined> = { ok: 'green', warn: 'yellow', bad: 'red', plain: undefined };

/** The wizard's home: every step, where the lab stands for it, the next step highlighted. */
export function HomeScreen({ title, labLine, model, labels, lastResult, onChoose }: HomeScreenProps) {
  const { exit } = useApp();
  const { isRawModeSupported } = useStdin();
  const nextIndex = Math.max(0, model.rows.findIndex((r) => r.command === model.next));
  // The VM states arrive a moment after the first frame and may change the next step: the
  // cursor follows it (undefined here) until the user has moved the cursor themselves.
  const [movedTo, setMovedTo] = useState<number | undefined>(undefined);
  const selected = movedTo ?? nextIndex;
  // Keys that arrive in one read ("Down Down Enter" typed fast, or over SSH) are handled
  // before React re-renders: the ref is the cursor they must all see.
  const cursor = useRef<number | undefined>(undefined);
  const setSelected = (index: number) => {
    cursor.current = index;
    setMovedTo(index);
  };

  const choose = (command: string | undefined) => {
    onChoose(command);
    exit();
  };
  useInput(
    (input, key) => {
      const count = model.rows.length;
      const at = cursor.current ?? nextIndex;
      if (key.upArrow) setSelected((at + count - 1) % count);
      else if (key.downArrow || key.tab) setSelected((at + 1) % count);
      else if (key.return) choose(model.rows[at]?.command);
      else if (input === 'q' || key.escape || (key.ctrl && input === 'c')) choose(undefined);
    },
    { isActive: isRawModeSupported === true },
  );

  const width = Math.max(...model.rows.map((r) => displayWidth(r.title))) + 2;
  return (
    <Box flexDirection="column" marginTop={1}>
      {labels.simulation ? <SimulationBanner text={labels.simulation} /> : null}
      <Text bold>{title}</Text>
      <Text dimColor>{labLine}</Text>
      {lastResult ? <Text>{lastResult}</Text> : null}
      <Box flexDirection="column" marginTop={1}>
        {model.rows.map((row, index) => {
          const isSelected = index === selected;
          const firstMore = row.group === 'more' && model.rows[index - 1]?.group === 'main';
          return (
            <Box key={row.command} flexDirection="column">
              {firstMore ? <Text dimColor>{`  ${labels.more}`}</Text> : null}
              <Box>
                <Text color={isSelected ? 'cyan' : undefined} bold={isSelected}>{`${isSelected ? '❯' : ' '} ${padColumns(row.title, width)}`}</Text>
                <Text color={toneColor[row.tone]}>{row.state}</Text>
                {row.command === model.next ? <Text color="cyan">{`  ← ${labels.next}`}</Text> : null}
              </Box>
            </Box>
          );
        })}
      </Box>
      <Box marginTop={1}>
        <Text dimColor>{labels.help}</Text>
      </Box>
    </Box>
  );
}
