import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';
import type { NotificationSummary } from '../../../shared/contract';
import { GroupCommitter } from './group-committer';
import type { IncomingNotification, StoredNotification } from './notification-types';
import { factColumns, type SummaryRow, summaryColumns, toSummary } from './notification-rows';
import { SubscriptionStateStore } from './subscription-state-store';

/** The version of the derivation whose results a row holds; 0 = not derived yet (backfill pending). */
export const FACTS_VERSION = 1;

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
  private readonly committer: GroupCommitter<IncomingNotification, StoredNotification>;
  private readonly subscriptions: SubscriptionStateStore;
  /** The latest receipt time written: later rows never get an earlier one (see write). */
  private lastReceivedAt: number;

  constructor(
    private readonly db: DatabaseSync,
    /** After each commit of new rows (a cue for the indexer). */
    private readonly committed: () => void = () => {},
  ) {
    this.insert = db.prepare(`
      INSERT INTO notifications (received_at, endpoint_id, endpoint_path, method, remote_address, headers_json,
        content_type, body, size_bytes, parse_status, parse_error, verification, verification_detail, webhook_id,
        handshake, source, event, event_uri, event_label, resource_types, format, category, payload_level,
        patients_json, subscription_ref, subscription_topic, subscription_type, events_since_start, event_numbers,
        facts_json, facts_version, warnings_json)
      VALUES (:receivedAt, :endpointId, :endpointPath, :method, :remoteAddress, :headers, :contentType, :body, :size,
        :parseStatus, :parseError, :verification, :verificationDetail, :webhookId, :handshake, :source, :event,
        :eventUri, :eventLabel, :resourceTypes, :format, :category, :payloadLevel, :patients, :subscriptionRef,
        :subscriptionTopic, :subscriptionType, :eventsSinceStart, :eventNumbers, :facts, :factsVersion, :warnings)`);
    this.addCount = db.prepare(`
      INSERT INTO notification_counts (endpoint_id, count, bytes) VALUES (?, ?, ?)
      ON CONFLICT (endpoint_id) DO UPDATE SET count = count + excluded.count, bytes = bytes + excluded.bytes`);
    this.byWebhookId = db.prepare('SELECT id FROM notifications WHERE endpoint_id = ? AND webhook_id = ?');
    this.selectSummary = db.prepare(`SELECT ${summaryColumns('n')} FROM notifications n WHERE n.id = ?`);
    this.subscriptions = new SubscriptionStateStore(db);
    this.subscriptions.normalizeKeys();
    this.lastReceivedAt = (db.prepare('SELECT max(received_at) AS t FROM notifications').get() as { t: number | null }).t ?? 0;
    this.committer = new GroupCommitter(db, (n) => this.write(n), {
      beforeCommit: () => this.writeCounts(),
      committed: () => this.committed(),
      rolledBack: () => this.batchCounts.clear(),
    });
  }

  /** Resolves once the row is committed durably (synchronous=FULL), with its summary. */
  add(notification: IncomingNotification): Promise<StoredNotification> {
    return this.committer.add(notification);
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
      const stored = items.map((n) => this.write(n));
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

  private write(n: IncomingNotification): StoredNotification {
    const webhookId = n.webhookId ?? null;
    if (webhookId !== null && n.endpointId !== null) {
      const existing = this.byWebhookId.get(n.endpointId, webhookId) as { id: number } | undefined;
      if (existing) return { summary: this.summaryOf(existing.id), duplicate: true };
    }
    // A clock stepped back (NTP) must not make ids and times disagree: time ranges rely on
    // receipt time growing with id. The clamp is at most the size of the step.
    const receivedAt = Math.max(n.receivedAt, this.lastReceivedAt);
    this.lastReceivedAt = receivedAt;
    const facts = n.facts;
    const sub = facts?.subscription ?? null;
    const warnings = sub ? this.subscriptions.apply(sub, n.endpointId, receivedAt) : [];
    const row = {
      receivedAt,
      endpointId: n.endpointId,
      endpointPath: n.endpointPath,
      method: n.method,
      remoteAddress: n.remoteAddress,
      headers: JSON.stringify(n.headers),
      contentType: n.contentType,
      body: n.body,
      size: n.body.byteLength,
      parseStatus: n.parseStatus,
      parseError: n.parseError,
      verification: n.verification,
      verificationDetail: n.verificationDetail ?? null,
      webhookId,
      handshake: n.handshake ?? null,
      source: n.source,
      ...factColumns(facts),
      factsVersion: FACTS_VERSION,
      warnings: warnings.length > 0 ? JSON.stringify(warnings) : null,
    } satisfies Record<string, SQLInputValue>;
    const id = Number(this.insert.run(row).lastInsertRowid);
    const counts = this.batchCounts.get(n.endpointId ?? 0) ?? { count: 0, bytes: 0 };
    counts.count += 1;
    counts.bytes += n.body.byteLength;
    this.batchCounts.set(n.endpointId ?? 0, counts);
    // Built from what was just written rather than read back: this runs once per request.
    const summary = toSummary({
      id,
      received_at: receivedAt,
      endpoint_id: n.endpointId,
      endpoint_path: n.endpointPath,
      size_bytes: n.body.byteLength,
      content_type: n.contentType,
      parse_status: n.parseStatus,
      verification: n.verification,
      verification_detail: n.verificationDetail ?? null,
      source: n.source,
      event: row.event,
      event_uri: row.eventUri,
      event_label: row.eventLabel,
      resource_types: row.resourceTypes,
      format: row.format,
      category: row.category,
      payload_level: row.payloadLevel,
      patients_json: row.patients,
      subscription_ref: row.subscriptionRef,
      subscription_topic: row.subscriptionTopic,
      subscription_type: row.subscriptionType,
      events_since_start: row.eventsSinceStart,
      event_numbers: row.eventNumbers,
      handshake: n.handshake ?? null,
      is_read: 0,
      starred: 0,
      note: null,
      warnings_json: row.warnings,
    });
    return { summary, duplicate: false };
  }

  private summaryOf(id: number): NotificationSummary {
    return toSummary(this.selectSummary.get(id) as unknown as SummaryRow);
  }
}
