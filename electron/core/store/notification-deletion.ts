import type { DatabaseSync } from 'node:sqlite';
import { type FactsSource, factsOf } from './notification-indexer';
import { notificationTerms } from './notification-terms';

/** One lookup term of a deleted notification, as the index database keys it: kind, value, system, id. */
export type TombstoneTerm = [number, string, string, number];

/**
 * How far the index database has purged tombstones (see index-purger.ts). `schema` is where that
 * database is on this connection: 'idx' when attached, 'main' on a connection of its own.
 */
export function purgedThroughReader(db: DatabaseSync, schema: 'idx' | 'main' = 'idx'): () => number {
  const read = db.prepare(`SELECT purged_through AS seq FROM ${schema}.notification_index_progress WHERE singleton = 1`);
  return () => (read.get() as { seq: number } | undefined)?.seq ?? 0;
}

/**
 * Deletes a batch of notifications, their counts (and, by ON DELETE CASCADE, hydrations and
 * replays) in one short transaction of the main database only, so it takes no lock the index
 * thread holds. What the index database must drop for them goes in a tombstone in the same commit;
 * tombstones the index thread has already purged (`purgedThrough`) are pruned here.
 */
export function deleteNotifications(db: DatabaseSync, ids: readonly number[], purgedThrough: () => number = () => 0): number {
  if (ids.length === 0) return 0;
  const list = JSON.stringify(ids);
  // Read before the write lock is taken: another connection's short read, not a wait.
  const purged = purgedThrough();
  db.exec('BEGIN IMMEDIATE');
  try {
    const counts = db
      .prepare(
        `SELECT coalesce(endpoint_id, 0) AS endpoint, count(*) AS n, sum(size_bytes) AS bytes
         FROM main.notifications WHERE id IN (SELECT value FROM json_each(?)) GROUP BY 1`,
      )
      .all(list) as { endpoint: number; n: number; bytes: number }[];
    // A body is read only when its facts were never derived (rows from before facts_version 1,
    // not yet backfilled): the terms come from facts_json, and bodies may be megabytes each.
    const sources = db
      .prepare(
        `SELECT id, CASE WHEN facts_version = 0 THEN body END AS body, content_type, facts_json, facts_version
         FROM main.notifications WHERE id IN (SELECT value FROM json_each(?))`,
      )
      .all(list) as unknown as FactsSource[];
    const terms: TombstoneTerm[] = [];
    for (const row of sources) {
      const facts = factsOf(row);
      if (facts) for (const t of notificationTerms(facts)) terms.push([t.kind, t.value, t.system, row.id]);
    }
    db.prepare('INSERT INTO main.notification_tombstones (ids_json, terms_json) VALUES (?, ?)').run(
      JSON.stringify(sources.map((r) => r.id)),
      JSON.stringify(terms),
    );
    pruneTombstones(db, purged);
    const deleted = Number(db.prepare('DELETE FROM main.notifications WHERE id IN (SELECT value FROM json_each(?))').run(list).changes);
    const adjust = db.prepare('UPDATE main.notification_counts SET count = count - ?, bytes = bytes - ? WHERE endpoint_id = ?');
    for (const c of counts) adjust.run(c.n, c.bytes, c.endpoint);
    db.exec('COMMIT');
    return deleted;
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

/**
 * Drops the tombstones the index database has purged (`purgedThrough`): each holds the lookup
 * terms (patient identifiers) of deleted notifications, which must not outlive their purge. Reads
 * first, so when there is nothing to prune (the usual case) no write transaction is taken.
 * Returns how many went.
 */
export function pruneTombstones(db: DatabaseSync, purgedThrough: number): number {
  if (purgedThrough <= 0) return 0;
  const any = db.prepare('SELECT 1 AS found FROM main.notification_tombstones WHERE seq <= ? LIMIT 1').get(purgedThrough);
  if (any === undefined) return 0;
  return Number(db.prepare('DELETE FROM main.notification_tombstones WHERE seq <= ?').run(purgedThrough).changes);
}
