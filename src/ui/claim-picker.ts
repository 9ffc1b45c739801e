/**
 * Picking claims for fix-permissions.
 *
 * This is @inquirer/prompts' `checkbox`, not an Ink screen, on purpose: the pick is a
 * question between two stretches of work, where the flows already ask with @inquirer
 * (one owner of stdin at a time). Its checkbox already does what a person expects from a
 * multi-pick — space toggles, `a` selects all, `i` inverts, long lists scroll, Ctrl-C
 * cancels, the answer stays on screen as one line of names — and it starts without
 * loading Ink and React. An Ink picker would re-implement all of that for the same table.
 */
import { checkbox, Separator } from '@inquirer/prompts';

export interface PickRow<V> {
  value: V;
  /** The row as printed (aligned table cells). */
  label: string;
  /** Shown in the answer line once picked (`ns/name`). */
  short: string;
  preselected: boolean;
}

export interface PickOptions {
  message: string;
  /** Column titles aligned like the rows; drawn above them, not selectable. */
  header: string;
  help: string;
  signal: AbortSignal;
  output: NodeJS.WritableStream;
}

export async function pickClaims<V>(rows: readonly PickRow<V>[], options: PickOptions): Promise<V[]> {
  return checkbox<V>(
    {
      message: options.message,
      // The checkbox draws "❯◉ " before each row and " " before a separator: two more spaces align the header.
      choices: [new Separator(`  ${options.header}`), ...rows.map((r) => ({ value: r.value, name: r.label, short: r.short, checked: r.preselected }))],
      pageSize: Math.min(15, rows.length + 1),
      instructions: options.help,
      loop: false,
    },
    { signal: options.signal, output: options.output },
  );
}
