import { appendFileSync, existsSync, readFileSync } from 'node:fs';

/** One start or end of a simulated tool's run, as tests and benchmarks read them back. */
export interface SimCall {
  tool: string;
  argv: string[];
  pid: number;
  event: 'start' | 'end';
  /** Wall-clock milliseconds. */
  at: number;
  exitCode?: number;
}

export function callLogFile(stateFile: string): string {
  return `${stateFile}.calls.jsonl`;
}

/**
 * Appends one record. Each is a single small write to a file opened for appending, so the
 * records of simulated tools running at once never cut into each other.
 */
export function recordCall(stateFile: string | undefined, call: Omit<SimCall, 'pid' | 'at'>, pid = process.pid): void {
  if (!stateFile) return;
  appendFileSync(callLogFile(stateFile), `${JSON.stringify({ ...call, pid, at: Date.now() })}\n`);
}

export function readCalls(stateFile: string): SimCall[] {
  const file = callLogFile(stateFile);
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as SimCall);
}
