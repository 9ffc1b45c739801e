/** What the home screen shows: built by the wizard flow, rendered by HomeScreen. Types only. */

export type Tone = 'ok' | 'warn' | 'bad' | 'plain';

/** One line of the home screen: a step, where the lab stands for it, and its tone. */
interface HomeRow {
  command: string;
  title: string;
  state: string;
  tone: Tone;
  group: 'main' | 'more';
}

export interface HomeModel {
  rows: HomeRow[];
  /** The command of the next sensible step. */
  next: string;
}
