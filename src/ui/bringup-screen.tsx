import { Box, Text, useInput, useStdin, useStdout } from 'ink';
import { memo, useMemo, useState } from 'react';
import { translator, type Lang } from '../i18n/define.js';
import { upMessages } from '../i18n/up-messages.js';
import type { BringupState } from '../up/bringup-reducer.js';
import type { SummaryLine } from '../up/bringup-summary.js';
import { elapsedText } from '../up/elapsed-text.js';
import { lastLines } from '../up/line-ring.js';
import { phaseLabelKey } from '../up/phase-labels.js';
import { BringupOutcome } from './bringup-outcome.js';
import { BringupTail } from './bringup-tail.js';
import { BringupVmRow, rowClock, type VmColumns } from './bringup-vm-row.js';
import { bringupViewChange, secondsOnScreen } from './bringup-view.js';
import { SimulationBanner } from './simulation-banner.js';
import { useClock } from './use-clock.js';
import { displayWidth, padColumns } from '../text/text-width.js';
import { useThrottledStore, type ExternalStore } from './use-throttled-store.js';
import { useColumns } from './use-columns.js';
import { wrapLine } from '../text/line-break.js';

export interface BringupScreenProps {
  store: ExternalStore<BringupState>;
  lang: Lang;
  labName: string;
  logFile: string;
  /** Banner text when the lab is simulated. */
  simulation?: string;
  /** How it ended, once it did (the flow adds the diagnosis). */
  outcome?: readonly SummaryLine[];
  /** Ctrl-C: the first asks vagrant to stop, the second forces. */
  onInterrupt: () => void;
  /** Minimum time between two frames while output flows. */
  frameIntervalMs?: number;
  /** Minimum time between two frames that only add lines to the tail on screen. */
  tailIntervalMs?: number;
  clock?: () => number;
}

const SHORT_TAIL = 6;
// The simulation banner: a rounded border around one line.
const BANNER_ROWS = 3;
// Fewer columns than this left for the Ansible task, and it moves under its VM's row.
const MIN_TASK_COLUMNS = 20;
// Rows the screen uses besides the VM rows and the tail: title, header, tail heading,
// margins, log path, help, stopping line, and the simulation banner's three rows.
const FIXED_ROWS = 12;

/**
 * The live `up` screen: a row per VM, a short tail of the selected VM, the log file.
 * It renders what the store holds at a capped rate and reads keys; it runs nothing.
 */
