import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildStoreThreads } from '../../test-support/build-receiver-process';
import { tempDir } from '../../test-support/temp-dir';
import type { Logger } from '../logger';
import { openDatabase } from './database';
import { EndpointStore } from './endpoint-store';
import { ThreadedSink } from './notification-sink';
import { NotificationStore } from './notification-store';
import { incomingJson, patientMessage } from './test-support/incoming';

function recordingLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, info() {}, error() {}, warn: (message) => warnings.push(message) };
}

describe('the threaded notification sink', () => {
  const build = tempDir('switchboard-threads-build-');
  let scripts = { writer: '', indexer: '' };
  beforeAll(async () => {
    scripts = await buildStoreThreads(build.path);
  }, 90_000);
  afterAll(() => build.remove());
  const dir = tempDir();
  afterEach(() => dir.remove());

  async function storeWith(threads: { writer: string; indexer: string }, log: Logger) {
    const db = openDatabase(dir.path);
    const sink = new ThreadedSink({ main: db, indexed: db }, dir.path, threads, log);
    const store = new NotificationStore(db, sink);
    await store.open();
    return { db, store, sink };
  }

  it('commits in the writer thread and indexes in the index thread; a query finds every acknowledged row', async () => {
    const log = recordingLogger();
    const { db, store } = await storeWith(scripts, log);
    const stored = await Promise.all(
      Array.from({ length: 120 }, (_, i) => store.add(incomingJson(patientMessage(`MRN-${i}`, i % 2 === 0 ? 'potassium' : 'sodium')))),
    );
    expect(new Set(stored.map((s) => s.summary.id)).size).toBe(120);
    // Rows cross to the writer thread packed together: each is stored with its own body, and the
    // summary the receiver answers with is the row as it reads back.
    for (const [i, s] of stored.entries()) {
      const detail = store.get(s.summary.id);
      expect(detail?.body).toBe(patientMessage(`MRN-${i}`, i % 2 === 0 ? 'potassium' : 'sodium'));
      expect(store.summaries([s.summary.id])).toEqual([s.summary]);
    }
    // A repeated webhook-id is answered with the original, written once.
    const signed = { ...incomingJson(patientMessage('MRN-DUP')), webhookId: 'msg_dup' };
    const first = await store.add(signed);
    const again = await store.add(signed);
    expect(first.duplicate).toBe(false);
    expect(again).toEqual({ duplicate: true, summary: first.summary });
    await store.indexed();
    expect(store.list({ limit: 200, filter: { text: 'potassium' } }).items).toHaveLength(60);
    expect(store.list({ limit: 10, filter: { patient: { system: 'urn:mrn', value: 'MRN-7' } } }).items.map((i) => i.id)).toEqual([stored[7]?.summary.id]);
    // Neither thread fell back to this one.
    expect(log.warnings).toEqual([]);
    await store.close();
    db.close();
  });

  it('starts a new writer thread after one dies; what it had not answered fails instead of hanging', async () => {
    const log = recordingLogger();
    const { db, store, sink } = await storeWith(scripts, log);
    await store.add(incomingJson(patientMessage('MRN-G1', 'albumin')));
    const worker = (sink as unknown as { writerThread: { thread: { worker: { terminate(): Promise<number> } | null } } }).writerThread.thread.worker;
    const during = store.add(incomingJson(patientMessage('MRN-G2', 'albumin'))).then(
      () => 'stored',
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    );
    await worker?.terminate();
    // Either it was committed just before the thread ended, or its sender is told it was not stored.
    expect(await during).toMatch(/^stored$|could not be stored/);
    const after = await store.add(incomingJson(patientMessage('MRN-G3', 'albumin')));
    await store.indexed();
    expect(store.list({ limit: 10, filter: { patient: { value: 'MRN-G3' } } }).items.map((i) => i.id)).toEqual([after.summary.id]);
    // A restart, not a fallback to the main thread.
    expect(log.warnings).toEqual([]);
    await store.close();
    db.close();
  });

  it('writes and indexes on the main thread when the threads cannot start, losing nothing', async () => {
    const log = recordingLogger();
    const missing = { writer: join(build.path, 'no-such-writer.mjs'), indexer: join(build.path, 'no-such-indexer.mjs') };
    const { db, store } = await storeWith(missing, log);
    const stored = await Promise.all([1, 2, 3].map((i) => store.add(incomingJson(patientMessage(`MRN-F${i}`, 'glucose')))));
    await store.indexed();
    expect(store.list({ limit: 10, filter: { text: 'glucose' } }).items.map((i) => i.id).sort()).toEqual(stored.map((s) => s.summary.id).sort());
    expect([...log.warnings].sort()).toEqual([
      'notification index thread unavailable; indexing on the main thread',
      'notification writer thread unavailable; writing on the main thread',
    ]);
    await store.close();
    db.close();
  });

  it('applies retention in the writer thread, between its commits, and purges the index in the index thread', async () => {
    const db = openDatabase(dir.path);
    let deleted = 0;
    let trimmed: () => void = () => {};
    const done = new Promise<void>((resolve) => (trimmed = resolve));
    const sink = new ThreadedSink({ main: db, indexed: db }, dir.path, scripts, recordingLogger(), {
      options: { batchSize: 20, intervalMs: 50 },
      deleted: (n) => {
        deleted += n;
        if (deleted >= 151) trimmed();
      },
    });
    const store = new NotificationStore(db, sink);
    await store.open();
    await Promise.all(Array.from({ length: 200 }, (_, i) => store.add(incomingJson(patientMessage(`MRN-R${i}`, 'ferritin')))));
    const endpoints = new EndpointStore(db, Date.now);
    const endpoint = endpoints.get(1);
    if (!endpoint) throw new Error('missing endpoint');
    endpoints.save(1, { ...endpoint, retention: { maxAgeDays: null, maxCount: 50, maxBytes: null } });
    sink.retentionDue();
    // A sender's row is stored while retention works through the older ones.
    const during = await store.add(incomingJson(patientMessage('MRN-DURING', 'ferritin')));
    await done;
    await store.indexed();
    expect(deleted).toBe(151);
    expect(db.prepare('SELECT count, (SELECT count(*) FROM notifications) AS rows FROM notification_counts WHERE endpoint_id = 1').get()).toEqual({ count: 50, rows: 50 });
    expect(store.list({ limit: 1, filter: { text: 'ferritin' } })).toMatchObject({ total: 50, totalKind: 'exact' });
    expect(store.list({ limit: 10, filter: { patient: { value: 'MRN-DURING' } } }).items.map((i) => i.id)).toEqual([during.summary.id]);
    expect(db.prepare('SELECT count(DISTINCT notification_id) AS n FROM idx.notification_terms').get()).toEqual({ n: 50 });
    await store.close();
    db.close();
  });
});
