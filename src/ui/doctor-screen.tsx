import { Box, render, Text, useInput, useStdin, type Instance } from 'ink';
import { useEffect, useState } from 'react';
import type { LayerName, LayerResult, LayerStatus } from '../doctor/doctor-types.js';
import { layerRowCells } from '../doctor/format-report.js';
import { wrapLine } from '../text/line-break.js';
import { displayWidth } from '../text/text-width.js';
import { useColumns } from './use-columns.js';
import { SimulationBanner } from './simulation-banner.js';

export interface DoctorScreenProps {
  heading: string;
  layers: { name: LayerName; title: string }[];
  /** Results as they finish; returns the unsubscribe function. */
  subscribe: (listener: (result: LayerResult) => void) => () => void;
  labels: { checking: string; simulation?: string };
  /** Ctrl-C is a key in raw mode: the flow decides what it does. */
  onInterrupt: () => void;
}

const mark: Record<LayerStatus, { text: string; color?: string }> = {
  ok: { text: '✓', color: 'green' },
  failed: { text: '✗', color: 'red' },
  warning: { text: '!', color: 'yellow' },
  skipped: { text: '-', color: 'gray' },
};

/**
 * The live list of layers: each row shows "checking…" until its result arrives, then
 * ✓/✗ and its one-line summary. Redrawn only when a result arrives (no spinner).
 */
function DoctorScreen({ heading, layers, subscribe, labels, onInterrupt }: DoctorScreenProps) {
  const { isRawModeSupported } = useStdin();
  const [results, setResults] = useState<Partial<Record<LayerName, LayerResult>>>({});
  useEffect(() => subscribe((result) => setResults((r) => ({ ...r, [result.layer]: result }))), [subscribe]);
  useInput(
    (input, key) => {
      if (key.ctrl && input === 'c') onInterrupt();
    },
    { isActive: isRawModeSupported === true },
  );
  const columns = useColumns();
  const width = Math.max(...layers.map((l) => displayWidth(l.title)));
  return (
    <Box flexDirection="column">
      {labels.simulation ? <SimulationBanner text={labels.simulation} /> : null}
      <Text bold>{wrapLine(heading, columns, { hang: true }).join('\n')}</Text>
      {layers.map(({ name, title }) => {
        const result = results[name];
        const m = result ? mark[result.status] : undefined;
        const lines = layerRowCells(m ? m.text : '…', title, result ? result.summary : labels.checking, width, columns);
        return (
          <Box key={name} flexDirection="column">
            {lines.map(([markCell = '', titleCell = '', summaryCell = ''], i) => (
              <Text key={i}>
                <Text color={m?.color}>{markCell}</Text>
                <Text>{` ${titleCell}  `}</Text>
                <Text dimColor={!result || result.status === 'skipped'}>{summaryCell}</Text>
              </Text>
            ))}
          </Box>
        );
      })}
    </Box>
  );
}

/** Mounts the screen on the given streams; Ctrl-C is left to `onInterrupt`. */
export function renderDoctorScreen(props: DoctorScreenProps, io: { stdout: NodeJS.WriteStream; stdin: NodeJS.ReadStream }): Instance {
  return render(<DoctorScreen {...props} />, { stdout: io.stdout, stdin: io.stdin, exitOnCtrlC: false, patchConsole: false });
}
