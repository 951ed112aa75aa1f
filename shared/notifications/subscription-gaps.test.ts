import { describe, expect, it } from 'vitest';
import { r4BackportEmpty, r4BackportHandshake, r4BackportHeartbeatWithError, r4BackportIdOnly } from './__fixtures__/subscriptions';
import { deriveNotificationFacts } from './derive-facts';
import type { NotificationFacts, SubscriptionFacts } from './notification-facts';
import {
  emptyGapState,
  heartbeatOverdue,
  missingEventCount,
  mergeGapStates,
  missingEventNumbers,
  observe,
  type GapWarning,
  type SubscriptionGapState,
} from './subscription-gaps';

const facts = (subscription: Partial<SubscriptionFacts> | null): NotificationFacts => ({
  format: 'subscription-r4-backport',
  event: null,
  category: 'unknown',
  payloadLevel: 'empty',
  resourceTypes: [],
  patientIdentifiers: [],
  patientReferences: [],
  focusReferences: [],
  source: null,
  subscription: subscription && {
    reference: 'Subscription/sub1',
    topic: null,
    status: 'active',
    type: 'event-notification',
    eventsSinceStart: null,
    eventNumbers: [],
    errors: [],
    ...subscription,
  },
  timestamp: null,
});

const event = (...numbers: number[]) => facts({ eventNumbers: numbers, eventsSinceStart: numbers.at(-1) ?? null });
const handshake = (counter = 0) => facts({ type: 'handshake', status: 'requested', eventsSinceStart: counter });
const heartbeat = (counter: number) => facts({ type: 'heartbeat', eventsSinceStart: counter });

/** Feeds notifications in order; returns the final state and every warning's kind and numbers. */
function run(notifications: NotificationFacts[], start: SubscriptionGapState = emptyGapState()) {
  let state = start;
  const warnings: GapWarning[] = [];
  notifications.forEach((notification, i) => {
    const result = observe(state, notification, 1_000 * (i + 1));
    state = result.state;
    warnings.push(...result.warnings);
  });
  return { state, warnings, kinds: warnings.map(({ kind, from, to, eventNumber }) => ({ kind, from, to, eventNumber })) };
}

