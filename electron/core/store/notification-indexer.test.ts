import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/temp-dir';
import { INDEX_DATABASE_FILE, openDatabase } from './database';
import { NotificationIndexer } from './notification-indexer';
import { NotificationStore } from './notification-store';
import { NotificationWriter } from './notification-writer';
import { incomingJson, patientMessage } from './test-support/incoming';

const idsOf = (page: { items: { id: number }[] }) => page.items.map((i) => i.id);

describe('the notification indexer', () => {
  const dir = tempDir();
  afterEach(() => dir.remove());

  it('indexes what a crash left above the high-water mark before the next query', async () => {
    const db = openDatabase(dir.path);
    // A writer with nothing indexing behind it: as if the process died right after its commits.
    const writer = new NotificationWriter(db);
    const a = await writer.add(incomingJson(patientMessage('MRN-A', 'potassium')));
    const b = await writer.add(incomingJson(patientMessage('MRN-B', 'sodium')));
    expect(db.prepare('SELECT count(*) AS n FROM notification_terms').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT indexed_through AS mark FROM idx.notification_index_progress').get()).toEqual({ mark: 0 });

    const store = new NotificationStore(db);
    expect(idsOf(store.list({ limit: 10, filter: { patient: { value: 'MRN-B' } } }))).toEqual([b.summary.id]);
    expect(idsOf(store.list({ limit: 10, filter: { text: 'potassium' } }))).toEqual([a.summary.id]);
    expect(db.prepare('SELECT indexed_through AS mark FROM idx.notification_index_progress').get()).toEqual({ mark: b.summary.id });
    await store.close();
    db.close();
  });

  it('rebuilds a missing index file from the stored notifications', async () => {
    const first = openDatabase(dir.path);
    const store = new NotificationStore(first);
    const stored = await store.add(incomingJson(patientMessage('MRN-C', 'troponin')));
    expect(idsOf(store.list({ limit: 10, filter: { text: 'troponin' } }))).toEqual([stored.summary.id]);
    await store.close();
    first.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(dir.path, `${INDEX_DATABASE_FILE}${suffix}`), { force: true });

    const db = openDatabase(dir.path);
    const reopened = new NotificationStore(db);
    expect(idsOf(reopened.list({ limit: 10, filter: { text: 'troponin' } }))).toEqual([stored.summary.id]);
    expect(idsOf(reopened.list({ limit: 10, filter: { patient: { system: 'urn:mrn', value: 'MRN-C' } } }))).toEqual([stored.summary.id]);
    await reopened.close();
    db.close();
  });

  it('skips a row deleted before it was indexed, and moves the mark past it', async () => {
    const db = openDatabase(dir.path);
    const writer = new NotificationWriter(db);
    const gone = await writer.add(incomingJson(patientMessage('MRN-D', 'ferritin')));
    const kept = await writer.add(incomingJson(patientMessage('MRN-E', 'ferritin')));
    db.prepare('DELETE FROM notifications WHERE id = ?').run(gone.summary.id);

    const store = new NotificationStore(db);
    expect(idsOf(store.list({ limit: 10, filter: { text: 'ferritin' } }))).toEqual([kept.summary.id]);
    expect(db.prepare('SELECT count(*) AS n FROM notification_terms WHERE notification_id = ?').get(gone.summary.id)).toEqual({ n: 0 });
    expect(db.prepare('SELECT indexed_through AS mark FROM idx.notification_index_progress').get()).toEqual({ mark: kept.summary.id });
    await store.close();
    db.close();
  });

  it('reads bodies up to a byte budget per transaction, so a run of large bodies stays bounded, and still indexes them all', async () => {
    const db = openDatabase(dir.path);
    const writer = new NotificationWriter(db);
    const big = 'x'.repeat(40_000);
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) ids.push((await writer.add(incomingJson(patientMessage(`MRN-${i}`, `glucose ${big}`)))).summary.id);
    const indexer = new NotificationIndexer(db, 100_000);
    // Three bodies of ~40 KB pass 100 KB: the chunk stops there and says more is waiting.
    expect(indexer.indexChunk()).toEqual({ indexed: 3, more: true });
    expect(db.prepare('SELECT indexed_through AS mark FROM idx.notification_index_progress').get()).toEqual({ mark: ids[2] });
    expect(indexer.indexAll()).toBe(2);
    const store = new NotificationStore(db);
    expect(idsOf(store.list({ limit: 10, filter: { text: 'glucose' } }))).toEqual([...ids].reverse());
    await store.close();
    db.close();
  });
});
