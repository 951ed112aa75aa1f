import { isUtf8 } from 'node:buffer';
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { deriveNotificationFacts } from '../../../shared/notifications/derive-facts';
import type { NotificationFacts } from '../../../shared/notifications/notification-facts';
import { parseNotificationBody } from '../receiver/parse-body';
import { IndexPurger, PURGE_CHUNK } from './index-purger';
import { notificationTerms } from './notification-terms';

/**
 * How long a wake-up waits for more rows to share the next chunk's transaction. The cost per row
 * falls with the chunk (FTS5 writes a segment per transaction; term pages are shared): measured
 * under sustained load, 47 µs per row at a 250 ms cadence, 37 µs at 1 s. Nothing waits on it: a
 * query first indexes whatever is still above the mark, so search results are never behind.
 */
const INDEX_DELAY_MS = 1_000;
/**
 * Rows per transaction at most (100 rows ~100 µs each, 2,000 ~55 µs, 10,000 ~37 µs). Only the
 * index thread ever takes the index database's lock, so a long chunk holds up no sender.
 */
const CHUNK = 10_000;
/** Bodies read per chunk at most: rows are read one by one, so a run of 10 MB bodies stays bounded. */
const CHUNK_BYTES = 32 * 1024 * 1024;


/** What the indexer and retention read of a stored notification to know its lookup terms. */
export interface TermSource {
  id: number;
  body: Uint8Array;
  content_type: string | null;
  facts_json: string | null;
  facts_version: number;
}

/**
 * Writes the lookup terms and FTS entries of stored notifications into the index database, in id
 * order, from the rows themselves: whatever is above the high-water mark is indexed next, so a
 * crash, a power loss or a new index file all end the same way (caught up at the next chance).
 * Its transactions write only the index database, so they never take the lock the receiver's
 * durable commits need. It also removes what retention deleted (IndexPurger), before indexing
 * anything new. Runs in the index thread, or on the main thread when that cannot start.
 */
export class NotificationIndexer {
  private timer: NodeJS.Timeout | null = null;
  private chunkDue = false;
  private readonly claim: StatementSync;
  private readonly mark: StatementSync;
  private readonly rowsAbove: StatementSync;
  private readonly advance: StatementSync;
  private readonly newest: StatementSync;
  private readonly insertTerm: StatementSync;
  private readonly insertFts: StatementSync;
  private readonly purger: IndexPurger;

  constructor(
    private readonly db: DatabaseSync,
    private readonly chunkBytes = CHUNK_BYTES,
  ) {
    this.purger = new IndexPurger(db);
    // A no-op write first: it takes the index database's write lock before anything is read, so
    // the snapshot read next cannot go stale before this transaction writes.
    this.claim = db.prepare('UPDATE idx.notification_index_progress SET indexed_through = indexed_through WHERE singleton = 1');
    this.mark = db.prepare('SELECT indexed_through AS mark FROM idx.notification_index_progress WHERE singleton = 1');
    this.rowsAbove = db.prepare('SELECT id, body, content_type, facts_json, facts_version FROM main.notifications WHERE id > ? ORDER BY id LIMIT ?');
    this.advance = db.prepare('UPDATE idx.notification_index_progress SET indexed_through = ? WHERE singleton = 1');
    this.newest = db.prepare('SELECT coalesce(max(id), 0) AS id FROM main.notifications');
    this.insertTerm = db.prepare('INSERT OR IGNORE INTO idx.notification_terms (kind, value, system, notification_id) VALUES (?, ?, ?, ?)');
    this.insertFts = db.prepare('INSERT INTO idx.notifications_fts (rowid, body) VALUES (?, CAST(? AS TEXT))');
  }

  /** New rows were committed (or deleted): index (or purge) them shortly, with whatever else arrives meanwhile. */
  wake(): void {
    if (this.timer || this.chunkDue) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.step();
    }, INDEX_DELAY_MS);
    this.timer.unref();
  }

  /** Indexes everything stored so far, now (before a query, so it finds what was just received). */
  indexAll(): number {
    this.purger.purgeAll();
    let total = 0;
    for (;;) {
      const chunk = this.indexChunk();
      total += chunk.indexed;
      if (!chunk.more) return total;
    }
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Indexes up to CHUNK rows (and CHUNK_BYTES of bodies) above the mark in one transaction. */
  indexChunk(): { indexed: number; more: boolean } {
    if (this.db.isTransaction) return { indexed: 0, more: false };
    // Nothing new (the usual case when a query asks): no write transaction at all.
    if ((this.newest.get() as { id: number }).id <= (this.mark.get() as { mark: number }).mark) return { indexed: 0, more: false };
    this.db.exec('BEGIN');
    try {
      this.claim.run();
      const { mark } = this.mark.get() as { mark: number };
      let indexed = 0;
      let bytes = 0;
      let last = mark;
      let more = false;
      for (const row of this.rowsAbove.iterate(mark, CHUNK) as IterableIterator<TermSource>) {
        const facts = factsOf(row);
        if (facts) for (const t of notificationTerms(facts)) this.insertTerm.run(t.kind, t.value, t.system, row.id);
        // Only a body that is valid UTF-8 (a binary one would index noise), as its bytes cast to
        // TEXT in SQL: decoding it to a JS string for node:sqlite to encode back cost more than
        // the rest of reading the row.
        if (isUtf8(row.body)) this.insertFts.run(row.id, row.body);
        indexed += 1;
        last = row.id;
        bytes += row.body.byteLength;
        // Leaving the loop early finishes the statement (the iterator's return()).
        if (bytes >= this.chunkBytes) {
          more = true;
          break;
        }
      }
      if (indexed > 0) this.advance.run(last);
      this.db.exec('COMMIT');
      return { indexed, more: more || indexed >= CHUNK };
    } catch (error) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
  }

  /** One chunk now; while chunks come back full, the next one after whatever else waits on this thread. */
  private step(): void {
    let more: boolean;
    try {
      const purged = this.purger.purgeChunk();
      more = this.indexChunk().more || purged >= PURGE_CHUNK;
    } catch {
      // Busy or failing: try again later; a query's indexAll reports errors.
      this.wake();
      return;
    }
    if (!more) return;
    this.chunkDue = true;
    setImmediate(() => {
      this.chunkDue = false;
      this.step();
    });
  }
}

/** What factsOf needs: the body only of a row whose facts were never derived (facts_version 0). */
export type FactsSource = Omit<TermSource, 'body'> & { body: Uint8Array | null };

/** Rows from before facts were derived at receipt (facts_version 0) are derived here for their terms. */
export function factsOf(row: FactsSource): NotificationFacts | null {
  if (row.facts_version > 0) return row.facts_json === null ? null : (JSON.parse(row.facts_json) as NotificationFacts);
  if (row.body === null) return null;
  const parsed = parseNotificationBody(row.body, row.content_type);
  return parsed.status === 'ok' ? deriveNotificationFacts(parsed.json) : null;
}