describe('observe', () => {
  it('accepts an unbroken sequence silently', () => {
    const { state, warnings } = run([handshake(), event(1), event(2), heartbeat(2), event(3, 4)]);
    expect(warnings).toEqual([]);
    expect(state.highestEventNumber).toBe(4);
    expect(state.recentEventNumbers).toEqual([1, 2, 3, 4]);
  });

  it('reports a gap between event numbers, and fills it when the late event arrives', () => {
    const { state, kinds, warnings } = run([handshake(), event(1), event(4)]);
    expect(kinds).toEqual([{ kind: 'missing-events', from: 2, to: 3, eventNumber: undefined }]);
    expect(warnings[0]?.message).toBe('Events 2–3 (2) were not received: event 4 arrived after 1.');
    expect(missingEventNumbers(state)).toEqual([2, 3]);
    const late = observe(state, event(3), 9_000);
    expect(late.warnings).toEqual([]);
    expect(missingEventNumbers(late.state)).toEqual([2]);
    expect(missingEventCount(late.state)).toBe(1);
  });

  it('counts from the handshake: a first event above 1 means events were lost', () => {
    expect(run([handshake(0), event(3)]).kinds).toEqual([{ kind: 'missing-events', from: 1, to: 2, eventNumber: undefined }]);
  });

  it('does not invent a gap when it starts listening mid-stream', () => {
    expect(run([event(57), event(58)]).warnings).toEqual([]);
  });

  it('learns of events never delivered from a heartbeat counter', () => {
    const { kinds, warnings, state } = run([handshake(), event(1), heartbeat(3)]);
    expect(kinds).toEqual([{ kind: 'missing-events', from: 2, to: 3, eventNumber: undefined }]);
    expect(warnings[0]?.message).toContain('the heartbeat reports 3 events');
    expect(state.highestEventNumber).toBe(3);
    // The next event continues from the counter without a second warning.
    expect(observe(state, event(4), 10_000).warnings).toEqual([]);
  });

  it('handshakes and heartbeats do not advance the counter by themselves', () => {
    const { state, warnings } = run([handshake(0), heartbeat(0), heartbeat(0), event(1)]);
    expect(warnings).toEqual([]);
    expect(state.highestEventNumber).toBe(1);
  });

  it('reports a repeated event and counts it', () => {
    const { kinds, state } = run([event(1), event(2), event(2), event(1)]);
    expect(kinds).toEqual([
      { kind: 'duplicate-event', from: undefined, to: undefined, eventNumber: 2 },
      { kind: 'duplicate-event', from: undefined, to: undefined, eventNumber: 1 },
    ]);
    expect(state.repeatedCount).toBe(2);
  });

  it('reports a counter that went back, and restarts counting when the server counter confirms it', () => {
    const { kinds, state } = run([event(10), event(11), facts({ eventNumbers: [1], eventsSinceStart: 1 }), event(2)]);
    expect(kinds).toEqual([{ kind: 'counter-went-back', from: undefined, to: undefined, eventNumber: 1 }]);
    expect(state.highestEventNumber).toBe(2);
  });

  it('restarts counting on a handshake whose counter is lower', () => {
    const { kinds, state } = run([event(5), handshake(0), event(1)]);
    expect(kinds).toEqual([{ kind: 'counter-went-back', from: undefined, to: undefined, eventNumber: 0 }]);
    expect(state.highestEventNumber).toBe(1);
    expect(state.recentEventNumbers).toEqual([1]);
  });

  it('warns but keeps counting when a heartbeat reports less than seen', () => {
    const { kinds, state } = run([event(5), heartbeat(3), event(6)]);
    expect(kinds).toEqual([{ kind: 'counter-went-back', from: undefined, to: undefined, eventNumber: 3 }]);
    expect(state.highestEventNumber).toBe(6);
  });

  it('lets a $events result fill gaps without calling them repeats', () => {
    const { state } = run([handshake(), event(1), event(5)]);
    expect(missingEventNumbers(state)).toEqual([2, 3, 4]);
    const recovered = observe(state, facts({ type: 'query-event', eventNumbers: [1, 2, 3, 4], eventsSinceStart: 5 }), 9_000);
    expect(recovered.warnings).toEqual([]);
    expect(missingEventCount(recovered.state)).toBe(0);
  });

  it('reads several events in one notification, and a counter beyond them', () => {
    const { kinds } = run([handshake(), facts({ eventNumbers: [1, 2], eventsSinceStart: 4 })]);
    expect(kinds).toEqual([{ kind: 'missing-events', from: 3, to: 4, eventNumber: undefined }]);
  });

  it('reports an error status', () => {
    const { kinds, warnings } = run([facts({ type: 'heartbeat', status: 'error', errors: ['No Response'], eventsSinceStart: 3 })]);
    expect(kinds.map((k) => k.kind)).toEqual(['subscription-error']);
    expect(warnings[0]?.message).toBe('The server reports the subscription in error: No Response.');
  });

  it('ignores notifications that are not subscription notifications', () => {
    const state = emptyGapState();
    expect(observe(state, facts(null), 5)).toEqual({ state, warnings: [] });
  });

  it('never mutates the state it is given, and keeps it plain JSON', () => {
    const { state } = run([handshake(), event(1), event(4)]);
    const frozen = JSON.parse(JSON.stringify(state));
    observe(state, event(2), 99_000);
    observe(state, event(9), 99_000);
    expect(state).toEqual(frozen);
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });

  it('stays bounded when the channel is badly broken', () => {
    const notifications = Array.from({ length: 1_000 }, (_, i) => event(i * 3 + 1));
    const { state } = run(notifications);
    expect(state.recentEventNumbers.length).toBeLessThanOrEqual(512);
    expect(state.missingRanges.length).toBeLessThanOrEqual(100);
    expect(missingEventNumbers(state, 5)).toHaveLength(5);
    const huge = observe(emptyGapState(), event(1), 1).state;
    expect(missingEventCount(observe(huge, event(10_000_000), 2).state)).toBe(9_999_998);
  });
});

