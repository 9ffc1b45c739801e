import { Box, Static, Text, render, useApp, useInput, useStdin, type Instance } from 'ink';
import { useEffect, useReducer, useState } from 'react';
import { initialBoard, reduceBoard } from '../checks/check-board.js';
import type { CheckId, CheckResult } from '../checks/check-result.js';
import type { CheckEvent } from '../checks/run-checks.js';
import { CheckRow } from './check-row.js';
import { SimulationBanner } from './simulation-banner.js';
import { useColumns } from './use-columns.js';
import { wrapLine } from '../text/line-break.js';

export interface CheckScreenProps {
  heading: string;
  /** A line under the heading (e.g. "no lab here: default figures"). */
  note?: string;
  simulation?: string;
  ids: readonly CheckId[];
  titles: Record<CheckId, string>;
  labels: { checking: string; stillChecking: (title: string) => string; summary: (results: readonly CheckResult[]) => string };
  /** The work: runs every check, reporting through `emit`; the screen does no I/O itself. */
  run: (emit: (event: CheckEvent) => void) => Promise<CheckResult[]>;
  onDone: (results: CheckResult[]) => void;
  /** Ctrl-C in raw mode arrives as a key: the flow decides what it stops. */
  onInterrupt: () => void;
}

interface Header {
  key: string;
  kind: 'header';
}

/**
 * The prerequisites screen: finished rows go to <Static> in the fixed order (printed once),
 * the live region holds only the checks not yet shown, one line each, redrawn on events.
 */
export function CheckScreen({ heading, note, simulation, ids, titles, labels, run, onDone, onInterrupt }: CheckScreenProps) {
  const { exit } = useApp();
  const { isRawModeSupported } = useStdin();
  const [board, dispatch] = useReducer(reduceBoard, ids, initialBoard);
  const [results, setResults] = useState<CheckResult[] | undefined>();
  const columns = useColumns();

  useEffect(() => {
    let live = true;
    void run((event) => live && dispatch(event)).then((all) => {
      if (live) setResults(all);
    });
    return () => {
      live = false;
    };
  }, [run]);

  useEffect(() => {
    if (!results) return;
    onDone(results);
    exit();
  }, [results, onDone, exit]);

  useInput(
    (input, key) => {
      if (key.ctrl && input === 'c') onInterrupt();
    },
    { isActive: isRawModeSupported === true && results === undefined },
  );

  const header: Header = { key: 'header', kind: 'header' };
  const shown = board.rows.slice(0, board.released).flatMap((row) => (row.result ? [row.result] : []));
  const pending = board.rows.slice(board.released);
  return (
    <Box flexDirection="column">
      <Static items={[header, ...shown]}>
        {(item) =>
          'kind' in item ? (
            <Box key={item.key} flexDirection="column">
              {simulation ? <SimulationBanner text={simulation} /> : null}
              <Text bold>{wrapLine(heading, columns).join('\n')}</Text>
              {note ? <Text dimColor>{wrapLine(note, columns).join('\n')}</Text> : null}
            </Box>
          ) : (
            <CheckRow key={item.id} title={titles[item.id]} result={item} columns={columns} />
          )
        }
      </Static>
      {pending.map((row) =>
        row.result ? (
          <CheckRow key={row.id} title={titles[row.id]} result={row.result} columns={columns} brief />
        ) : (
          <Text key={row.id} dimColor>
            {wrapLine(`… ${titles[row.id]}  ${row.state === 'slow' ? labels.stillChecking(titles[row.id]) : labels.checking}`, columns, { hang: true }).join('\n')}
          </Text>
        ),
      )}
      {results ? (
        <Box marginTop={1}>
          <Text bold>{wrapLine(labels.summary(results), columns).join('\n')}</Text>
        </Box>
      ) : null}
    </Box>
  );
}

/** Mounts the screen on the given terminal; the flow awaits `waitUntilExit()` (the screen exits when every check is done). */
export function renderCheckScreen(props: CheckScreenProps, streams: { stdout: NodeJS.WriteStream; stdin: NodeJS.ReadStream }): Instance {
  return render(<CheckScreen {...props} />, { stdout: streams.stdout, stdin: streams.stdin, exitOnCtrlC: false, patchConsole: false });
}
