import type { CheckResult, CheckStatus } from './check-result.js';

export const statusMarks: Record<CheckStatus, string> = { ok: '✓', warning: '!', failure: '✗' };

/**
 * A result as plain text lines (no TTY): the mark, name and what was found; for warnings
 * and failures the explanation and the fix below it, indented.
 */
export function checkReportLines(result: CheckResult, title: string): string[] {
  const head = `${statusMarks[result.status]} ${title}${result.found ? ` — ${result.found}` : ''}`;
  if (result.status === 'ok') return [head];
  const indent = (text: string, first: string, rest: string) => text.split('\n').map((line, i) => `${i === 0 ? first : rest}${line}`);
  return [head, ...indent(result.message, '    ', '    '), ...(result.fix ? indent(result.fix, '    → ', '      ') : [])];
}
