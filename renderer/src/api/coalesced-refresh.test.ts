import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCoalescedRefresh } from './coalesced-refresh';

describe('createCoalescedRefresh', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('lets a burst of cues share one refresh', () => {
    const refresh = vi.fn();
    const r = createCoalescedRefresh({ isBusy: () => false, refresh, delayMs: 300 });
    for (let i = 0; i < 50; i++) r.cue();
    vi.advanceTimersByTime(299);
    expect(refresh).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('waits for a running refresh to finish instead of cancelling it, then refreshes once more', () => {
    let busy = true;
    const refresh = vi.fn();
    const r = createCoalescedRefresh({ isBusy: () => busy, refresh, delayMs: 300 });
    r.cue();
    vi.advanceTimersByTime(900);
    expect(refresh).not.toHaveBeenCalled();
    busy = false;
    vi.advanceTimersByTime(300);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('follows a cue that arrives after a refresh with another refresh', () => {
    const refresh = vi.fn();
    const r = createCoalescedRefresh({ isBusy: () => false, refresh, delayMs: 300 });
    r.cue();
    vi.advanceTimersByTime(300);
    r.cue();
    vi.advanceTimersByTime(300);
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it('does nothing after stop', () => {
    const refresh = vi.fn();
    const r = createCoalescedRefresh({ isBusy: () => false, refresh, delayMs: 300 });
    r.cue();
    r.stop();
    vi.advanceTimersByTime(1000);
    expect(refresh).not.toHaveBeenCalled();
  });
});
