import { describe, expect, it } from 'vitest';
import type { SubscriptionState } from '../../../../shared/contract';
import { attentionSignature, attentionText, heartbeatText, needingAttention, nextCheckMs, problemsOf, SUBSCRIPTIONS_POLL_MS } from './subscription-health';

const T0 = Date.UTC(2026, 10, 26, 12);

const state = (overrides: Partial<SubscriptionState> = {}): SubscriptionState => ({
  key: 'https://ehr.example/fhir/Subscription/7',
  reference: 'https://ehr.example/fhir/Subscription/7',
  references: ['https://ehr.example/fhir/Subscription/7'],
  endpointId: 1,
  topic: null,
  status: 'active',
  lastType: 'event-notification',
  firstReceivedAt: new Date(T0).toISOString(),
  lastReceivedAt: new Date(T0).toISOString(),
  lastHeartbeatAt: null,
  handshakeAt: null,
  notificationCount: 1,
  eventsReceived: 1,
  highestEventNumber: 1,
  missingEvents: [],
  missingCount: 0,
  repeatedCount: 0,
  heartbeatPeriodSeconds: null,
  heartbeatPeriodSource: null,
  heartbeatOverdue: false,
  warnings: [],
  ...overrides,
});

describe('problemsOf', () => {
  it('names a missed heartbeat, missing events and an error status', () => {
    expect(problemsOf(state())).toEqual([]);
    expect(problemsOf(state({ heartbeatOverdue: true, missingCount: 2, status: 'error' }))).toEqual(['heartbeat overdue', '2 events missing', 'in error']);
    expect(problemsOf(state({ missingCount: 1 }))).toEqual(['1 event missing']);
  });

  it('does not raise an alarm for a repeat: the copy is dropped and nothing is lost', () => {
    expect(problemsOf(state({ repeatedCount: 3 }))).toEqual([]);
  });
});

describe('the inbox alert', () => {
  const quiet = state({ reference: 'Subscription/ok' });
  const late = state({ reference: 'Subscription/late', heartbeatOverdue: true });
  const gappy = state({ reference: 'Subscription/gappy', missingCount: 4 });

  it('lists only the subscriptions that need attention', () => {
    expect(needingAttention([quiet, late, gappy]).map(({ label, problems }) => ({ label, problems }))).toEqual([
      { label: 'Subscription/late at endpoint 1', problems: ['heartbeat overdue'] },
      { label: 'Subscription/gappy at endpoint 1', problems: ['4 events missing'] },
    ]);
    expect(attentionText(needingAttention([quiet, late], [{ id: 1, name: 'EHR A' }]))).toBe('Subscription/late at EHR A: heartbeat overdue');
    expect(attentionText(needingAttention([late, gappy], [{ id: 1, name: 'EHR A' }]))).toBe('Subscription/late at EHR A: heartbeat overdue; 1 other subscription too');
    // Tracked under its absolute URL, it needs no endpoint to tell it apart.
    expect(attentionText(needingAttention([state({ heartbeatOverdue: true })]))).toBe('https://ehr.example/fhir/Subscription/7: heartbeat overdue');
  });

  it('changes its signature when a problem appears, so a dismissed alert comes back', () => {
    const before = attentionSignature(needingAttention([late]));
    expect(attentionSignature(needingAttention([late]))).toBe(before);
    expect(attentionSignature(needingAttention([late, gappy]))).not.toBe(before);
  });
});

describe('nextCheckMs', () => {
  it('looks again when the soonest heartbeat falls due (period plus 10 %)', () => {
    const items = [state({ heartbeatPeriodSeconds: 10 }), state({ heartbeatPeriodSeconds: 5 })];
    expect(nextCheckMs(items, T0 + 1000)).toBe(5500 - 1000 + 250);
  });

  it('polls at the usual pace with nothing due, and never faster than a second', () => {
    expect(nextCheckMs([], T0)).toBe(SUBSCRIPTIONS_POLL_MS);
    expect(nextCheckMs([state({ heartbeatPeriodSeconds: 3600 })], T0)).toBe(SUBSCRIPTIONS_POLL_MS);
    expect(nextCheckMs([state({ heartbeatPeriodSeconds: 1 })], T0 + 60_000)).toBe(1000);
    // Already overdue: the next arrival refetches; nothing to wait for.
    expect(nextCheckMs([state({ heartbeatPeriodSeconds: 1, heartbeatOverdue: true })], T0 + 60_000)).toBe(SUBSCRIPTIONS_POLL_MS);
  });
});

describe('heartbeatText', () => {
  it('says where the period comes from', () => {
    expect(heartbeatText(state({ heartbeatPeriodSeconds: 60, heartbeatPeriodSource: 'configured' }))).toBe('every 60 s (set here)');
    expect(heartbeatText(state({ heartbeatPeriodSeconds: 30, heartbeatPeriodSource: 'inferred' }))).toContain('between the last two heartbeats');
    expect(heartbeatText(state({ heartbeatPeriodSource: 'none' }))).toBe('none expected (set here)');
    expect(heartbeatText(state())).toContain('unknown');
  });
});
