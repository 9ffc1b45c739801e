import { Box, Text, useInput, useStdin, useStdout } from 'ink';
import { useMemo, useState } from 'react';
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

  return (
    <Box flexDirection="column">
      {simulation ? <SimulationBanner text={simulation} /> : null}
      <Box>
        <Text bold>{t('screenTitle', { name: labName })}</Text>
        <Text dimColor>{`   ${t('screenTotal', { time: elapsedText(total) })}`}</Text>
      </Box>
      <Box marginTop={1}>
        <Text dimColor wrap="truncate-end">
          {padColumns(`  ${t('colVm')}`, columns.name + 2) + padColumns(t('colPhase'), columns.phase + 2) + padColumns(t('colElapsed'), columns.elapsed + 1) + padColumns(t('colRecap'), columns.recap + 1) + t('colTask')}
        </Text>
      </Box>
      {state.order.map((name) => {
        const row = state.vms[name];
        return row ? <BringupVmRow key={name} vm={row} phaseLabel={t(phaseLabelKey[row.phase])} selected={running && name === selected} now={rowClock(row, at)} columns={columns} /> : null;
      })}
      {outcome && !running ? (
        <BringupOutcome lines={outcome} />
      ) : (
        <BringupTail heading={t('tailHeading', { vm: selected ?? '', count: tailCount })} lines={tail} emptyText={t('tailEmpty')} />
      )}
      <Box marginTop={1}>
        <Text dimColor wrap="truncate-end">{t('logFile', { path: logFile })}</Text>
      </Box>
      {state.stopping && running ? <Text color="yellow">{t('stopping')}</Text> : null}
      {running && isRawModeSupported ? <Text dimColor>{t('keysHelp')}</Text> : null}
    </Box>
  );
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
