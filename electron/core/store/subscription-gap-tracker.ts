import type { SubscriptionNotificationType } from '../../../shared/notifications/notification-facts';

/**
 * Gap detection for one FHIR subscription (reference B6): the client tracks
 * eventsSinceSubscriptionStart and the event numbers; a jump is a missed event, a number seen
 * before is a repeat. Kept behind `advanceGaps` so a shared implementation can replace it.
 */
export interface GapState {
  /** Highest event number seen; null until the first counted notification. */
  highest: number | null;
  /** Event numbers skipped and not received since, as inclusive ranges, lowest first. */
  missing: [number, number][];
  repeated: number;
  /** When the previous notification of any kind arrived (ms). */
  lastAt: number | null;
  /** Seconds of silence before the latest heartbeat: the server's heartbeat period, roughly. */
  inferredHeartbeatSeconds: number | null;
}

export interface GapInput {
  type: SubscriptionNotificationType | null;
  eventsSinceStart: number | null;
  eventNumbers: readonly number[];
  receivedAt: number;
}

export const emptyGapState = (): GapState => ({
  highest: null,
  missing: [],
  repeated: 0,
  lastAt: null,
  inferredHeartbeatSeconds: null,
});

/** Ranges kept per subscription; older ones are dropped (the count stays right in `missingCount`). */
const MAX_RANGES = 100;

export function missingCount(state: GapState): number {
  return state.missing.reduce((n, [a, b]) => n + (b - a + 1), 0);
}

export function listMissing(state: GapState, max = 200): number[] {
  const out: number[] = [];
  for (const [a, b] of state.missing) {
    for (let n = a; n <= b && out.length < max; n++) out.push(n);
    if (out.length >= max) break;
  }
  return out;
}

const range = (a: number, b: number): string => (a === b ? `event ${a}` : `events ${a}–${b}`);

/** The next state and the warnings this notification raises. Never mutates `state`. */
export function advanceGaps(previous: GapState, input: GapInput): { state: GapState; warnings: string[] } {
  const state: GapState = { ...previous, missing: previous.missing.map(([a, b]) => [a, b]) };
  const warnings: string[] = [];
  const addMissing = (from: number, to: number, why: string) => {
    if (to < from) return;
    state.missing.push([from, to]);
    if (state.missing.length > MAX_RANGES) state.missing.splice(0, state.missing.length - MAX_RANGES);
    warnings.push(`Missing ${range(from, to)} (${why}).`);
  };
  /** Event `n` arrived: everything between the highest seen and it was skipped. */
  const arrived = (n: number) => {
    if (state.highest !== null) addMissing(state.highest + 1, n - 1, `event ${n} arrived next`);
    if (state.highest === null || n > state.highest) state.highest = n;
  };
  /** The server counts `n` events so far: any above the highest seen never reached us. */
  const counted = (n: number, why: string) => {
    if (state.highest === null) state.highest = n;
    else if (n > state.highest) {
      addMissing(state.highest + 1, n, why);
      state.highest = n;
    }
  };
  const counter = input.eventsSinceStart;

  switch (input.type) {
    case 'handshake':
      // A new start (the counter went back): forget the old sequence.
      if (counter !== null && state.highest !== null && counter < state.highest) {
        state.highest = counter;
        state.missing = [];
      } else if (counter !== null) counted(counter, 'the handshake counts them');
      break;
    case 'heartbeat':
      if (state.lastAt !== null) state.inferredHeartbeatSeconds = Math.max(1, Math.round((input.receivedAt - state.lastAt) / 1000));
      if (counter !== null) counted(counter, 'a heartbeat counts them, they never arrived');
      break;
    case 'event-notification': {
      const numbers = input.eventNumbers.length > 0 ? [...input.eventNumbers].sort((a, b) => a - b) : counter !== null ? [counter] : [];
      for (const n of numbers) {
        if (state.highest === null || n > state.highest) {
          arrived(n);
          continue;
        }
        const at = state.missing.findIndex(([a, b]) => n >= a && n <= b);
        if (at >= 0) {
          const [a, b] = state.missing[at] as [number, number];
          const rest: [number, number][] = [];
          if (a < n) rest.push([a, n - 1]);
          if (n < b) rest.push([n + 1, b]);
          state.missing.splice(at, 1, ...rest);
          warnings.push(`Event ${n} arrived late, after later events.`);
        } else {
          state.repeated++;
          warnings.push(`Event ${n} repeated (already received).`);
        }
      }
      // The counter may run ahead of the events carried (some were never sent to us).
      if (counter !== null && numbers.length > 0) counted(counter, 'the counter is ahead of the events received');
      break;
    }
    default:
      // query-status / query-event are answers to $status/$events, not part of the push sequence.
      break;
  }
  state.lastAt = input.receivedAt;
  return { state, warnings };
}

/** A subscription that has gone quiet for more than 1.5 heartbeat periods (plus slack) has a broken channel. */
export function heartbeatWarning(lastReceivedAt: number, periodSeconds: number | null, now: number): string | null {
  if (periodSeconds === null) return null;
  const silentMs = now - lastReceivedAt;
  if (silentMs <= periodSeconds * 1500 + 5000) return null;
  return `No notification or heartbeat for ${Math.round(silentMs / 1000)} s (heartbeat period ${periodSeconds} s): the channel may be broken; check $status.`;
}
