/**
 * Turns a stream of "something changed" cues into refreshes that can finish. Under sustained
 * traffic a refresh per cue would cancel the previous one before it answered, so the screen would
 * never update; here cues within `delayMs` share one refresh, and none starts while the last one is
 * still running. The last cue is always followed by a refresh that started after it.
 */
export function createCoalescedRefresh(options: {
  /** Whether a refresh is still running (checked when the delay ends). */
  isBusy: () => boolean;
  refresh: () => void;
  delayMs: number;
}): { cue: () => void; stop: () => void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const run = () => {
    if (options.isBusy()) {
      timer = setTimeout(run, options.delayMs);
      return;
    }
    timer = null;
    options.refresh();
  };
  return {
    cue: () => {
      timer ??= setTimeout(run, options.delayMs);
    },
    stop: () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
