/**
 * @inquirer/prompts for the storage tests (`vi.mock('@inquirer/prompts', () =>
 * import('./prompts-fake.js'))`): confirm answers from `confirmAnswers`, then no; a
 * text or a choice is never expected.
 */
export const confirmAnswers: boolean[] = [];

export async function confirm(): Promise<boolean> {
  return confirmAnswers.shift() ?? false;
}

export async function input(): Promise<string> {
  throw new Error('no input expected');
}

export async function select(): Promise<string> {
  throw new Error('no select expected');
}
