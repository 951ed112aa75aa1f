import type { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SubscriptionFacts } from '../../../shared/notifications/notification-facts';
import { emptyGapState, observe } from '../../../shared/notifications/subscription-gaps';
import { tempDir } from '../../test-support/temp-dir';
import { openDatabase } from './database';
import { NotificationStore } from './notification-store';
import { incomingJson } from './test-support/incoming';
import { SubscriptionStateStore } from './subscription-state-store';

const ABSOLUTE = 'https://ehr.example/fhir/Subscription/7';
const T0 = Date.UTC(2026, 10, 26, 12);

const event = (reference: string, n: number): SubscriptionFacts => ({
  reference,
  topic: 'http://example.org/SubscriptionTopic/encounter-start',
  status: 'active',
  type: 'event-notification',
  eventsSinceStart: n,
  eventNumbers: [n],
  errors: [],
});
const heartbeat = (reference: string, n: number): SubscriptionFacts => ({ ...event(reference, n), type: 'heartbeat', eventNumbers: [] });

/** An R4B notification as a server posts it, naming its subscription as given. */
const r4bNotification = (reference: string, n: number) =>
  JSON.stringify({
    resourceType: 'Bundle',
    type: 'history',
    entry: [
      {
        fullUrl: 'urn:uuid:s',
        resource: {
          resourceType: 'SubscriptionStatus',
          status: 'active',
          type: 'event-notification',
          eventsSinceSubscriptionStart: String(n),
          notificationEvent: [{ eventNumber: String(n) }],
          subscription: { reference },
          topic: 'http://example.org/SubscriptionTopic/encounter-start',
        },
        request: { method: 'GET', url: 'https://ehr.example/fhir/Subscription/7/$status' },
      },
    ],
  });

