import { displayWidth, padColumns } from '../text/text-width.js';
import { cellLines } from './cell-lines.js';
import type { HomeModel, HomeRow } from './home-model.js';

/** One terminal line of a home-screen row: the title cell, the state cell, and the "← next" mark. */
export interface HomeLine {
  row: HomeRow;
  index: number;
  /** The row's first line carries the cursor and the mark. */
  first: boolean;
  /** Padded to the title column's width. */
  title: string;
  /** As wrapped: the mark follows it directly (its room is kept free in every row). */
  state: string;
  /** "  ← next" on the next step's first line, else empty. */
  mark: string;
}

export interface HomeColumns {
  /** Where the state column starts (after "❯ ", the title and the gap). */
  stateStart: number;
  titleWidth: number;
  stateWidth: number;
}

const CURSOR = 2;
const GAP = 2;
// Below this the state column is too narrow to read; the titles wrap first.
const MIN_STATE = 24;

/** The widths of the two columns for a terminal `columns` wide, the "← next" mark kept whole on every row. */
export function homeColumns(model: HomeModel, columns: number, nextLabel: string): HomeColumns {
  const markWidth = displayWidth(nextMark(nextLabel));
  const room = Math.max(2, columns - CURSOR - GAP - markWidth);
  const maxTitle = Math.max(1, ...model.rows.map((r) => displayWidth(r.title)));
  const maxState = Math.max(0, ...model.rows.map((r) => displayWidth(r.state)));
  let titleWidth = maxTitle;
  if (maxTitle + maxState > room) {
    const stateMin = Math.min(maxState, MIN_STATE);
    titleWidth = Math.min(maxTitle, Math.max(room - stateMin, Math.floor(room / 2)));
  }
  const stateWidth = Math.max(1, Math.min(maxState, room - titleWidth));
  return { stateStart: CURSOR + titleWidth + GAP, titleWidth, stateWidth };
}

export function nextMark(label: string): string {
  return `  ← ${label}`;
}

/**
 * Every row of the home screen as terminal lines no wider than `columns`: each title and
 * state wraps inside its own column, and "← next" stays whole at the end of the next step's
 * first line.
 */
export function homeLines(model: HomeModel, columns: number, nextLabel: string): HomeLine[] {
  const { titleWidth, stateWidth } = homeColumns(model, columns, nextLabel);
  const lines: HomeLine[] = [];
  model.rows.forEach((row, index) => {
    const titles = cellLines(row.title, titleWidth);
    const states = cellLines(row.state, stateWidth);
    const isNext = row.command === model.next;
    for (let i = 0; i < Math.max(titles.length, states.length); i++) {
      const mark = isNext && i === 0 ? nextMark(nextLabel) : '';
      const state = states[i] ?? '';
      lines.push({
        row,
        index,
        first: i === 0,
        title: padColumns(titles[i] ?? '', titleWidth),
        state,
        mark,
      });
    }
  });
  return lines;
}
