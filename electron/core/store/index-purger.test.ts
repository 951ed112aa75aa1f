import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/temp-dir';
import { openDatabase } from './database';
import { deleteNotifications, purgedThroughReader } from './notification-deletion';
import { NotificationStore } from './notification-store';
import { incomingJson, patientMessage } from './test-support/incoming';

describe('the index purger', () => {
  const dir = tempDir();
  afterEach(() => dir.remove());

  const count = (db: ReturnType<typeof openDatabase>, sql: string) => (db.prepare(sql).get() as { n: number }).n;

  it('finishes after a restart what a crash between the deletion and the purge left', async () => {
    const first = openDatabase(dir.path);
    const store = new NotificationStore(first);
    const rows = store.importBatch([1, 2, 3].map((i) => incomingJson(patientMessage(`MRN-${i}`, 'troponin'))));
    const [a, b] = rows.map((r) => r.summary.id);
    // The writer's commit, then the process dies before the index thread has purged anything.
    expect(deleteNotifications(first, [a ?? 0, b ?? 0])).toBe(2);
    expect(count(first, 'SELECT count AS n FROM notification_counts WHERE endpoint_id = 1')).toBe(1);
    expect(count(first, `SELECT count(*) AS n FROM idx.notification_terms WHERE notification_id IN (${a}, ${b})`)).toBeGreaterThan(0);
    await store.close();
    first.close();

    const db = openDatabase(dir.path);
    const reopened = new NotificationStore(db);
    // The next query purges first: no stale terms, FTS hits or counts.
    expect(reopened.list({ limit: 10, filter: { text: 'troponin' } })).toMatchObject({ total: 1, totalKind: 'exact' });
    expect(reopened.list({ limit: 10, filter: { patient: { value: 'MRN-1' } } }).items).toEqual([]);
    expect(count(db, `SELECT count(*) AS n FROM idx.notification_terms WHERE notification_id IN (${a}, ${b})`)).toBe(0);
    expect(count(db, 'SELECT count(*) AS n FROM idx.notifications_fts')).toBe(1);
    expect(purgedThroughReader(db)()).toBe(1);
    await reopened.close();
    db.close();
  });

  it('purges again harmlessly if its mark was lost, and the next deletion prunes purged tombstones', () => {
    const db = openDatabase(dir.path);
    const store = new NotificationStore(db);
    const ids = store.importBatch([1, 2, 3].map((i) => incomingJson(patientMessage(`MRN-${i}`, 'lactate')))).map((r) => r.summary.id);
    deleteNotifications(db, [ids[0] ?? 0], purgedThroughReader(db));
    expect(store.list({ limit: 10, filter: { text: 'lactate' } }).total).toBe(2);
    // As if the index database lost its last commit: the tombstone is purged a second time.
    db.exec('UPDATE idx.notification_index_progress SET purged_through = 0');
    expect(store.list({ limit: 10, filter: { text: 'lactate' } }).total).toBe(2);
    expect(purgedThroughReader(db)()).toBe(1);
    deleteNotifications(db, [ids[1] ?? 0], purgedThroughReader(db));
    expect(db.prepare('SELECT seq FROM notification_tombstones').all()).toEqual([{ seq: 2 }]);
    expect(store.list({ limit: 10, filter: { text: 'lactate' } }).items.map((i) => i.id)).toEqual([ids[2]]);
    db.close();
  });
});
