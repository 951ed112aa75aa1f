import type { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deriveNotificationFacts } from '../../../shared/notifications/derive-facts';
import { silentLogger } from '../logger';
import { tempDir } from '../../test-support/temp-dir';
import { openDatabase } from './database';
import { EndpointStore } from './endpoint-store';
import { NotificationStore } from './notification-store';
import { RetentionWorker } from './retention';

const DAY = 24 * 3600 * 1000;
const NOW = Date.UTC(2026, 10, 26);

describe('retention', () => {
  const dir = tempDir();
  let db: DatabaseSync;
  let store: NotificationStore;
  let endpoints: EndpointStore;
  beforeEach(() => {
    db = openDatabase(dir.path);
    store = new NotificationStore(db);
    endpoints = new EndpointStore(db, () => NOW);
    const other = endpoints.save(undefined, {
      name: 'Other',
      path: '/other',
      enabled: true,
      auth: 'none',
      tokenHash: null,
      hmacCiphertexts: [],
      challengeResponse: 'json',
      maxBodyBytes: null,
      retention: { maxAgeDays: null, maxCount: null, maxBytes: null },
      autoHydrateConnectionId: null,
    });
    // Ten days of notifications on each endpoint, one a day, oldest first; each names its patient.
    const items = [1, other.id].flatMap((endpointId) =>
      Array.from({ length: 10 }, (_, day) => {
        const json = { resourceType: 'Patient', id: `p${endpointId}-${day}`, identifier: [{ system: 'urn:mrn', value: `M${endpointId}-${day}` }] };
        const body = new TextEncoder().encode(JSON.stringify(json));
        return {
          receivedAt: NOW - (10 - day) * DAY,
          endpointId,
          endpointPath: endpointId === 1 ? '/webhook' : '/other',
          method: 'POST',
          remoteAddress: null,
          headers: [] as [string, string][],
          contentType: 'application/json',
          body,
          parseStatus: 'ok' as const,
          parseError: null,
          verification: 'none' as const,
          source: null,
          facts: deriveNotificationFacts(json),
        };
      }),
    );
    store.importBatch(items);
    db.prepare('INSERT INTO notification_hydrations (notification_id, fetched_at, results_json) VALUES (1, 0, ?)').run('[]');
  });
  afterEach(() => {
    store.close();
    db.close();
    dir.remove();
  });

  const worker = () => new RetentionWorker(db, endpoints, () => NOW, silentLogger, () => {}, { batchSize: 3 });
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  const setRetention = (id: number, retention: { maxAgeDays: number | null; maxCount: number | null; maxBytes: number | null }) => {
    const e = endpoints.get(id);
    if (!e) throw new Error('missing endpoint');
    endpoints.save(id, { ...e, retention });
  };

  it('keeps everything by default', async () => {
    expect(await worker().runOnce()).toBe(0);
    expect(store.list({ limit: 100 }).total).toBe(20);
  });

  it('deletes by age, oldest first, only on that endpoint, with their terms, FTS entries, counts and hydrations', async () => {
    setRetention(1, { maxAgeDays: 4, maxCount: null, maxBytes: null });
    expect(await worker().runOnce()).toBe(6);
    expect(store.list({ limit: 100, filter: { endpointIds: [1] } })).toMatchObject({ total: 4, totalKind: 'exact' });
    expect(store.list({ limit: 100, filter: { endpointIds: [2] } }).total).toBe(10);
    expect(count('SELECT count(*) AS n FROM notifications WHERE endpoint_id = 1')).toBe(4);
    expect(count('SELECT count(*) AS n FROM notification_terms WHERE notification_id <= 6')).toBe(0);
    expect(count('SELECT count(*) AS n FROM notification_hydrations')).toBe(0);
    expect(store.list({ limit: 100, filter: { text: 'M1-0' } }).items).toEqual([]);
    expect(store.list({ limit: 100, filter: { patient: { value: 'M1-0' } } }).items).toEqual([]);
    expect(store.list({ limit: 100, filter: { text: 'M1-9' } }).items).toHaveLength(1);
  });

  it('deletes by count and by size, in batches', async () => {
    setRetention(2, { maxAgeDays: null, maxCount: 5, maxBytes: null });
    expect(await worker().runOnce()).toBe(5);
    const bytes = (db.prepare('SELECT bytes FROM notification_counts WHERE endpoint_id = 1').get() as { bytes: number }).bytes;
    setRetention(1, { maxAgeDays: null, maxCount: null, maxBytes: Math.ceil(bytes / 2) });
    expect(await worker().runOnce()).toBe(5);
    expect(store.list({ limit: 100 }).total).toBe(10);
    // The newest remain.
    expect(store.list({ limit: 100, filter: { endpointIds: [1] } }).items.at(-1)?.receivedAt).toBe(new Date(NOW - 5 * DAY).toISOString());
  });

  it('yields between batches so requests keep being served', async () => {
    setRetention(1, { maxAgeDays: 1, maxCount: null, maxBytes: null });
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const run = worker().runOnce();
    await run;
    clearInterval(timer);
    // 9 rows in batches of 3: the event loop ran between them.
    expect(ticks).toBeGreaterThanOrEqual(2);
  });
});