export function BringupScreen({ store, lang, labName, logFile, simulation, outcome, onInterrupt, frameIntervalMs = 100, tailIntervalMs = 400, clock = Date.now }: BringupScreenProps) {
  const t = translator(upMessages, lang);
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const [long, setLong] = useState(false);
  // A frame only for what the screen shows: lines joining a tail not on screen make none,
  // and lines joining the one on screen are shown a few times a second.
  const throttled = useThrottledStore(store, {
    minIntervalMs: frameIntervalMs,
    minorIntervalMs: tailIntervalMs,
    change: (shown, next) => bringupViewChange(shown, next, chosen ?? followedVm(shown)),
    view: chosen,
  });
  // The closing frame shows everything the store holds, not the last throttled read.
  const state = outcome ? store.getState() : throttled;
  const running = state.outcome === undefined;
  const { stdout } = useStdout();
  const width = useColumns();
  const { isRawModeSupported } = useStdin();

  // Until the user picks a VM, the tail follows the one at work.
  const selected = chosen ?? followedVm(state);
  const move = (step: number) => {
    const index = Math.max(0, state.order.indexOf(selected ?? ''));
    setChosen(state.order[(index + step + state.order.length) % state.order.length]);
  };
  useInput(
    (input, key) => {
      if (key.ctrl && input === 'c') onInterrupt();
      else if ((key.tab && key.shift) || key.leftArrow || key.upArrow) move(-1);
      else if (key.tab || key.rightArrow || key.downArrow) move(1);
      else if (input === 'l') setLong((v) => !v);
    },
    { isActive: isRawModeSupported === true && running },
  );

  // Same widths (and object) until the VM list or language changes, so rows stay memoised.
  const columns = useMemo(() => columnWidths(state.order, t), [state.order, t]);
  const rows = stdout.rows || 24;
  const tailCount = long ? Math.max(SHORT_TAIL, rows - FIXED_ROWS - state.order.length) : SHORT_TAIL;
  const vm = selected === undefined ? undefined : state.vms[selected];
  const ring = vm ? vm.tail : state.general;
  const tail = useMemo(() => lastLines(ring, tailCount), [ring, tailCount]);
  // The times shown turn once a second, all at once, and only while one of them is on screen.
  const titleRow = simulation ? BANNER_ROWS : 0;
  const layout = {
    height: titleRow + 3 + state.order.length + 2 + Math.max(1, tail.length) + 2 + (state.stopping ? 1 : 0) + (isRawModeSupported ? 1 : 0),
    titleRow,
    firstVmRow: titleRow + 3,
    elapsedAt: columns.name + 2 + columns.phase + 2,
  };
  const working = state.order.map((name) => {
    const row = state.vms[name];
    return row !== undefined && rowClock(row, 1) !== 0;
  });
  const now = useClock(running && secondsOnScreen(layout, working, stdout), state.startedAt, clock);
  const at = running ? now : (state.finishedAt ?? state.startedAt);
  const total = (state.finishedAt ?? at) - state.startedAt;
  const title = t('screenTitle', { name: labName });
  const totalText = t('screenTotal', { time: elapsedText(total) });
  // The Ansible task needs room to say something: on a narrow terminal it gets a line of its own under its VM.
  const fixed = columns.name + 2 + columns.phase + 2 + columns.elapsed + 1 + columns.recap + 1;
  const taskBelow = width - fixed < MIN_TASK_COLUMNS;
  const wrap = (text: string) => wrapped(text, width);

  return (
    <Box flexDirection="column">
      {simulation ? <SimulationBanner text={simulation} /> : null}
      <BringupTitle title={title} totalText={totalText} width={width} />
      <DimLine marginTop={1} truncate>
        {padColumns(`  ${t('colVm')}`, columns.name + 2) + padColumns(t('colPhase'), columns.phase + 2) + padColumns(t('colElapsed'), columns.elapsed + 1) + (taskBelow ? (width - fixed + columns.recap + 1 >= displayWidth(t('colRecap')) ? t('colRecap') : t('colRecapShort')) : padColumns(t('colRecap'), columns.recap + 1) + t('colTask'))}
      </DimLine>
      {state.order.map((name) => {
        const row = state.vms[name];
        return row ? <BringupVmRow key={name} vm={row} phaseLabel={t(phaseLabelKey[row.phase])} selected={running && name === selected} now={rowClock(row, at)} columns={columns} taskBelow={taskBelow} /> : null;
      })}
      {outcome && !running ? (
        <BringupOutcome lines={outcome} columns={width} />
      ) : (
        <BringupTail heading={t('tailHeading', { vm: selected ?? '', count: tailCount })} lines={tail} emptyText={t('tailEmpty')} />
      )}
      {/* The path whole, on a line of its own when the label and it do not fit together. */}
      <DimLine marginTop={1}>{wrap(t('logFile', { path: logFile }))}</DimLine>
      {state.stopping && running ? <Text color="yellow">{wrap(t('stopping'))}</Text> : null}
      {running && isRawModeSupported ? <DimLine>{wrap(t('keysHelp'))}</DimLine> : null}
    </Box>
  );
}

// The parts of the screen apart from the VM rows and the tail, memoised: a clock tick, or a
// line joining the tail, rebuilds only what it changes (30 s real-rate replays, A/B: 3.1 → 2.8 %
// of a core).

/** The lab's name and the total time, on one line when they fit, else each wrapped on its own. */
const BringupTitle = memo(function BringupTitle({ title, totalText, width }: { title: string; totalText: string; width: number }) {
  if (displayWidth(`${title}   ${totalText}`) <= width) {
    return (
      <Text>
        <Text bold>{title}</Text>
        <Text dimColor>{`   ${totalText}`}</Text>
      </Text>
    );
  }
  return (
    <Box flexDirection="column">
      <Text bold>{wrapped(title, width)}</Text>
      <Text dimColor>{wrapped(totalText, width)}</Text>
    </Box>
  );
});

/** A dimmed line of text: the column headings, the log file, the keys. */
const DimLine = memo(function DimLine({ children, marginTop = 0, truncate = false }: { children: string; marginTop?: number; truncate?: boolean }) {
  return (
    <Box marginTop={marginTop}>
      <Text dimColor wrap={truncate ? 'truncate-end' : 'wrap'}>{children}</Text>
    </Box>
  );
});

/** `text` wrapped to `width` columns, later lines indented under the first (a path stays whole). */
function wrapped(text: string, width: number): string {
  return wrapLine(text, width, { hang: true }).join('\n');
}

/** The VM whose tail is shown until the user picks one: the one at work, else the failed one, else the last started. */
function followedVm(state: BringupState): string | undefined {
  return state.active ?? state.errorExit?.machine ?? lastStarted(state) ?? state.order[0];
}

function lastStarted(state: BringupState): string | undefined {
  let found: string | undefined;
  for (const name of state.order) if (state.vms[name]?.startedAt !== undefined) found = name;
  return found;
}

function columnWidths(order: readonly string[], t: ReturnType<typeof translator<keyof typeof upMessages.en>>): VmColumns {
  const phases = Object.values(phaseLabelKey).map((key) => displayWidth(t(key)) + 2);
  return {
    name: Math.max(displayWidth(t('colVm')), ...order.map((n) => n.length)) + 2,
    phase: Math.max(displayWidth(t('colPhase')), ...phases),
    elapsed: Math.max(displayWidth(t('colElapsed')), 7),
    recap: displayWidth(t('colRecap')),
  };
}
