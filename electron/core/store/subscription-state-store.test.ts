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
      key: ABSOLUTE,
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

  it('keeps two servers with the same id apart, and a relative reference it cannot place on its own, per endpoint', () => {
    store.apply(event(ABSOLUTE, 1), 1, T0);
    store.apply(event('https://other.example/fhir/Subscription/7', 50), 1, T0 + 1000);
    store.apply(event('Subscription/7', 2), 1, T0 + 2000);
    store.apply(event('Subscription/7', 3), 2, T0 + 3000);
    const states = store.list(T0 + 4000);
    expect(states.map((s) => s.key).sort()).toEqual(
      [ABSOLUTE, 'https://other.example/fhir/Subscription/7', 'endpoint/1/Subscription/7', 'endpoint/2/Subscription/7'].sort(),
    );
    expect(states.filter((s) => s.reference === 'Subscription/7').map((s) => s.endpointId).sort()).toEqual([1, 2]);
    expect(states.every((s) => s.missingCount === 0)).toBe(true);
  });

  it("keeps two endpoints' relative Subscription/1 apart: no false gaps or repeats", () => {
    for (const n of [1, 2, 3]) {
      expect(store.apply(event('Subscription/1', n), 1, T0 + n)).toEqual([]);
      expect(store.apply(event('Subscription/1', n), 2, T0 + n)).toEqual([]);
    }
    const states = store.list(T0 + 10);
    expect(states.map((s) => [s.key, s.reference, s.endpointId, s.eventsReceived, s.repeatedCount, s.missingCount]).sort()).toEqual([
      ['endpoint/1/Subscription/1', 'Subscription/1', 1, 3, 0, 0],
      ['endpoint/2/Subscription/1', 'Subscription/1', 2, 3, 0, 0],
    ]);
    // Its key names one of them; the reference as sent names none.
    expect(store.configureHeartbeat('endpoint/2/Subscription/1', 60)).toBe(true);
    expect(store.get('endpoint/2/Subscription/1', T0 + 10)).toMatchObject({ endpointId: 2, heartbeatPeriodSource: 'configured' });
    expect(store.get('endpoint/1/Subscription/1', T0 + 10)).toMatchObject({ endpointId: 1, heartbeatPeriodSource: null });
    expect(store.get('Subscription/1', T0 + 10)).toBeNull();
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
    expect(states.map((s) => s.key)).toEqual([ABSOLUTE, 'https://other.example/fhir/Subscription/7']);
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

  it("scopes by endpoint a relative state an older build shared among endpoints, and keeps finding it", () => {
    // As the previous build kept them: one `Subscription/1` for every endpoint (the last one's id).
    db.prepare(`INSERT INTO subscription_states (reference, endpoint_id, first_received_at, last_received_at, notification_count, state_json)
      VALUES ('Subscription/1', 3, ?, ?, 2, ?)`).run(T0, T0, JSON.stringify({ gaps: emptyGapState(), inferredHeartbeatSeconds: null, references: ['Subscription/1'] }));
    db.prepare(`INSERT INTO subscription_states (reference, endpoint_id, first_received_at, last_received_at, notification_count, state_json)
      VALUES ('urn:uuid:sub', 3, ?, ?, 1, ?)`).run(T0, T0, JSON.stringify({ gaps: emptyGapState(), inferredHeartbeatSeconds: null }));
    store.normalizeKeys();
    const states = store.list(T0);
    expect(states.map((s) => [s.key, s.reference, s.references, s.notificationCount]).sort()).toEqual([
      ['endpoint/3/Subscription/1', 'Subscription/1', ['Subscription/1'], 2],
      ['endpoint/3/urn:uuid:sub', 'urn:uuid:sub', ['urn:uuid:sub'], 1],
    ]);
    expect(store.get('Subscription/1', T0)?.key).toBe('endpoint/3/Subscription/1');
    // The next notification at its endpoint continues it.
    store.apply(event('Subscription/1', 1), 3, T0 + 1);
    expect(store.list(T0 + 1).find((s) => s.reference === 'Subscription/1')).toMatchObject({ key: 'endpoint/3/Subscription/1', notificationCount: 3 });
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

  it("finds a relative subscription's notifications at its endpoint only", async () => {
    const db = openDatabase(dir.path);
    const notifications = new NotificationStore(db);
    const at = (endpointId: number, n: number) => ({ ...incomingJson(r4bNotification('Subscription/1', n), T0 + n), endpointId });
    for (const n of [1, 2, 3]) {
      await notifications.add(at(1, n));
      await notifications.add(at(2, n));
    }
    const ids = (subscription: string) => notifications.list({ limit: 10, filter: { subscription } }).items.map((n) => n.id);
    const keys = notifications.subscriptions.list(T0 + 10).map((s) => s.key).sort();
    expect(keys).toEqual(['endpoint/1/Subscription/1', 'endpoint/2/Subscription/1']);
    expect(ids('endpoint/1/Subscription/1')).toEqual([5, 3, 1]);
    expect(ids('endpoint/2/Subscription/1')).toEqual([6, 4, 2]);
    // As sent it names both: every notification sent under it.
    expect(ids('Subscription/1')).toEqual([6, 5, 4, 3, 2, 1]);
    expect(notifications.list({ limit: 10, filter: { subscription: 'endpoint/2/Subscription/1' } }).items.every((n) => n.warnings.length === 0)).toBe(true);
    notifications.close();
    db.close();
  });
});
