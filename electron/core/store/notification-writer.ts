import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { NotificationSummary } from '../../../shared/contract';
import { GroupCommitter } from './group-committer';
import {
  COLUMN,
  INSERTED_COLUMNS,
  type NotificationInsert,
  notificationInsert,
  notificationRow,
  storedNotification,
  type WrittenRow,
} from './notification-row';
import { type SummaryRow, summaryColumns, toSummary } from './notification-rows';
import type { IncomingNotification, StoredNotification } from './notification-types';
import { SubscriptionStateStore } from './subscription-state-store';

/**
 * The one writer of received notifications: each row with its facts, counts and subscription gap
 * state, in a group commit (durable when `add` resolves). Lookup terms and the FTS entry are the
 * indexer's (notification-indexer.ts), told through `committed`. It runs wherever its connection
 * lives: in the writer thread (notification-writer.worker.ts), or on the main thread (tests,
 * imports, and when the thread cannot start).
 */
export class NotificationWriter {
  private readonly insert: StatementSync;
  private readonly addCount: StatementSync;
  /** Rows written in the open transaction, per endpoint (written just before its COMMIT). */
  private readonly batchCounts = new Map<number, { count: number; bytes: number }>();
  private readonly byWebhookId: StatementSync;
  private readonly selectSummary: StatementSync;
  private readonly committer: GroupCommitter<NotificationInsert, WrittenRow>;
  private readonly subscriptions: SubscriptionStateStore;
  /** The latest receipt time written: later rows never get an earlier one (see write). */
  private lastReceivedAt: number;

  constructor(
    private readonly db: DatabaseSync,
    /** After each commit of new rows (a cue for the indexer). */
    private readonly committed: () => void = () => {},
  ) {
    this.insert = db.prepare(
      `INSERT INTO notifications (${INSERTED_COLUMNS.join(', ')}) VALUES (${INSERTED_COLUMNS.map(() => '?').join(', ')})`,
    );
    this.addCount = db.prepare(`
      INSERT INTO notification_counts (endpoint_id, count, bytes) VALUES (?, ?, ?)
      ON CONFLICT (endpoint_id) DO UPDATE SET count = count + excluded.count, bytes = bytes + excluded.bytes`);
    this.byWebhookId = db.prepare('SELECT id FROM notifications WHERE endpoint_id = ? AND webhook_id = ?');
    this.selectSummary = db.prepare(`SELECT ${summaryColumns('n')} FROM notifications n WHERE n.id = ?`);
    this.subscriptions = new SubscriptionStateStore(db);
    this.subscriptions.normalizeKeys();
    this.lastReceivedAt = (db.prepare('SELECT max(received_at) AS t FROM notifications').get() as { t: number | null }).t ?? 0;
    this.committer = new GroupCommitter(db, (insert) => this.write(insert), {
      beforeCommit: () => this.writeCounts(),
      committed: () => this.committed(),
      rolledBack: () => this.batchCounts.clear(),
    });
  }

  /** Resolves once the row is committed durably (synchronous=FULL), with its summary. */
  async add(notification: IncomingNotification): Promise<StoredNotification> {
    const row = notificationRow(notification);
    return storedNotification(row, await this.committer.add(notificationInsert(notification, row)));
  }

  /** `add` for a row prepared on another thread (the receiver's), which builds the summary itself. */
  addInsert(insert: NotificationInsert): Promise<WrittenRow> {
    return this.committer.add(insert);
  }

  /**
   * Resolves when no received notification is waiting for its commit (see GroupCommitter.whenIdle):
   * retention deletes on this connection only then, so a sender's durable answer never queues
   * behind a deletion.
   */
  whenIdle(maxCommits?: number): Promise<void> {
    return this.committer.whenIdle(maxCommits);
  }

  /** Writes many notifications in one transaction, now. */
  writeBatch(items: readonly IncomingNotification[]): StoredNotification[] {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const stored = items.map((n) => {
        const row = notificationRow(n);
        return storedNotification(row, this.write(notificationInsert(n, row)));
      });
      this.writeCounts();
      this.db.exec('COMMIT');
      this.committed();
      return stored;
    } catch (error) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      this.batchCounts.clear();
      throw error;
    }
  }

  /** Commits whatever is queued now and refuses more. */
  close(): void {
    this.committer.close();
  }

  /** The batch's per-endpoint counts, one upsert per endpoint rather than one per row. */
  private writeCounts(): void {
    for (const [endpoint, c] of this.batchCounts) this.addCount.run(endpoint, c.count, c.bytes);
    this.batchCounts.clear();
  }

  // ── Inside the group commit ───────────────────────────────────────────────────────────────────

  private write({ values, subscription }: NotificationInsert): WrittenRow {
    const endpointId = values[COLUMN.endpoint_id] as number | null;
    const webhookId = values[COLUMN.webhook_id] as string | null;
    if (webhookId !== null && endpointId !== null) {
      const existing = this.byWebhookId.get(endpointId, webhookId) as { id: number } | undefined;
      if (existing) return { duplicateOf: this.summaryOf(existing.id) };
    }
    // A clock stepped back (NTP) must not make ids and times disagree: time ranges rely on
    // receipt time growing with id. The clamp is at most the size of the step.
    const receivedAt = Math.max(values[COLUMN.received_at] as number, this.lastReceivedAt);
    this.lastReceivedAt = receivedAt;
    const warnings = subscription ? this.subscriptions.apply(subscription, endpointId, receivedAt) : [];
    const warningsJson = warnings.length > 0 ? JSON.stringify(warnings) : null;
    values[COLUMN.received_at] = receivedAt;
    values[COLUMN.warnings_json] = warningsJson;
    const id = Number(this.insert.run(...values).lastInsertRowid);
    const counts = this.batchCounts.get(endpointId ?? 0) ?? { count: 0, bytes: 0 };
    counts.count += 1;
    counts.bytes += values[COLUMN.size_bytes] as number;
    this.batchCounts.set(endpointId ?? 0, counts);
    return { id, receivedAt, warningsJson, duplicateOf: null };
  }

  private summaryOf(id: number): NotificationSummary {
    return toSummary(this.selectSummary.get(id) as unknown as SummaryRow);
  }
}
