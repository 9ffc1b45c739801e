import { expect } from 'vitest';

/**
 * `expect.stringContaining`, typed as the string it stands for: vitest types its asymmetric
 * matchers `any`, which the type-checked lint rules refuse inside a typed object.
 */
export function stringContaining(text: string): string {
  return expect.stringContaining(text) as string;
}
