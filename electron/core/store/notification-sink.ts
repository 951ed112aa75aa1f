import type { DatabaseSync } from 'node:sqlite';
import type { Logger } from '../logger';
import { EndpointStore } from './endpoint-store';
import { IndexThread } from './index-thread';
import { purgedThroughReader } from './notification-deletion';
import { NotificationIndexer } from './notification-indexer';
import type { IncomingNotification, StoredNotification } from './notification-types';
import { NotificationWriter } from './notification-writer';
import { type RetentionOptions, RetentionWorker } from './retention';
import type { StoreThreadScripts } from './store-thread-scripts';
import { WriterThread } from './writer-thread';

/** Where the receiver's notifications are written and indexed. */
export interface NotificationSink {
  /** Resolves once the row is committed durably (synchronous=FULL), with its summary. */
  add(notification: IncomingNotification): Promise<StoredNotification>;
  /** Starts writing and indexing (indexing first catches up with what a crash left). */
  open(): Promise<void>;
  /** Resolves once every row acknowledged so far has its lookup terms and FTS entry. */
  indexed(): Promise<void>;
  /** Commits whatever is queued, then refuses more. */
  close(): Promise<void>;
  /** Retention limits changed: a retention pass now, wherever the writer runs. */
  retentionDue(): void;
}

/** How the writer's retention runs (retention.ts). */
export interface SinkRetention {
  options?: RetentionOptions;
  /** The core's clock (retention by age). */
  now?: () => number;
  /** Retention deleted notifications: endpoint counts changed. */
  deleted?: (count: number) => void;
}

/**
 * Writer and indexer on the caller's connection and thread: tests, imports, and the app without
 * store threads. Given a logger for it, retention runs here too, in the writer's gaps; without
 * one (tests, imports) there is none.
 */
export class InlineSink implements NotificationSink {
  readonly indexer: NotificationIndexer;
  readonly writer: NotificationWriter;
  private readonly retention: RetentionWorker | null;

  constructor(db: DatabaseSync, retention?: SinkRetention & { log: Logger }) {
    this.indexer = new NotificationIndexer(db);
    this.writer = new NotificationWriter(db, () => this.indexer.wake());
    if (retention) {
      const now = retention.now ?? Date.now;
      // The indexer purges the deleted rows' index entries before its next query.
      this.retention = new RetentionWorker(db, new EndpointStore(db, now), now, retention.log, retention.deleted ?? (() => {}), retention.options, {
        ingest: this.writer,
      });
    } else {
      this.retention = null;
    }
  }

  add(notification: IncomingNotification): Promise<StoredNotification> {
    return this.writer.add(notification);
  }

  open(): Promise<void> {
    this.indexer.wake();
    this.retention?.start();
    return Promise.resolve();
  }

  indexed(): Promise<void> {
    this.indexer.indexAll();
    return Promise.resolve();
  }

  retentionDue(): void {
    this.retention?.runSoon();
  }

  async close(): Promise<void> {
    // Between two retention batches: none is ever left open.
    await this.retention?.stop();
    this.writer.close();
    this.indexer.stop();
  }
}

/**
 * The app's sink: durable commits (and retention's deletions between them) in the writer thread,
 * indexing (and purging what retention deleted) in the index thread, each with its own
 * connection, so neither the fsync of a commit nor the indexing runs on the event loop that reads
 * requests. A thread that cannot start at all (its script missing from a package, a platform
 * without worker support) is replaced by the same code on the main connection: slower under load,
 * nothing lost; a warning says so.
 */
export class ThreadedSink implements NotificationSink {
  private readonly writerThread: WriterThread;
  private readonly indexThread: IndexThread;
  private inlineWriter: NotificationWriter | null = null;
  private inlineRetention: RetentionWorker | null = null;
  private inlineIndexer: NotificationIndexer | null = null;
  private closed = false;

  constructor(
    /** For the fallbacks: `main` without the index database attached (the writer's), `indexed` with it. */
    private readonly db: { main: DatabaseSync; indexed: DatabaseSync },
    dataDir: string,
    scripts: StoreThreadScripts,
    private readonly log: Logger,
    private readonly retention: SinkRetention = {},
  ) {
    const now = retention.now ?? Date.now;
    const data = { dataDir, clockOffsetMs: now() - Date.now(), ...(retention.options ? { retention: retention.options } : {}) };
    this.writerThread = new WriterThread(scripts.writer, data, {
      committed: () => this.wakeIndexer(),
      retained: (deleted) => this.retained(deleted),
      log: (line) => this.log[line.level](line.message, line.fields),
      unavailable: (error, waiting) => {
        const writer = this.fallBackWriter(error);
        for (const w of waiting) writer.add(w.notification).then(w.resolve, w.reject);
      },
    });
    this.indexThread = new IndexThread(scripts.indexer, { dataDir }, (error, started) => {
      if (!started && !this.closed) this.fallBackIndexer(error);
    });
  }

  async open(): Promise<void> {
    await Promise.all([this.writerThread.start(), this.indexThread.start()]);
  }

  add(notification: IncomingNotification): Promise<StoredNotification> {
    if (this.closed) return Promise.reject(new Error('The store is closed.'));
    return this.inlineWriter ? this.inlineWriter.add(notification) : this.writerThread.add(notification);
  }

  retentionDue(): void {
    if (this.closed) return;
    if (this.inlineRetention) this.inlineRetention.runSoon();
    else this.writerThread.retentionDue();
  }

  indexed(): Promise<void> {
    if (this.inlineIndexer) {
      this.inlineIndexer.indexAll();
      return Promise.resolve();
    }
    return this.indexThread.indexed();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.inlineRetention?.stop();
    if (this.inlineWriter) this.inlineWriter.close();
    else await this.writerThread.close();
    this.inlineIndexer?.stop();
    await this.indexThread.close();
  }

  private wakeIndexer(): void {
    if (this.inlineIndexer) this.inlineIndexer.wake();
    else if (!this.closed) this.indexThread.wake();
  }

  private retained(deleted: number): void {
    this.wakeIndexer();
    this.retention.deleted?.(deleted);
  }

  private fallBackWriter(error: Error): NotificationWriter {
    this.log.warn('notification writer thread unavailable; writing on the main thread', { error: error.message });
    if (!this.inlineWriter) {
      this.inlineWriter = new NotificationWriter(this.db.main, () => this.wakeIndexer());
      const now = this.retention.now ?? Date.now;
      this.inlineRetention = new RetentionWorker(
        this.db.main,
        new EndpointStore(this.db.main, now),
        now,
        this.log,
        (deleted) => this.retained(deleted),
        this.retention.options,
        { purgedThrough: purgedThroughReader(this.db.indexed), ingest: this.inlineWriter },
      );
      if (!this.closed) this.inlineRetention.start();
    }
    return this.inlineWriter;
  }

  private fallBackIndexer(error: Error): void {
    this.log.warn('notification index thread unavailable; indexing on the main thread', { error: error.message });
    this.inlineIndexer ??= new NotificationIndexer(this.db.indexed);
    this.inlineIndexer.wake();
  }
}
