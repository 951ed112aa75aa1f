import type { DatabaseSync } from 'node:sqlite';
import type { Logger } from '../logger';
import type { EndpointStore } from './endpoint-store';
import { factsOf, type TermSource } from './notification-indexer';
import { notificationTerms } from './notification-terms';

/**
 * Deletes a batch of notifications and everything derived from them (lookup terms, FTS entries,
 * counts; hydrations and replays go by ON DELETE CASCADE) in one short transaction.
 */
export function deleteNotifications(db: DatabaseSync, ids: readonly number[]): number {
  if (ids.length === 0) return 0;
  const list = JSON.stringify(ids);
  db.exec('BEGIN IMMEDIATE');
  try {
    const counts = db
      .prepare(
        `SELECT coalesce(endpoint_id, 0) AS endpoint, count(*) AS n, sum(size_bytes) AS bytes
         FROM notifications WHERE id IN (SELECT value FROM json_each(?)) GROUP BY 1`,
      )
      .all(list) as { endpoint: number; n: number; bytes: number }[];
    const sources = db
      .prepare('SELECT id, body, content_type, facts_json, facts_version FROM notifications WHERE id IN (SELECT value FROM json_each(?))')
      .all(list) as unknown as TermSource[];
    const deleteTerm = db.prepare('DELETE FROM notification_terms WHERE kind = ? AND value = ? AND system = ? AND notification_id = ?');
    for (const row of sources) {
      const facts = factsOf(row);
      if (facts) for (const t of notificationTerms(facts)) deleteTerm.run(t.kind, t.value, t.system, row.id);
    }
    db.prepare('DELETE FROM notifications_fts WHERE rowid IN (SELECT value FROM json_each(?))').run(list);
    const deleted = Number(db.prepare('DELETE FROM notifications WHERE id IN (SELECT value FROM json_each(?))').run(list).changes);
    const adjust = db.prepare('UPDATE notification_counts SET count = count - ?, bytes = bytes - ? WHERE endpoint_id = ?');
    for (const c of counts) adjust.run(c.n, c.bytes, c.endpoint);
    db.exec('COMMIT');
    return deleted;
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

export interface RetentionOptions {
  /** Rows per transaction: small, so the receiver's commits are never held up for long. */
  batchSize?: number;
  /** Batches per run before yielding until the next run. */
  maxBatchesPerRun?: number;
  intervalMs?: number;
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * Applies each endpoint's optional age/count/size limits, oldest first, in small batches on a
 * timer. Between batches it yields to the event loop, so requests keep being answered.
 */
export class RetentionWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private stopped = false;
  private readonly batchSize: number;
  private readonly maxBatches: number;
  private readonly intervalMs: number;

  constructor(
    private readonly db: DatabaseSync,
    private readonly endpoints: EndpointStore,
    private readonly now: () => number,
    private readonly log: Logger,
    private readonly onDeleted: (count: number) => void,
    options: RetentionOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 200;
    this.maxBatches = options.maxBatchesPerRun ?? 50;
    this.intervalMs = options.intervalMs ?? 60_000;
  }

  start(): void {
    this.stopped = false;
    this.schedule(5_000);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One pass over every endpoint with limits; resolves with how many notifications went. */
  runOnce(): Promise<number> {
    this.running ??= this.pass().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.runOnce()
        .catch((error: unknown) => this.log.warn('retention: pass failed', { error: error instanceof Error ? error.name : 'unknown' }))
        .finally(() => this.schedule(this.intervalMs));
    }, delay);
    this.timer.unref();
  }

  private async pass(): Promise<number> {
    let total = 0;
    let batches = 0;
    for (const endpoint of this.endpoints.list()) {
      const { maxAgeDays, maxCount, maxBytes } = endpoint.retention;
      if (maxAgeDays === null && maxCount === null && maxBytes === null) continue;
      for (;;) {
        if (this.stopped || batches >= this.maxBatches) return this.finish(total);
        const ids = this.nextBatch(endpoint.id, maxAgeDays, maxCount, maxBytes);
        if (ids.length === 0) break;
        total += deleteNotifications(this.db, ids);
        batches++;
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
    return this.finish(total);
  }

  private finish(total: number): number {
    if (total > 0) {
      this.log.info('retention: deleted notifications', { count: total });
      this.onDeleted(total);
    }
    return total;
  }

  /** The oldest notifications of an endpoint that are past one of its limits. */
  private nextBatch(endpointId: number, maxAgeDays: number | null, maxCount: number | null, maxBytes: number | null): number[] {
    if (maxAgeDays !== null) {
      // Oldest first in arrival order, up to the first one young enough: one short index walk,
      // never a scan of every row looking for old ones.
      const cutoff = this.now() - maxAgeDays * DAY_MS;
      const rows = this.db
        .prepare('SELECT id, received_at FROM notifications WHERE endpoint_id = ? ORDER BY id LIMIT ?')
        .all(endpointId, this.batchSize) as { id: number; received_at: number }[];
      const young = rows.findIndex((r) => r.received_at >= cutoff);
      const old = young < 0 ? rows : rows.slice(0, young);
      if (old.length > 0) return old.map((r) => r.id);
    }
    const counts = this.db.prepare('SELECT count, bytes FROM notification_counts WHERE endpoint_id = ?').get(endpointId) as
      | { count: number; bytes: number }
      | undefined;
    if (!counts) return [];
    if (maxCount !== null && counts.count > maxCount) {
      const rows = this.db
        .prepare('SELECT id FROM notifications WHERE endpoint_id = ? ORDER BY id LIMIT ?')
        .all(endpointId, Math.min(this.batchSize, counts.count - maxCount)) as { id: number }[];
      return rows.map((r) => r.id);
    }
    if (maxBytes !== null && counts.bytes > maxBytes) {
      // Oldest first until enough bytes are freed (at most one batch).
      const rows = this.db
        .prepare('SELECT id, size_bytes FROM notifications WHERE endpoint_id = ? ORDER BY id LIMIT ?')
        .all(endpointId, this.batchSize) as { id: number; size_bytes: number }[];
      const ids: number[] = [];
      let excess = counts.bytes - maxBytes;
      for (const r of rows) {
        if (excess <= 0) break;
        ids.push(r.id);
        excess -= r.size_bytes;
      }
      return ids;
    }
    return [];
  }
}
