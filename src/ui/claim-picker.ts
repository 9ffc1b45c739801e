/**
 * Picking claims for fix-permissions.
 *
 * This is @inquirer/prompts' `checkbox`, not an Ink screen, on purpose: the pick is a
 * question between two stretches of work, where the flows already ask with @inquirer
 * (one owner of stdin at a time). Its checkbox already does what a person expects from a
 * multi-pick — space toggles, `a` selects all, `i` inverts, long lists scroll, Ctrl-C
 * cancels, the answer stays on screen as one line of names — and it starts without
 * loading Ink and React. An Ink picker would re-implement all of that for the same table.
 *
 * Two behaviours are added around it:
 * - Enter with nothing ticked takes the highlighted row. A person who moved onto a claim
 *   and pressed Enter meant that claim; answering "nothing was selected" made them start
 *   over. It is safe: the answer line names the claim, and the repair first proves that a
 *   non-root write fails, so a claim that needs nothing is left unchanged.
 * - Escape cancels, as it does in the home screen: nothing is changed.
 */
import { promptText } from './prompt-text.js';
import { emitKeypressEvents } from 'node:readline';
import { checkbox } from '@inquirer/prompts';

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
  /** Where the keys come from (the terminal). */
  input?: NodeJS.ReadableStream;
}

export type PickResult<V> = { kind: 'picked'; values: V[] } | { kind: 'cancelled' };

interface Key {
  name?: string;
  ctrl?: boolean;
}

// The checkbox draws "❯◉ " before each row: the header is indented by as much.
const rowIndent = '   ';

/**
 * Asks which rows to act on. Resolves `cancelled` on Escape; rejects as @inquirer does on
 * Ctrl-C (ExitPromptError) and when `signal` aborts.
 */
export async function pickClaims<V>(rows: readonly PickRow<V>[], options: PickOptions): Promise<PickResult<V>> {
  const input = options.input ?? process.stdin;
  const escape = new AbortController();
  // readline sends "keypress" events once a prompt opens the stream; this listener only
  // looks for Escape, and the checkbox ignores that key.
  emitKeypressEvents(input);
  const onKey = (_: string, key: Key | undefined) => {
    if (key?.name === 'escape') escape.abort();
  };
  input.on('keypress', onKey);

  // The row the cursor is on: the checkbox styles exactly that row with `highlight` on every
  // draw, so the last one styled is the one highlighted when Enter is pressed.
  let active: PickRow<V> | undefined = rows[0];
  const noteActive = (text: string) => {
    active = rows.find((r) => text.endsWith(r.label)) ?? active;
    return `\u001b[36m${text}\u001b[39m`;
  };
  const chosen = (selection: readonly { value: V }[]) => (selection.length > 0 ? selection.map((s) => s.value) : active ? [active.value] : []);

  try {
    const values = await checkbox<V>(
      {
        message: promptText(options.message, options.output),
        choices: rows.map((r) => ({ value: r.value, name: r.label, short: r.short, checked: r.preselected })),
        pageSize: Math.min(15, rows.length),
        instructions: promptText(options.help, options.output),
        loop: false,
        theme: {
          style: {
            // The header belongs to the question, not to the list: as a list item it would
            // scroll away with long lists, and the checkbox cuts list items that wrap.
            message: (text: string, status: string) => (status === 'done' ? bold(text) : `${bold(text)}\n${rowIndent}${options.header}`),
            highlight: noteActive,
            renderSelectedChoices: (selection: readonly { value: V; short: string }[]) =>
              (selection.length > 0 ? selection : rows.filter((r) => r === active)).map((s) => s.short).join(', '),
          },
        },
      },
      { signal: AbortSignal.any([options.signal, escape.signal]), input, output: options.output },
    );
    return { kind: 'picked', values: chosen(rows.filter((r) => values.includes(r.value))) };
  } catch (error) {
    if (escape.signal.aborted && !options.signal.aborted) return { kind: 'cancelled' };
    throw error;
  } finally {
    input.off('keypress', onKey);
  }
}

function bold(text: string): string {
  return `\u001b[1m${text}\u001b[22m`;
}
