import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../logger';
import { tempDir } from '../../test-support/temp-dir';
import { INDEX_DATABASE_FILE, openConnection, openDatabase, openIndexReader } from './database';
import { EndpointStore } from './endpoint-store';
import { purgedThroughReader } from './notification-deletion';
import { InlineSink } from './notification-sink';
import { NotificationStore } from './notification-store';
import { COMMITS_PER_BATCH_UNDER_LOAD, RetentionWorker } from './retention';
import { incomingJson, patientMessage } from './test-support/incoming';

/** The old worker's ceiling: 50 batches of 200 rows per one-minute run. */
const OLD_PER_RUN_CAP = 50 * 200;

describe('retention under a backlog', () => {
  const dir = tempDir();
  let db: DatabaseSync;
  let sink: InlineSink;
  let store: NotificationStore;
  let endpoints: EndpointStore;
  beforeEach(() => {
    db = openDatabase(dir.path);
    sink = new InlineSink(db);
    store = new NotificationStore(db, sink);
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
  // The store's own writer (its inline sink): the receiver's commits on retention's connection.
  const ingest = { whenIdle: (maxCommits: number) => sink.writer.whenIdle(maxCommits) };
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
    const worker = new RetentionWorker(db, endpoints, Date.now, silentLogger, () => {}, {}, { ingest });
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

  it('commits a notification that arrives during a backlog before the next retention batch', async () => {
    fill(3_000);
    keepAtMost(100);
    const events: string[] = [];
    let batches = 0;
    const worker = new RetentionWorker(
      db,
      endpoints,
      Date.now,
      silentLogger,
      () => {
        batches++;
        events.push('batch');
        // Mid-backlog, a notification arrives on the next turn of the event loop (as a message
        // from the receiver would), after retention has already queued its own next turn.
        if (batches === 3) setImmediate(() => void store.add(incomingJson(patientMessage('MRN-MID', 'natrium'))).then(() => events.push('add')));
      },
      // Every batch reported, so the order of batches and commits is recorded.
      { batchSize: 100, reportIntervalMs: 0 },
      { ingest },
    );
    expect(await worker.runOnce()).toBeGreaterThanOrEqual(2_900);
    expect(events.slice(0, 5)).toEqual(['batch', 'batch', 'batch', 'add', 'batch']);
    expect(stored()).toBe(100);
  });

  it('gives way to ingest that never pauses, but still gets a batch in every few commits', async () => {
    fill(1_000);
    keepAtMost(100);
    const events: string[] = [];
    let arriving = true;
    // A sender that always has another notification on the way while the last is committed.
    const send = (i: number): void => {
      if (!arriving) return;
      setImmediate(() => void store.add(incomingJson(patientMessage(`MRN-L${i}`))).then(() => events.push('commit')));
      setImmediate(() => send(i + 1));
    };
    send(0);
    const worker = new RetentionWorker(db, endpoints, Date.now, silentLogger, () => events.push('batch'), { batchSize: 100, reportIntervalMs: 0 }, { ingest });
    const pass = worker.runOnce();
    while (events.filter((e) => e === 'batch').length < 3) await new Promise<void>((resolve) => setImmediate(resolve));
    arriving = false;
    await pass;
    const first = events.indexOf('batch');
    const second = events.indexOf('batch', first + 1);
    // Commits went first; then a batch only after the bound's worth of commits each time.
    expect(events.slice(0, first).length).toBeGreaterThanOrEqual(COMMITS_PER_BATCH_UNDER_LOAD);
    expect(events.slice(first + 1, second).every((e) => e === 'commit')).toBe(true);
    expect(second - first - 1).toBeGreaterThanOrEqual(COMMITS_PER_BATCH_UNDER_LOAD);
  });

  it('caps each batch by bytes as well as rows (a row larger than the cap goes alone)', async () => {
    store.importBatch([1_000, 1_000, 1_000, 5_000, 1_000, 1_000].map((size, i) => incomingJson(JSON.stringify({ resourceType: 'Basic', id: `b${i}`, pad: 'x'.repeat(size) }))));
    keepAtMost(1);
    const sizes = (db.prepare('SELECT size_bytes AS s FROM notifications ORDER BY id').all() as { s: number }[]).map((r) => r.s);
    const deleted: number[] = [];
    const worker = new RetentionWorker(db, endpoints, Date.now, silentLogger, (n) => deleted.push(n), {
      batchSize: 100,
      batchBytes: (sizes[0] ?? 0) * 2 + 10,
      reportIntervalMs: 0,
    });
    expect(await worker.runOnce()).toBe(5);
    expect(deleted).toEqual([2, 1, 1, 1]);
  });

  it('prunes purged tombstones at the start of every pass and at start-up, even with nothing to delete', async () => {
    fill(300);
    keepAtMost(100);
    const tombstones = () => (db.prepare('SELECT count(*) AS n FROM notification_tombstones').get() as { n: number }).n;
    const worker = new RetentionWorker(db, endpoints, Date.now, silentLogger, () => {}, { batchSize: 100 });
    expect(await worker.runOnce()).toBe(200);
    expect(tombstones()).toBeGreaterThan(0);
    // The index purges them (the inline store does before a query); the next pass has nothing to delete.
    await store.indexed();
    expect(await worker.runOnce()).toBe(0);
    expect(tombstones()).toBe(0);

    // Purged before a shutdown, not yet pruned: gone as soon as retention starts.
    keepAtMost(50);
    expect(await worker.runOnce()).toBe(50);
    await store.indexed();
    expect(tombstones()).toBe(1);
    const restarted = new RetentionWorker(db, endpoints, Date.now, silentLogger, () => {}, { batchSize: 100 });
    restarted.start();
    expect(tombstones()).toBe(0);
    await restarted.stop();
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
    const worker = new RetentionWorker(writerDb, new EndpointStore(writerDb, Date.now), Date.now, silentLogger, () => {}, {}, {
      purgedThrough: purgedThroughReader(reader, 'main'),
    });
    expect(await worker.runOnce()).toBe(200);
    indexWriter.exec('ROLLBACK');
    indexWriter.close();
    reader.close();
    writerDb.close();
    expect(store.list({ limit: 1, filter: { text: 'kalium' } }).total).toBe(100);
  });
});