describe('SubscriptionStateStore', () => {
  const dir = tempDir();
  let db: DatabaseSync;
  let store: SubscriptionStateStore;
  beforeEach(() => {
    db = openDatabase(dir.path);
    store = new SubscriptionStateStore(db);
  });
  afterEach(() => {
    db.close();
    dir.remove();
  });

  it('tracks one subscription sent relative and absolute from one endpoint, without false gaps', () => {
    expect(store.apply(event(ABSOLUTE, 1), 1, T0)).toEqual([]);
    expect(store.apply(event('Subscription/7', 2), 1, T0 + 1000)).toEqual([]);
    expect(store.apply(event(`${ABSOLUTE}/_history/2`, 3), 1, T0 + 2000)).toEqual([]);
    const [state, ...others] = store.list(T0 + 3000);
    expect(others).toEqual([]);
    expect(state).toMatchObject({
      reference: ABSOLUTE,
      references: [ABSOLUTE, 'Subscription/7', `${ABSOLUTE}/_history/2`],
      notificationCount: 3,
      eventsReceived: 3,
      highestEventNumber: 3,
      missingCount: 0,
      warnings: [],
    });
  });

  it('counts distinct events, not their repeats nor heartbeats', () => {
    store.apply(event(ABSOLUTE, 1), 1, T0);
    store.apply(event(ABSOLUTE, 1), 1, T0 + 1);
    store.apply(heartbeat(ABSOLUTE, 1), 1, T0 + 2);
    store.apply(event(ABSOLUTE, 4), 1, T0 + 3);
    expect(store.get(ABSOLUTE, T0 + 4)).toMatchObject({ notificationCount: 4, eventsReceived: 2, repeatedCount: 1, missingCount: 2 });
  });

  it('moves a relative state under the absolute URL once one arrives', () => {
    store.apply(event('Subscription/7', 1), 1, T0);
    store.apply(event(ABSOLUTE, 2), 1, T0 + 1000);
    expect(store.list(T0 + 2000).map((s) => [s.reference, s.notificationCount, s.missingCount])).toEqual([[ABSOLUTE, 2, 0]]);
  });

  it('keeps two servers with the same id apart, and a relative reference it cannot place on its own', () => {
    store.apply(event(ABSOLUTE, 1), 1, T0);
    store.apply(event('https://other.example/fhir/Subscription/7', 50), 1, T0 + 1000);
    store.apply(event('Subscription/7', 2), 1, T0 + 2000);
    store.apply(event('Subscription/7', 3), 2, T0 + 3000);
    const states = store.list(T0 + 4000);
    expect(states.map((s) => s.reference).sort()).toEqual([ABSOLUTE, 'Subscription/7', 'https://other.example/fhir/Subscription/7'].sort());
    expect(states.every((s) => s.missingCount === 0)).toBe(true);
  });

  it('brings states an older build kept per reference as sent under one key, merging their gaps', () => {
    // As the older build stored them: one row per spelling, each seeing every other event.
    const insert = db.prepare(`INSERT INTO subscription_states (reference, endpoint_id, topic, status, last_type, first_received_at,
      last_received_at, notification_count, heartbeat_period_configured, state_json) VALUES (?, 1, NULL, 'active', 'event-notification', ?, ?, ?, ?, ?)`);
    const gaps = (...numbers: number[]) => numbers.reduce((state, n) => observe(state, { subscription: event('x', n) }, T0).state, emptyGapState());
    insert.run('Subscription/7', T0, T0 + 5000, 3, 120, JSON.stringify({ gaps: gaps(1, 3, 5), inferredHeartbeatSeconds: null }));
    insert.run('https://EHR.example/fhir/Subscription/7/_history/1', T0 + 1000, T0 + 6000, 3, null, JSON.stringify({ gaps: gaps(2, 4, 6), inferredHeartbeatSeconds: 60 }));
    // Another server's subscription 7, posting to another endpoint.
    insert.run('https://other.example/fhir/Subscription/7', T0, T0, 1, null, JSON.stringify({ gaps: gaps(9), inferredHeartbeatSeconds: null }));
    db.prepare("UPDATE subscription_states SET endpoint_id = 2 WHERE reference LIKE 'https://other%'").run();
    // Only the writer writes; it normalises when it opens.
    new NotificationStore(db).close();
    const states = store.list(T0 + 7000);
    expect(states.map((s) => s.reference)).toEqual([ABSOLUTE, 'https://other.example/fhir/Subscription/7']);
    expect(states[0]).toMatchObject({
      references: expect.arrayContaining(['Subscription/7', 'https://EHR.example/fhir/Subscription/7/_history/1']) as string[],
      notificationCount: 6,
      // The older build did not count events.
      eventsReceived: null,
      highestEventNumber: 6,
      missingCount: 0,
      heartbeatPeriodSeconds: 120,
      heartbeatPeriodSource: 'configured',
      firstReceivedAt: new Date(T0).toISOString(),
      lastReceivedAt: new Date(T0 + 6000).toISOString(),
    });
    const before = JSON.stringify(db.prepare('SELECT * FROM subscription_states ORDER BY reference').all());
    store.normalizeKeys();
    expect(JSON.stringify(db.prepare('SELECT * FROM subscription_states ORDER BY reference').all())).toBe(before);
  });

  it('warns of an overdue heartbeat per the configured period; none expected means never', () => {
    store.apply(event(ABSOLUTE, 1), 1, T0);
    expect(store.configureHeartbeat('Subscription/7', 2)).toBe(true);
    expect(store.get(ABSOLUTE, T0 + 2000)).toMatchObject({ heartbeatPeriodSeconds: 2, heartbeatPeriodSource: 'configured', heartbeatOverdue: false });
    const late = store.get(ABSOLUTE, T0 + 2300);
    expect(late).toMatchObject({ heartbeatOverdue: true });
    expect(late?.warnings).toContainEqual(expect.stringContaining('heartbeat is due every 2 s'));
    expect(store.configureHeartbeat(ABSOLUTE, 'none')).toBe(true);
    expect(store.get(ABSOLUTE, T0 + 9e9)).toMatchObject({ heartbeatPeriodSeconds: null, heartbeatPeriodSource: 'none', heartbeatOverdue: false, warnings: [] });
  });

  it('infers the period from heartbeat to heartbeat, not from a short silence before one', () => {
    store.apply(heartbeat(ABSOLUTE, 0), 1, T0);
    store.apply(event(ABSOLUTE, 1), 1, T0 + 29_500);
    // A server beating on a schedule: this heartbeat follows the event by half a second.
    store.apply(heartbeat(ABSOLUTE, 1), 1, T0 + 30_000);
    expect(store.get(ABSOLUTE, T0 + 32_000)).toMatchObject({ heartbeatPeriodSeconds: 30, heartbeatPeriodSource: 'inferred', heartbeatOverdue: false });
    expect(store.get(ABSOLUTE, T0 + 64_000)).toMatchObject({ heartbeatOverdue: true });
  });

  it('infers nothing from a single heartbeat', () => {
    store.apply(event(ABSOLUTE, 1), 1, T0);
    store.apply(heartbeat(ABSOLUTE, 1), 1, T0 + 500);
    expect(store.get(ABSOLUTE, T0 + 60_000)).toMatchObject({ heartbeatPeriodSeconds: null, heartbeatPeriodSource: null, heartbeatOverdue: false });
  });

  it('returns to the period inferred from heartbeats when the configured one is cleared', () => {
    store.apply(heartbeat(ABSOLUTE, 0), 1, T0);
    store.apply(heartbeat(ABSOLUTE, 0), 1, T0 + 30_000);
    store.configureHeartbeat(ABSOLUTE, 5);
    expect(store.get(ABSOLUTE, T0 + 40_000)).toMatchObject({ heartbeatPeriodSeconds: 5, heartbeatOverdue: true });
    store.configureHeartbeat(ABSOLUTE, null);
    expect(store.get(ABSOLUTE, T0 + 40_000)).toMatchObject({ heartbeatPeriodSeconds: 30, heartbeatPeriodSource: 'inferred', heartbeatOverdue: false });
  });

  it('says when there is no such subscription', () => {
    expect(store.configureHeartbeat('Subscription/404', 60)).toBe(false);
    expect(store.get('Subscription/404', T0)).toBeNull();
  });
});

describe('the inbox filtered by subscription', () => {
  const dir = tempDir();
  afterEach(() => dir.remove());

  it('finds its notifications under every reference they were sent with', async () => {
    const db = openDatabase(dir.path);
    const notifications = new NotificationStore(db);
    await notifications.add(incomingJson(r4bNotification(ABSOLUTE, 1), T0));
    await notifications.add(incomingJson(r4bNotification('Subscription/7', 2), T0 + 1000));
    await notifications.add(incomingJson(r4bNotification('https://other.example/fhir/Subscription/7', 1), T0 + 2000));
    const ids = (subscription: string) => notifications.list({ limit: 10, filter: { subscription } }).items.map((n) => n.id);
    expect(ids(ABSOLUTE)).toEqual([2, 1]);
    expect(ids('Subscription/7')).toEqual([2, 1]);
    expect(ids('https://other.example/fhir/Subscription/7')).toEqual([3]);
    expect(notifications.list({ limit: 10, filter: { subscription: ABSOLUTE } })).toMatchObject({ total: 2 });
    notifications.close();
    db.close();
  });
});
