import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { initialBoard, reduceBoard, releasedResults } from '../../../src/checks/check-board.js';
import type { CheckTask } from '../../../src/checks/check-plan.js';
import { checkIds, type CheckId, type CheckResult } from '../../../src/checks/check-result.js';
import { runChecks, type CheckEvent } from '../../../src/checks/run-checks.js';

const ok = (id: CheckId): CheckResult => ({ id, status: 'ok', found: id, message: '', fix: '' });
const after = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));
const crashed = (id: CheckId, error: unknown): CheckResult => ({ id, status: 'failure', found: '', message: String(error), fix: '' });

describe('runChecks', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs six 300 ms probes at once: all done at 300 ms, not 1800', async () => {
    const ids = checkIds.slice(0, 6);
    const finishedAt: Record<string, number> = {};
    const start = Date.now();
    const tasks: CheckTask[] = ids.map((id) => ({ id, run: () => after(300, ok(id)) }));
    const done = runChecks(tasks, { crashed, onEvent: (e) => e.type === 'finished' && (finishedAt[e.result.id] = Date.now() - start) });
    await vi.advanceTimersByTimeAsync(300);
    const results = await done;
    expect(results.map((r) => r.id)).toEqual(ids);
    expect(Object.values(finishedAt)).toEqual([300, 300, 300, 300, 300, 300]);
    expect(Math.max(...Object.values(finishedAt))).toBeLessThan(900);
  });

  it('keeps the fixed order whatever the finishing order, and reports a check still running after 3 s', async () => {
    const events: CheckEvent[] = [];
    const tasks: CheckTask[] = [
      { id: 'vagrant', run: () => after(5_000, ok('vagrant')) },
      { id: 'virtualbox', run: () => after(100, ok('virtualbox')) },
      { id: 'git', run: () => after(10, ok('git')) },
    ];
    const done = runChecks(tasks, { crashed, onEvent: (e) => events.push(e) });
    await vi.advanceTimersByTimeAsync(2_999);
    expect(events.filter((e) => e.type === 'slow')).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(events.filter((e) => e.type === 'slow')).toEqual([{ type: 'slow', id: 'vagrant' }]);
    await vi.advanceTimersByTimeAsync(2_000);
    const results = await done;
    expect(results.map((r) => r.id)).toEqual(['vagrant', 'virtualbox', 'git']);
    expect(events.filter((e) => e.type === 'finished').map((e) => (e.type === 'finished' ? e.result.id : ''))).toEqual(['git', 'virtualbox', 'vagrant']);
  });

  it('turns a check that throws into a failure row instead of losing the others', async () => {
    const tasks: CheckTask[] = [
      { id: 'git', run: async () => Promise.reject(new Error('bug')) },
      { id: 'cpu', run: () => Promise.resolve(ok('cpu')) },
    ];
    const results = await runChecks(tasks, { crashed });
    expect(results).toEqual([{ id: 'git', status: 'failure', found: '', message: 'Error: bug', fix: '' }, ok('cpu')]);
  });
});

describe('check board', () => {
  it('releases results only when every row above is done', () => {
    let board = initialBoard(['vagrant', 'virtualbox', 'git']);
    board = reduceBoard(board, { type: 'finished', result: ok('git') });
    expect(board.released).toBe(0);
    board = reduceBoard(board, { type: 'slow', id: 'vagrant' });
    expect(board.rows[0]?.state).toBe('slow');
    board = reduceBoard(board, { type: 'finished', result: ok('vagrant') });
    expect(releasedResults(board, 0).map((r) => r.id)).toEqual(['vagrant']);
    board = reduceBoard(board, { type: 'finished', result: ok('virtualbox') });
    expect(releasedResults(board, 1).map((r) => r.id)).toEqual(['virtualbox', 'git']);
    expect(reduceBoard(board, { type: 'slow', id: 'git' })).toBe(board);
  });
});
