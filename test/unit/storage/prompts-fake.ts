/**
 * @inquirer/prompts for the storage tests (`vi.mock('@inquirer/prompts', () =>
 * import('./prompts-fake.js'))`): confirm answers from `confirmAnswers`, then no; a
 * text or a choice is never expected.
 */
export const confirmAnswers: boolean[] = [];

export function confirm(): Promise<boolean> {
  return Promise.resolve(confirmAnswers.shift() ?? false);
}

export function input(): Promise<string> {
  return Promise.reject(new Error('no input expected'));
}

export function select(): Promise<string> {
  return Promise.reject(new Error('no select expected'));
}
