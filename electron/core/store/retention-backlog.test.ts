import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../logger';
import { tempDir } from '../../test-support/temp-dir';
import { INDEX_DATABASE_FILE, openConnection, openDatabase, openIndexReader } from './database';
import { EndpointStore } from './endpoint-store';
import { purgedThroughReader } from './notification-deletion';
import { NotificationStore } from './notification-store';
import { RetentionWorker } from './retention';
import { incomingJson, patientMessage } from './test-support/incoming';

/** The old worker's ceiling: 50 batches of 200 rows per one-minute run. */
const OLD_PER_RUN_CAP = 50 * 200;

describe('retention under a backlog', () => {
  const dir = tempDir();
  let db: DatabaseSync;
  let store: NotificationStore;
  let endpoints: EndpointStore;
  beforeEach(() => {
    db = openDatabase(dir.path);
    store = new NotificationStore(db);
    endpoints = new EndpointStore(db, Date.now);
  });
  afterEach(async () => {
    await store.close();
    db.close();
    dir.remove();
  });

  const fill = (n: number) => {
    for (let start = 0; start < n; start += 2_000) {
      store.importBatch(Array.from({ length: Math.min(2_000, n - start) }, (_, i) => incomingJson(patientMessage(`MRN-${start + i}`, 'kalium'))));
    }
  };
  const keepAtMost = (maxCount: number) => {
    const e = endpoints.get(1);
    if (!e) throw new Error('missing endpoint');
    endpoints.save(1, { ...e, retention: { maxAgeDays: null, maxCount, maxBytes: null } });
  };
  const stored = () => (db.prepare('SELECT count FROM notification_counts WHERE endpoint_id = 1').get() as { count: number }).count;

  it('works through a backlog larger than the old per-minute cap in one pass, with its index entries', async () => {
    fill(OLD_PER_RUN_CAP + 2_000);
    keepAtMost(500);
    const worker = new RetentionWorker(db, endpoints, Date.now, silentLogger, () => {});
    expect(await worker.runOnce()).toBe(OLD_PER_RUN_CAP + 1_500);
    expect(stored()).toBe(500);
    expect(db.prepare('SELECT count(*) AS n FROM notifications').get()).toEqual({ n: 500 });
    // The newest stay; the index has nothing left of the others once the indexer has purged.
    expect(store.list({ limit: 1, filter: { text: 'kalium' } })).toMatchObject({ total: 500, totalKind: 'exact' });
    expect(store.list({ limit: 10, filter: { patient: { value: 'MRN-0' } } }).items).toEqual([]);
    expect(store.list({ limit: 10, filter: { patient: { value: `MRN-${OLD_PER_RUN_CAP + 1_999}` } } }).items).toHaveLength(1);
    expect(db.prepare('SELECT count(*) AS n FROM (SELECT DISTINCT notification_id FROM idx.notification_terms)').get()).toEqual({ n: 500 });
  });

  it("lets a sender's commit in between its batches: an add resolves while the backlog is still being worked through", async () => {
    fill(3_000);
    keepAtMost(100);
    // As in the writer thread: the group commit and retention share one connection and event loop.
    const worker = new RetentionWorker(db, endpoints, Date.now, silentLogger, () => {}, { batchSize: 100 });
    const events: string[] = [];
    const pass = worker.runOnce().then((n) => {
      events.push('retention done');
      return n;
    });
    const added = await store.add(incomingJson(patientMessage('MRN-NEW', 'natrium')));
    events.push('add resolved');
    // Retention had work left when the sender's row was committed.
    expect(stored()).toBeGreaterThan(100);
    expect(await pass).toBeGreaterThanOrEqual(2_900);
    expect(events).toEqual(['add resolved', 'retention done']);
    // The new row is among the newest kept.
    expect(stored()).toBe(100);
    expect(store.get(added.summary.id)).not.toBeNull();
  });

  it('deletes without the index database: it goes on while the index thread holds that lock', async () => {
    fill(300);
    keepAtMost(100);
    const indexWriter = new DatabaseSync(join(dir.path, INDEX_DATABASE_FILE));
    indexWriter.exec('BEGIN IMMEDIATE');
    indexWriter.exec('UPDATE notification_index_progress SET indexed_through = indexed_through');
    // The writer thread's connection, and its own reader of the purge mark.
    const writerDb = openConnection(dir.path, { index: false });
    writerDb.exec('PRAGMA busy_timeout = 0');
    const reader = openIndexReader(dir.path);
    const worker = new RetentionWorker(writerDb, new EndpointStore(writerDb, Date.now), Date.now, silentLogger, () => {}, {}, purgedThroughReader(reader, 'main'));
    expect(await worker.runOnce()).toBe(200);
    indexWriter.exec('ROLLBACK');
    indexWriter.close();
    reader.close();
    writerDb.close();
    expect(store.list({ limit: 1, filter: { text: 'kalium' } }).total).toBe(100);
  });
});
