import type { DatabaseSync } from 'node:sqlite';

/** Told around each batch's transaction, before any of its promises resolve. */
export interface CommitHooks {
  /** Inside the transaction, after the batch's writes: last writes that belong to the batch. */
  beforeCommit?(): void;
  committed?(): void;
  rolledBack?(): void;
}

interface Pending<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Writes items in shared transactions: everything added while the previous commit was running goes
 * into the next one, so many concurrent requests pay for one fsync instead of one each.
 * A promise resolves only after the COMMIT that holds its item has returned.
 */
export class GroupCommitter<T, R> {
  private pending: Pending<T, R>[] = [];
  private scheduled = false;
  private closed = false;
  /** Batches committed (or rolled back) so far, and who waits for the next one (whenIdle). */
  private batches = 0;
  private batchWaiters: (() => void)[] = [];

  constructor(
    private readonly db: DatabaseSync,
    private readonly write: (item: T) => R,
    private readonly hooks: CommitHooks = {},
    private readonly maxBatch = 500,
  ) {}

  add(item: T): Promise<R> {
    if (this.closed) return Promise.reject(new Error('The store is closed.'));
    return new Promise<R>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      this.schedule();
    });
  }

  /** Commits whatever is waiting now; used on shutdown. */
  flush(): void {
    while (this.pending.length > 0) this.commitBatch();
  }

  close(): void {
    this.flush();
    this.closed = true;
  }

  /**
   * Resolves once nothing has waited to be committed for a whole event-loop turn, or once
   * `maxBatches` batches were committed while waiting. Other writes on this connection (retention)
   * go in the gaps this leaves: whatever arrives in that turn (a message from the receiver) is
   * committed first, while ingest that never pauses still lets one through every `maxBatches`.
   */
  async whenIdle(maxBatches = Number.POSITIVE_INFINITY): Promise<void> {
    const start = this.batches;
    for (;;) {
      // A turn of the event loop: requests already delivered to this thread are added first.
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (this.closed || this.pending.length === 0) return;
      if (this.batches - start >= maxBatches) return;
      await new Promise<void>((resolve) => this.batchWaiters.push(resolve));
    }
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // setImmediate runs after pending I/O callbacks, so requests that arrived together join the batch.
    setImmediate(() => {
      this.scheduled = false;
      this.commitBatch();
      if (this.pending.length > 0) this.schedule();
    });
  }

  private commitBatch(): void {
    const batch = this.pending.splice(0, this.maxBatch);
    if (batch.length === 0) return;
    try {
      this.commit(batch);
    } finally {
      this.batches++;
      const waiters = this.batchWaiters;
      this.batchWaiters = [];
      for (const wake of waiters) wake();
    }
  }

  private commit(batch: Pending<T, R>[]): void {
    const results: R[] = [];
    try {
      this.db.exec('BEGIN IMMEDIATE');
      for (const { item } of batch) results.push(this.write(item));
      this.hooks.beforeCommit?.();
      this.db.exec('COMMIT');
    } catch (error) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      this.hooks.rolledBack?.();
      for (const p of batch) p.reject(error);
      return;
    }
    this.hooks.committed?.();
    batch.forEach((p, i) => p.resolve(results[i] as R));
  }
}
