import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { purgedThroughReader, type TombstoneTerm } from './notification-deletion';

/** Tombstones per transaction at most (each is one retention batch: a few hundred rows). */
export const PURGE_CHUNK = 20;

/**
 * Removes from the index database what deleted notifications left there (lookup terms, FTS
 * entries), from the tombstones retention writes in the deletion's own commit
 * (notification-deletion.ts). Like the indexer, it works from a high-water mark kept in the index
 * database, so a crash anywhere is finished at the next chance. On the indexer's connection and
 * thread (the index database's one writer).
 */
export class IndexPurger {
  private readonly claim: StatementSync;
  private readonly mark: () => number;
  private readonly newest: StatementSync;
  private readonly tombstonesAbove: StatementSync;
  private readonly advance: StatementSync;
  private readonly deleteTerm: StatementSync;
  private readonly deleteFts: StatementSync;

  constructor(private readonly db: DatabaseSync) {
    this.claim = db.prepare('UPDATE idx.notification_index_progress SET purged_through = purged_through WHERE singleton = 1');
    this.mark = purgedThroughReader(db);
    this.newest = db.prepare('SELECT coalesce(max(seq), 0) AS seq FROM main.notification_tombstones');
    this.tombstonesAbove = db.prepare('SELECT seq, ids_json, terms_json FROM main.notification_tombstones WHERE seq > ? ORDER BY seq LIMIT ?');
    this.advance = db.prepare('UPDATE idx.notification_index_progress SET purged_through = ? WHERE singleton = 1');
    this.deleteTerm = db.prepare('DELETE FROM idx.notification_terms WHERE kind = ? AND value = ? AND system = ? AND notification_id = ?');
    this.deleteFts = db.prepare('DELETE FROM idx.notifications_fts WHERE rowid IN (SELECT value FROM json_each(?))');
  }

  /** Purges every tombstone above the mark; returns how many tombstones. */
  purgeAll(): number {
    let total = 0;
    for (;;) {
      const n = this.purgeChunk();
      total += n;
      if (n < PURGE_CHUNK) return total;
    }
  }

  /** Up to PURGE_CHUNK tombstones in one transaction; returns how many. */
  purgeChunk(): number {
    if (this.db.isTransaction) return 0;
    // Nothing deleted since (the usual case): no write transaction at all.
    if ((this.newest.get() as { seq: number }).seq <= this.mark()) return 0;
    // The writer thread prunes tombstones as soon as it reads a mark past them: that mark must not
    // be lost to a power cut (the index database is otherwise synchronous=NORMAL), or the terms it
    // covers would come back with nothing left to remove them.
    this.db.exec('PRAGMA idx.synchronous = FULL');
    try {
      this.db.exec('BEGIN');
      try {
        this.claim.run();
        const mark = this.mark();
        const rows = this.tombstonesAbove.all(mark, PURGE_CHUNK) as { seq: number; ids_json: string; terms_json: string }[];
        for (const row of rows) {
          for (const [kind, value, system, id] of JSON.parse(row.terms_json) as TombstoneTerm[]) this.deleteTerm.run(kind, value, system, id);
          this.deleteFts.run(row.ids_json);
        }
        if (rows.length > 0) this.advance.run(rows.at(-1)?.seq ?? mark);
        this.db.exec('COMMIT');
        return rows.length;
      } catch (error) {
        if (this.db.isTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    } finally {
      this.db.exec('PRAGMA idx.synchronous = NORMAL');
    }
  }
}
