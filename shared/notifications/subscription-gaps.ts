import type { NotificationFacts } from './notification-facts';

/**
 * Gap detection per FHIR subscription (reference doc B5, B6). Delivery guarantees nothing: events
 * can be lost, repeated or reordered, so the client tracks event numbers and the
 * eventsSinceSubscriptionStart counter, and expects traffic at least every heartbeat period.
 *
 * The state is plain JSON so the core can persist it between notifications and restarts; every
 * function is pure (returns a new state, never mutates the one passed in).
 */

export interface SubscriptionGapState {
  /** Highest event number known to exist: received, or announced by a counter. */
  highestEventNumber: number | null;
  /** Event numbers received lately, ascending, at most `recentLimit`: what repeats are checked against. */
  recentEventNumbers: number[];
  /** Event numbers known to exist but not received, as inclusive `[from, to]` ranges, ascending. */
  missingRanges: [number, number][];
  /** How many event numbers arrived more than once, ever. */
  repeatedCount: number;
  /** When anything last arrived for this subscription (epoch ms). */
  lastReceivedAtMs: number | null;
  /** The Subscription's heartbeat period, when configured or known. */
  heartbeatPeriodSeconds: number | null;
}

export type GapWarningKind = 'missing-events' | 'duplicate-event' | 'counter-went-back' | 'heartbeat-overdue' | 'subscription-error';

export interface GapWarning {
  kind: GapWarningKind;
  /** missing-events: the first and last missing number. */
  from?: number;
  to?: number;
  /** duplicate-event, counter-went-back: the number concerned. */
  eventNumber?: number;
  /** heartbeat-overdue: when anything last arrived. */
  lastReceivedAtMs?: number;
  message: string;
}

export interface Observation {
  state: SubscriptionGapState;
  warnings: GapWarning[];
}

/** Enough to catch a repeat of anything delivered in the last few hundred events. */
export const recentLimit = 512;
/** Older gaps are dropped beyond this many ranges, so a badly broken channel cannot grow the state without bound. */
export const missingRangeLimit = 100;
/** Slack given to a heartbeat before it counts as missed: network and scheduling jitter. */
export const heartbeatGraceRatio = 0.1;

export function emptyGapState(heartbeatPeriodSeconds: number | null = null): SubscriptionGapState {
  return {
    highestEventNumber: null,
    recentEventNumbers: [],
    missingRanges: [],
    repeatedCount: 0,
    lastReceivedAtMs: null,
    heartbeatPeriodSeconds,
  };
}

/** A mutable working copy, so one observation can apply several steps. */
type Draft = SubscriptionGapState;

const copy = (state: SubscriptionGapState): Draft => ({
  ...state,
  recentEventNumbers: [...state.recentEventNumbers],
  missingRanges: state.missingRanges.map(([from, to]): [number, number] => [from, to]),
});

const isMissing = (draft: Draft, n: number) => draft.missingRanges.some(([from, to]) => n >= from && n <= to);

function removeMissing(draft: Draft, n: number): void {
  draft.missingRanges = draft.missingRanges.flatMap(([from, to]): [number, number][] => {
    if (n < from || n > to) return [[from, to]];
    return [
      ...(from <= n - 1 ? [[from, n - 1] as [number, number]] : []),
      ...(n + 1 <= to ? [[n + 1, to] as [number, number]] : []),
    ];
  });
}

/** Records `from..to` as missing (minus anything already received) and says so. */
function addMissing(draft: Draft, from: number, to: number, why: string): GapWarning | null {
  if (to < from) return null;
  let start = from;
  const received = draft.recentEventNumbers.filter((n) => n >= from && n <= to);
  for (const n of [...received, to + 1]) {
    if (n > start) draft.missingRanges.push([start, n - 1]);
    start = n + 1;
  }
  draft.missingRanges.sort((a, b) => a[0] - b[0]);
  if (draft.missingRanges.length > missingRangeLimit) draft.missingRanges.splice(0, draft.missingRanges.length - missingRangeLimit);
  const count = to - from + 1 - received.length;
  if (count <= 0) return null;
  const which = from === to ? `Event ${from} was` : `Events ${from}–${to} (${count}) were`;
  return { kind: 'missing-events', from, to, message: `${which} not received: ${why}.` };
}