describe('observe, on parsed notifications', () => {
  it('follows an R4 Backport subscription from handshake to an error heartbeat', () => {
    const bodies = [r4BackportHandshake, r4BackportEmpty, r4BackportIdOnly, r4BackportHeartbeatWithError];
    const { kinds, state } = run(bodies.map((body) => deriveNotificationFacts(body)));
    expect(kinds.map(({ kind, from, to }) => [kind, from, to])).toEqual([
      ['missing-events', 1, 6],
      ['missing-events', 9, 12],
      ['subscription-error', undefined, undefined],
    ]);
    expect(missingEventCount(state)).toBe(10);
  });
});

describe('heartbeatOverdue', () => {
  const heard = observe(emptyGapState(60), heartbeat(0), 1_000_000).state;

  it('is quiet within the period and its slack', () => {
    expect(heartbeatOverdue(heard, 1_000_000 + 60_000)).toBeNull();
    expect(heartbeatOverdue(heard, 1_000_000 + 65_000)).toBeNull();
  });

  it('warns once the period (plus 10%) has passed in silence', () => {
    expect(heartbeatOverdue(heard, 1_000_000 + 5 * 60_000)).toEqual({
      kind: 'heartbeat-overdue',
      lastReceivedAtMs: 1_000_000,
      message: 'Nothing received for 5 min, though a heartbeat is due every 60 s: the channel may be broken (check $status).',
    });
  });

  it('takes the period as an argument, and says nothing without one or without traffic', () => {
    expect(heartbeatOverdue(heard, 1_000_000 + 20_000, 10)?.kind).toBe('heartbeat-overdue');
    expect(heartbeatOverdue({ ...heard, heartbeatPeriodSeconds: null }, 9e12)).toBeNull();
    expect(heartbeatOverdue(emptyGapState(60), 9e12)).toBeNull();
  });

  it('counts any notification as traffic', () => {
    const state = observe(heard, event(1), 1_050_000).state;
    expect(heartbeatOverdue(state, 1_050_000 + 60_000)).toBeNull();
  });
});

describe('mergeGapStates', () => {
  const seen = (...numbers: number[]) => numbers.reduce((state, n, i) => observe(state, event(n), 1_000 + i).state, emptyGapState());

  it('fills what one half thought missing with what the other half received', () => {
    // One subscription's events 1–6 arrived alternately under two references.
    const odd = seen(1, 3, 5);
    const even = seen(2, 4, 6);
    expect(missingEventCount(odd)).toBe(2);
    const merged = mergeGapStates(odd, even);
    expect(merged).toMatchObject({ highestEventNumber: 6, missingRanges: [], recentEventNumbers: [1, 2, 3, 4, 5, 6] });
  });

  it('keeps real gaps, adds repeats, and keeps the latest traffic and a known period', () => {
    const a = observe(seen(1, 2, 5), event(5), 9_000).state;
    const b = { ...seen(7), heartbeatPeriodSeconds: 30 };
    const merged = mergeGapStates(a, b);
    expect(missingEventNumbers(merged)).toEqual([3, 4]);
    expect(merged).toMatchObject({ highestEventNumber: 7, repeatedCount: 1, lastReceivedAtMs: 9_000, heartbeatPeriodSeconds: 30 });
  });

  it('coalesces overlapping ranges without expanding them', () => {
    const a = { ...emptyGapState(), highestEventNumber: 1_000_000, missingRanges: [[10, 500_000]] as [number, number][] };
    const b = { ...emptyGapState(), highestEventNumber: 900_000, missingRanges: [[400_000, 800_000]] as [number, number][], recentEventNumbers: [600_000] };
    expect(mergeGapStates(a, b).missingRanges).toEqual([
      [10, 599_999],
      [600_001, 800_000],
    ]);
  });
});
