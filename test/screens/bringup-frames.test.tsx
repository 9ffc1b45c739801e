import { render } from 'ink-testing-library';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BringupEvent } from '../../src/up/bringup-reducer.js';
import { BringupStore } from '../../src/up/bringup-store.js';
import { BringupScreen } from '../../src/ui/bringup-screen.js';
import { bringupViewChange, secondsOnScreen } from '../../src/ui/bringup-view.js';

// When the bring-up screen draws: a frame only for what a person sees change. The timers
// and the clock are fake, so nothing here depends on how fast the machine is.
const line = (machine: string | undefined, text: string): BringupEvent => (machine === undefined ? { type: 'line', level: 'info', text } : { type: 'line', machine, level: 'info', text });
const start = (machine: string): BringupEvent => ({ type: 'action', machine, action: 'up', state: 'start' });
// Fake time moves in steps, so that React draws each frame at the (fake) moment it is asked for.
async function advance(ms: number) {
  for (let t = 0; t < ms; t += 50) await vi.advanceTimersByTimeAsync(50);
}

describe('bring-up screen frames', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_717_000_000_000 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function screen() {
    const store = new BringupStore(['gluster1', 'gluster2']);
    store.dispatch(start('gluster1'));
    store.dispatch(line('gluster1', 'Running provisioner: ansible_local...'));
    const app = render(<BringupScreen store={store} lang="en" labName="lab" logFile="/l" onInterrupt={() => {}} />);
    return { store, app, frames: () => app.stdout.frames.length };
  }

  it('turns the clock once a second while a VM works, and shows the seconds', async () => {
    const { app, frames } = screen();
    await advance(500);
    const before = frames();
    expect(app.lastFrame()).toMatch(/total 0:00/);
    await advance(10_000);
    // One frame per second turned: ten, not one per timer tick or per store read.
    expect(frames() - before).toBe(10);
    expect(app.lastFrame()).toMatch(/total 0:10/);
    expect(app.lastFrame()).toMatch(/gluster1\s+… provisioning\s+0:10/);
    app.unmount();
  });

  it('draws a line for the tail on screen, and nothing for a tail that is not', async () => {
    const { store, app, frames } = screen();
    await advance(300);
    let before = frames();
    store.dispatch(line('gluster2', 'a line of a VM whose tail is not shown'));
    await advance(300);
    expect(frames()).toBe(before);
    expect(app.lastFrame()).not.toContain('a line of a VM');
    store.dispatch(line('gluster1', 'a line of the VM at work'));
    await advance(300);
    expect(frames()).toBe(before + 1);
    expect(app.lastFrame()).toContain('a line of the VM at work');
    // Switching to the other VM shows the line it kept meanwhile.
    before = frames();
    app.stdin.write('\t');
    await advance(300);
    expect(app.lastFrame()).toContain('a line of a VM whose tail is not shown');
    expect(frames()).toBeGreaterThan(before);
    app.unmount();
  });

  it('shows lines flowing into the tail a few times a second, and a new task at once', async () => {
    const { store, app, frames } = screen();
    await advance(1000);
    const before = frames();
    // Five lines a second for four seconds.
    for (let i = 1; i <= 20; i++) {
      store.dispatch(line('gluster1', `guest line ${i}`));
      await advance(200);
    }
    // At most one frame per 400 ms (and the clock's turns ride on them).
    expect(frames() - before).toBeLessThanOrEqual(11);
    expect(frames() - before).toBeGreaterThanOrEqual(8);
    // The last line shows within that time.
    await advance(400);
    expect(app.lastFrame()).toContain('guest line 20');
    const quiet = frames();
    store.dispatch(line(undefined, 'TASK [glusterfs : Install glusterfs-server] ***'));
    await advance(150);
    expect(frames()).toBe(quiet + 1);
    expect(app.lastFrame()).toMatch(/gluster1\s+… provisioning\s+\S+\s+glusterfs : Install glusterfs-server/);
    app.unmount();
  });

  it('lets a frame drawn for new output carry the turned second, without a frame of its own', async () => {
    const { store, app, frames } = screen();
    await advance(900);
    const before = frames();
    // Output just after the second turns: its frame shows 0:01, and the clock draws nothing more.
    await advance(150);
    store.dispatch(line('gluster1', 'output right after the turn'));
    await advance(600);
    expect(frames()).toBe(before + 1);
    expect(app.lastFrame()).toMatch(/total 0:01/);
    app.unmount();
  });

  it('stops the clock once the bring-up ended', async () => {
    const { store, app, frames } = screen();
    store.dispatch({ type: 'finished', outcome: 'ok' });
    await advance(500);
    const before = frames();
    await advance(5_000);
    expect(frames()).toBe(before);
    app.unmount();
  });
});

describe('what the bring-up screen shows', () => {
  it('counts only the rows and the tail on screen as a change', () => {
    const store = new BringupStore(['gluster1', 'gluster2'], () => 0);
    store.dispatch(start('gluster1'));
    const a = store.getState();
    store.dispatch(line('gluster2', 'hidden'));
    const b = store.getState();
    expect(bringupViewChange(a, b, 'gluster1')).toBe('none');
    expect(bringupViewChange(a, b, 'gluster2')).toBe('minor');
    store.dispatch(line(undefined, 'TASK [common : Update the apt cache] ***'));
    // The task shows in gluster1's row: a change, whichever tail is shown.
    expect(bringupViewChange(b, store.getState(), 'gluster2')).toBe('major');
    expect(bringupViewChange(b, store.getState(), 'gluster1')).toBe('major');
  });

  it('knows when a ticking time is on screen', () => {
    const layout = { height: 20, titleRow: 0, firstVmRow: 3, elapsedAt: 30 };
    expect(secondsOnScreen(layout, [true, false], { rows: 40, columns: 120 })).toBe(true);
    // Taller than the terminal: the title scrolled away, the working VM's row is still seen.
    expect(secondsOnScreen(layout, [true, false], { rows: 18, columns: 120 })).toBe(true);
    // The title and the working VM's row scrolled away.
    expect(secondsOnScreen(layout, [true, false], { rows: 16, columns: 120 })).toBe(false);
    // Too narrow for the elapsed column, and the title out of sight.
    expect(secondsOnScreen(layout, [true, false], { rows: 18, columns: 25 })).toBe(false);
    expect(secondsOnScreen(layout, [false, false], { rows: 18, columns: 120 })).toBe(false);
  });
});