function remember(draft: Draft, n: number): void {
  const recent = draft.recentEventNumbers;
  let index = recent.length;
  while (index > 0 && recent[index - 1]! > n) index--;
  recent.splice(index, 0, n);
  if (recent.length > recentLimit) recent.shift();
}

/** A counter (eventsSinceSubscriptionStart) says how many events exist so far. */
function applyCounter(draft: Draft, counter: number, why: string): GapWarning | null {
  if (draft.highestEventNumber === null || counter <= draft.highestEventNumber) {
    draft.highestEventNumber = Math.max(draft.highestEventNumber ?? counter, counter);
    return null;
  }
  const warning = addMissing(draft, draft.highestEventNumber + 1, counter, why);
  draft.highestEventNumber = counter;
  return warning;
}

/** Starts counting afresh: the server restarted its counter. */
function rebaseline(draft: Draft, highest: number): void {
  draft.highestEventNumber = highest;
  draft.recentEventNumbers = [];
  draft.missingRanges = [];
}

function applyEvent(draft: Draft, n: number, counter: number | null): GapWarning | null {
  if (draft.recentEventNumbers.includes(n)) {
    draft.repeatedCount++;
    return { kind: 'duplicate-event', eventNumber: n, message: `Event ${n} was received again (a repeated delivery).` };
  }
  if (isMissing(draft, n)) {
    // A late arrival fills its gap; the gap was reported when it opened.
    removeMissing(draft, n);
    remember(draft, n);
    return null;
  }
  const highest = draft.highestEventNumber;
  if (highest === null || n > highest) {
    const warning = highest === null ? null : addMissing(draft, highest + 1, n - 1, `event ${n} arrived after ${highest}`);
    draft.highestEventNumber = n;
    remember(draft, n);
    return warning;
  }
  const warning: GapWarning = {
    kind: 'counter-went-back',
    eventNumber: n,
    message: `Event ${n} is below the highest event number seen (${highest}): the server restarted its counter, or sent a very old event late.`,
  };
  // The server's own counter below what was seen confirms a restart: count from here.
  if (counter !== null && counter < highest) rebaseline(draft, Math.max(n, counter));
  remember(draft, n);
  return warning;
}

/**
 * Takes one notification's facts into the subscription's state. Handshakes and heartbeats do not
 * advance the counter, but the count they report reveals events that were never delivered;
 * `$events` results (query-event) fill gaps without counting as repeats.
 */
export function observe(state: SubscriptionGapState, facts: Pick<NotificationFacts, 'subscription'>, receivedAtMs: number): Observation {
  const subscription = facts.subscription;
  if (!subscription) return { state, warnings: [] };
  const draft = copy(state);
  draft.lastReceivedAtMs = Math.max(draft.lastReceivedAtMs ?? receivedAtMs, receivedAtMs);
  const warnings: (GapWarning | null)[] = [];
  const counter = subscription.eventsSinceStart;

  switch (subscription.type) {
    case 'handshake':
    case 'heartbeat':
    case 'query-status': {
      if (counter === null) break;
      const highest = draft.highestEventNumber;
      if (highest !== null && counter < highest) {
        warnings.push({
          kind: 'counter-went-back',
          eventNumber: counter,
          message: `The server reports ${counter} events since the subscription started, below the ${highest} already seen: it was recreated or its counter reset.`,
        });
        // A handshake is a (re)start: believe it. A heartbeat may just be late: keep counting.
        if (subscription.type === 'handshake') rebaseline(draft, counter);
        break;
      }
      warnings.push(applyCounter(draft, counter, `the ${subscription.type} reports ${counter} events since the subscription started`));
      break;
    }
    case 'query-event':
      for (const n of subscription.eventNumbers) {
        removeMissing(draft, n);
        if (!draft.recentEventNumbers.includes(n)) remember(draft, n);
        draft.highestEventNumber = Math.max(draft.highestEventNumber ?? n, n);
      }
      break;
    default:
      for (const n of subscription.eventNumbers) warnings.push(applyEvent(draft, n, counter));
      if (counter !== null && (draft.highestEventNumber === null || counter > draft.highestEventNumber)) {
        warnings.push(applyCounter(draft, counter, `the notification reports ${counter} events since the subscription started`));
      }
  }

  if (subscription.status === 'error' || subscription.errors.length > 0) {
    const detail = subscription.errors.length > 0 ? `: ${subscription.errors.join('; ')}` : '';
    warnings.push({ kind: 'subscription-error', message: `The server reports the subscription in error${detail}.` });
  }
  return { state: draft, warnings: warnings.filter((warning): warning is GapWarning => warning !== null) };
}

