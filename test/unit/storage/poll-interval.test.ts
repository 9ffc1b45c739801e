import { describe, expect, it } from 'vitest';
import { pollInterval } from '../../../src/storage/poll-interval.js';

describe('how often a flow looks again', () => {
  it('is a second, divided by the demo speed, never under 50 ms; GLUSTER_LAB_POLL_MS sets it exactly', () => {
    expect(pollInterval({})).toBe(1000);
    expect(pollInterval({}, 20)).toBe(50);
    expect(pollInterval({}, 4)).toBe(250);
    expect(pollInterval({}, 1000)).toBe(50);
    expect(pollInterval({ GLUSTER_LAB_POLL_MS: '7' }, 4)).toBe(7);
    expect(pollInterval({ GLUSTER_LAB_POLL_MS: 'soon' })).toBe(1000);
    expect(pollInterval({}, 0)).toBe(1000);
  });
});

