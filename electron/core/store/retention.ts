import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { EndpointRetention } from '../../../shared/contract';
import type { Logger } from '../logger';
import { deleteNotifications, pruneTombstones, purgedThroughReader } from './notification-deletion';

/** Plain numbers only: they are handed to the writer thread as they are. */
export interface RetentionOptions {
  /** Rows per transaction at most: small, so a notification arriving meanwhile waits for at most one batch. */
  batchSize?: number;
  /** Body bytes per transaction at most (at least one row): freeing large bodies is disk work too. */
  batchBytes?: number;
  /** How often to look for work when the last pass found none. */
  intervalMs?: number;
  /** How often a long pass reports what it deleted so far (counts in the UI, the index purge). */
  reportIntervalMs?: number;
}

/** The endpoints whose limits retention applies (EndpointStore). */
export interface RetentionEndpoints {
  list(): readonly { id: number; retention: EndpointRetention }[];
}

/** The receiver's writer on the same connection (NotificationWriter): retention goes in its gaps. */
export interface RetentionIngest {
  whenIdle(maxCommits: number): Promise<void>;
}

/** What retention reads from elsewhere: the index database's purge mark, the writer it gives way to. */
export interface RetentionLinks {
  /** The index database's purge mark (notification-deletion.ts); by default read from `idx` on `db`. */
  purgedThrough?: () => number;
  /** Without it (tests, no writer on this connection), retention only yields a turn between batches. */
  ingest?: RetentionIngest;
}

const DAY_MS = 24 * 3600 * 1000;
const FIRST_PASS_DELAY_MS = 2_000;
/**
 * Under ingest that never pauses, a batch still goes after this many group commits: the receiver
 * pays at most one extra fsync in this many, and an endpoint over its limit is still trimmed.
 */
export const COMMITS_PER_BATCH_UNDER_LOAD = 8;

/**
 * Applies each endpoint's optional age/count/size limits, oldest first, in small batches (rows and
 * bytes), for as long as there is work. Each batch is one short transaction, and on the writer
 * thread (notification-writer.worker.ts) it starts only when no received notification is waiting
 * for its commit: arrivals always go first, a sender never waits behind more than the one batch
 * already running, and an idle receiver lets a backlog be worked through at disk speed.
 * Each pass first prunes the tombstones the index thread has purged (they name patients).
 */
