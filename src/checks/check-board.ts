import type { CheckId, CheckResult } from './check-result.js';
import type { CheckEvent } from './run-checks.js';

interface BoardRow {
  id: CheckId;
  state: 'running' | 'slow' | 'done';
  result?: CheckResult;
}

/**
 * The state of a check run as a screen shows it. `released` counts the leading rows that
 * are done: results are shown in the fixed order, so a finished check waits for the ones
 * above it (as flutter doctor does).
 */
export interface CheckBoard {
  rows: BoardRow[];
  released: number;
}

export function initialBoard(ids: readonly CheckId[]): CheckBoard {
  return { rows: ids.map((id) => ({ id, state: 'running' })), released: 0 };
}

export function reduceBoard(board: CheckBoard, event: CheckEvent): CheckBoard {
  const id = event.type === 'finished' ? event.result.id : event.id;
  const index = board.rows.findIndex((row) => row.id === id);
  const current = board.rows[index];
  if (!current || event.type === 'started') return board;
  if (event.type === 'slow' && current.state !== 'running') return board;
  const row: BoardRow = event.type === 'slow' ? { ...current, state: 'slow' } : { id, state: 'done', result: event.result };
  const rows = board.rows.map((r, i) => (i === index ? row : r));
  let released = board.released;
  while (rows[released]?.state === 'done') released++;
  return { rows, released };
}

/** Results that can be shown now, in order; each call gives those not given before. */
export function releasedResults(board: CheckBoard, alreadyShown: number): CheckResult[] {
  return board.rows.slice(alreadyShown, board.released).flatMap((row) => (row.result ? [row.result] : []));
}