const duration = (ms: number): string => {
  const seconds = Math.round(ms / 1000);
  if (seconds < 120) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  return minutes < 120 ? `${minutes} min` : `${Math.round(minutes / 60)} h`;
};

/**
 * A warning when nothing has arrived for longer than the heartbeat period (plus a little slack):
 * the channel may be broken, and `$status` is the way to find out. Null when nothing is known yet
 * (no period, or nothing received).
 */
export function heartbeatOverdue(
  state: SubscriptionGapState,
  nowMs: number,
  periodSeconds: number | null = state.heartbeatPeriodSeconds,
): GapWarning | null {
  if (periodSeconds === null || !(periodSeconds > 0) || state.lastReceivedAtMs === null) return null;
  const silentMs = nowMs - state.lastReceivedAtMs;
  if (silentMs <= periodSeconds * 1000 * (1 + heartbeatGraceRatio)) return null;
  return {
    kind: 'heartbeat-overdue',
    lastReceivedAtMs: state.lastReceivedAtMs,
    message: `Nothing received for ${duration(silentMs)}, though a heartbeat is due every ${duration(periodSeconds * 1000)}: the channel may be broken (check $status).`,
  };
}

/** The missing event numbers, lowest first, at most `limit` (the contract lists 200). */
export function missingEventNumbers(state: SubscriptionGapState, limit = 200): number[] {
  const numbers: number[] = [];
  for (const [from, to] of state.missingRanges) {
    for (let n = from; n <= to && numbers.length < limit; n++) numbers.push(n);
    if (numbers.length >= limit) break;
  }
  return numbers;
}

export const missingEventCount = (state: SubscriptionGapState): number =>
  state.missingRanges.reduce((sum, [from, to]) => sum + (to - from + 1), 0);

/** The larger of two optional values (times, event numbers); an unknown one (null) gives way to the other. */
export const later = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : Math.max(a, b));

/**
 * One state from two that tracked the same subscription apart (it was sent under two references):
 * each saw only part of the events, so a number one of them thinks missing is not missing if the
 * other received it.
 */
export function mergeGapStates(a: SubscriptionGapState, b: SubscriptionGapState): SubscriptionGapState {
  const received = [...new Set([...a.recentEventNumbers, ...b.recentEventNumbers])].sort((x, y) => x - y);
  const ranges = [...a.missingRanges, ...b.missingRanges].sort((x, y) => x[0] - y[0]);
  const draft: Draft = {
    highestEventNumber: later(a.highestEventNumber, b.highestEventNumber),
    recentEventNumbers: received.slice(-recentLimit),
    missingRanges: [],
    repeatedCount: a.repeatedCount + b.repeatedCount,
    lastReceivedAtMs: later(a.lastReceivedAtMs, b.lastReceivedAtMs),
    heartbeatPeriodSeconds: a.heartbeatPeriodSeconds ?? b.heartbeatPeriodSeconds,
  };
  for (const [from, to] of ranges) {
    const last = draft.missingRanges.at(-1);
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else draft.missingRanges.push([from, to]);
  }
  for (const n of received) removeMissing(draft, n);
  if (draft.missingRanges.length > missingRangeLimit) draft.missingRanges.splice(0, draft.missingRanges.length - missingRangeLimit);
  return draft;
}
