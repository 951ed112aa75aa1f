import type { DatabaseSync, SQLInputValue, SQLOutputValue, StatementSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/temp-dir';
import { openDatabase } from './database';
import { deleteNotifications, pruneTombstones, purgedThroughReader, type TombstoneTerm } from './notification-deletion';
import { NotificationStore } from './notification-store';
import { incomingJson, patientMessage } from './test-support/incoming';

/** Every row any statement prepared on `db` hands back to JavaScript while `run` runs. */
function rowsReadDuring(db: DatabaseSync, run: () => void): Record<string, unknown>[] {
  const seen: Record<string, unknown>[] = [];
  const prepare = db.prepare.bind(db);
  db.prepare = (sql: string) => {
    const statement = prepare(sql);
    const all = statement.all.bind(statement) as (...params: SQLInputValue[]) => Record<string, SQLOutputValue>[];
    statement.all = ((...params: SQLInputValue[]) => {
      const rows = all(...params);
      seen.push(...rows);
      return rows;
    }) as StatementSync['all'];
    return statement;
  };
  try {
    run();
  } finally {
    db.prepare = prepare;
  }
  return seen;
}

describe('deleting notifications', () => {
  const dir = tempDir();
  let db: DatabaseSync;
  let store: NotificationStore;
  beforeEach(() => {
    db = openDatabase(dir.path);
    store = new NotificationStore(db);
  });
  afterEach(async () => {
    await store.close();
    db.close();
    dir.remove();
  });

  const tombstoneTerms = () =>
    (db.prepare('SELECT terms_json FROM notification_tombstones').all() as { terms_json: string }[]).flatMap(
      (r) => JSON.parse(r.terms_json) as TombstoneTerm[],
    );

  it('reads the body only of rows whose facts were never derived, and tombstones the terms of both', () => {
    const [derived, legacy] = store.importBatch([incomingJson(patientMessage('MRN-D')), incomingJson(patientMessage('MRN-L'))]).map((s) => s.summary.id);
    // A row from before facts were derived at receipt: its terms can only come from its body.
    db.prepare('UPDATE notifications SET facts_version = 0, facts_json = NULL WHERE id = ?').run(legacy ?? 0);

    const read = rowsReadDuring(db, () => expect(deleteNotifications(db, [derived ?? 0, legacy ?? 0])).toBe(2));

    const bodies = read.filter((r) => r.body !== undefined).map((r) => [r.id, r.body === null ? null : 'bytes']);
    expect(bodies.sort()).toEqual([
      [derived, null],
      [legacy, 'bytes'],
    ]);
    const values = tombstoneTerms().map(([, value, , id]) => [id, value]);
    expect(values).toContainEqual([derived, 'MRN-D']);
    expect(values).toContainEqual([legacy, 'MRN-L']);
  });

  it('prunes only tombstones at or below the purge mark, and writes nothing when there are none', () => {
    const ids = store.importBatch([1, 2, 3].map((i) => incomingJson(patientMessage(`MRN-${i}`)))).map((s) => s.summary.id);
    for (const id of ids) deleteNotifications(db, [id]);
    expect(pruneTombstones(db, 0)).toBe(0);
    expect(pruneTombstones(db, 2)).toBe(2);
    expect(db.prepare('SELECT seq FROM notification_tombstones').all()).toEqual([{ seq: 3 }]);
    expect(pruneTombstones(db, 2)).toBe(0);
    // The index purges the last one (the inline store purges before a query); then it goes too.
    store.list({ limit: 1, filter: { text: 'MRN-1' } });
    expect(pruneTombstones(db, purgedThroughReader(db)())).toBe(1);
    expect(tombstoneTerms()).toEqual([]);
  });

  it("leaves deleted rows out of a text search's total before the index has purged them", async () => {
    const ids = store.importBatch([1, 2, 3].map((i) => incomingJson(patientMessage(`MRN-${i}`, 'ferritin')))).map((s) => s.summary.id);
    deleteNotifications(db, ids.slice(0, 2));
    // A store whose index is kept elsewhere (the index thread, not yet caught up): no purge before the query.
    const elsewhere = new NotificationStore(db, { add: () => Promise.reject(new Error('unused')), open: () => Promise.resolve(), indexed: () => Promise.resolve(), close: () => Promise.resolve(), retentionDue: () => {} });
    expect(db.prepare("SELECT count(*) AS n FROM notifications_fts WHERE notifications_fts MATCH 'ferritin'").get()).toEqual({ n: 3 });
    expect(elsewhere.list({ limit: 10, filter: { text: 'ferritin' } })).toMatchObject({ total: 1, totalKind: 'exact', items: [{ id: ids[2] }] });
    await elsewhere.close();
  });
});