export class RetentionWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private again = false;
  private stopped = false;
  private readonly batchSize: number;
  private readonly batchBytes: number;
  private readonly intervalMs: number;
  private readonly reportIntervalMs: number;
  private readonly purgedThrough: () => number;
  private readonly ingest: RetentionIngest | null;
  private readonly oldest: StatementSync;
  private readonly counts: StatementSync;

  constructor(
    private readonly db: DatabaseSync,
    private readonly endpoints: RetentionEndpoints,
    private readonly now: () => number,
    private readonly log: Logger,
    /** Notifications were deleted: at the end of a pass, and every reportIntervalMs during a long one. */
    private readonly onDeleted: (count: number) => void,
    options: RetentionOptions = {},
    links: RetentionLinks = {},
  ) {
    this.batchSize = options.batchSize ?? 100;
    this.batchBytes = options.batchBytes ?? 4 * 1024 * 1024;
    this.intervalMs = options.intervalMs ?? 10_000;
    this.reportIntervalMs = options.reportIntervalMs ?? 1_000;
    this.purgedThrough = links.purgedThrough ?? purgedThroughReader(db);
    this.ingest = links.ingest ?? null;
    this.oldest = db.prepare('SELECT id, received_at, size_bytes FROM main.notifications WHERE endpoint_id = ? ORDER BY id LIMIT ?');
    this.counts = db.prepare('SELECT count, bytes FROM main.notification_counts WHERE endpoint_id = ?');
  }

  start(): void {
    this.stopped = false;
    // What was purged before the last shutdown goes now, not after the first deletion.
    try {
      this.prune();
    } catch (error) {
      this.log.warn('retention: pruning tombstones failed', { error: error instanceof Error ? error.name : 'unknown' });
    }
    this.schedule(FIRST_PASS_DELAY_MS);
  }

  /** Stops between batches (a batch is never left half done: each is one transaction). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running?.catch(() => 0);
  }

  /** Limits changed: a pass now rather than at the next interval (after the current one, if running). */
  runSoon(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.schedule(0);
  }

  /** One pass over every endpoint with limits, until none is over them; resolves with how many notifications went. */
  runOnce(): Promise<number> {
    this.running ??= this.pass().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private schedule(delay: number): void {
    if (this.stopped || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.runOnce()
        .catch((error: unknown) => this.log.warn('retention: pass failed', { error: error instanceof Error ? error.name : 'unknown' }))
        .finally(() => {
          const again = this.again;
          this.again = false;
          this.schedule(again ? 0 : this.intervalMs);
        });
    }, delay);
    this.timer.unref();
  }

  private async pass(): Promise<number> {
    let total = 0;
    let unreported = 0;
    let reportedAt = this.now();
    const report = () => {
      if (unreported > 0) this.onDeleted(unreported);
      unreported = 0;
      reportedAt = this.now();
    };
    try {
      await this.turn();
      if (this.stopped) return total;
      // Even when nothing is over a limit: purged tombstones must not keep patients' identifiers.
      this.prune();
      for (const endpoint of this.endpoints.list()) {
        const { maxAgeDays, maxCount, maxBytes } = endpoint.retention;
        if (maxAgeDays === null && maxCount === null && maxBytes === null) continue;
        for (;;) {
          // Arrivals waiting for their commit (and anything else queued on this thread) go first.
          await this.turn();
          if (this.stopped) return total;
          const ids = this.nextBatch(endpoint.id, maxAgeDays, maxCount, maxBytes);
          if (ids.length === 0) break;
          const deleted = deleteNotifications(this.db, ids, this.purgedThrough);
          total += deleted;
          unreported += deleted;
          if (this.now() - reportedAt >= this.reportIntervalMs) report();
        }
      }
      return total;
    } finally {
      if (total > 0) this.log.info('retention: deleted notifications', { count: total });
      report();
    }
  }

  private turn(): Promise<void> {
    if (this.ingest) return this.ingest.whenIdle(COMMITS_PER_BATCH_UNDER_LOAD);
    return new Promise<void>((resolve) => setImmediate(resolve));
  }

  private prune(): void {
    pruneTombstones(this.db, this.purgedThrough());
  }

  /** The oldest rows first, as many as fit in one batch's bytes (at least one, however large). */
  private withinBytes<R extends { size_bytes: number }>(rows: readonly R[]): R[] {
    let bytes = 0;
    const kept: R[] = [];
    for (const r of rows) {
      bytes += r.size_bytes;
      if (kept.length > 0 && bytes > this.batchBytes) break;
      kept.push(r);
    }
    return kept;
  }

  /** The oldest notifications of an endpoint that are past one of its limits, within one batch's rows and bytes. */
  private nextBatch(endpointId: number, maxAgeDays: number | null, maxCount: number | null, maxBytes: number | null): number[] {
    type Oldest = { id: number; received_at: number; size_bytes: number };
    if (maxAgeDays !== null) {
      // Oldest first in arrival order, up to the first one young enough: one short index walk,
      // never a scan of every row looking for old ones.
      const cutoff = this.now() - maxAgeDays * DAY_MS;
      const rows = this.oldest.all(endpointId, this.batchSize) as Oldest[];
      const young = rows.findIndex((r) => r.received_at >= cutoff);
      const old = young < 0 ? rows : rows.slice(0, young);
      if (old.length > 0) return this.withinBytes(old).map((r) => r.id);
    }
    const counts = this.counts.get(endpointId) as { count: number; bytes: number } | undefined;
    if (!counts) return [];
    if (maxCount !== null && counts.count > maxCount) {
      const rows = this.oldest.all(endpointId, Math.min(this.batchSize, counts.count - maxCount)) as Oldest[];
      return this.withinBytes(rows).map((r) => r.id);
    }
    if (maxBytes !== null && counts.bytes > maxBytes) {
      // Oldest first until enough bytes are freed (at most one batch).
      const rows = this.withinBytes(this.oldest.all(endpointId, this.batchSize) as Oldest[]);
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
