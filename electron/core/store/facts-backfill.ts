import type { DatabaseSync } from 'node:sqlite';
import { deriveNotificationFacts } from '../../../shared/notifications/derive-facts';
import type { NotificationFacts } from '../../../shared/notifications/notification-facts';
import type { Logger } from '../logger';
import { parseNotificationBody } from '../receiver/parse-body';
import { FACTS_VERSION, searchableText } from './notification-store';
import { notificationTerms } from './notification-terms';
import { factColumns } from './notification-rows';

interface PendingRow {
  id: number;
  body: Uint8Array;
  content_type: string | null;
}

/**
 * Rows stored before migration 5 have no derived facts (facts_version = 0). They are derived here,
 * in the background, a small batch per transaction, newest first (what the inbox shows first):
 * a SQL migration cannot run the JavaScript derivation, and deriving a large inbox in one
 * migration would keep the receiver from starting. Gap detection is not replayed for them.
 */
export class FactsBackfill {
  private stopped = false;
  private running: Promise<number> | null = null;

  constructor(
    private readonly db: DatabaseSync,
    private readonly log: Logger,
    private readonly batchSize = 200,
  ) {}

  pending(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM notifications WHERE facts_version = 0 OR indexed = 0').get() as { n: number }).n;
  }

  /** Starts (once) and resolves with how many rows were derived when done or stopped. */
  run(): Promise<number> {
    this.running ??= this.loop();
    return this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }

  /**
   * Rows committed before a crash whose lookup terms and FTS entry were never written
   * (NotificationStore.indexPending): writes them from the stored facts and body.
   */
  repairIndex(): number {
    const rows = this.db
      .prepare('SELECT id, body, facts_json FROM notifications WHERE indexed = 0 ORDER BY id DESC LIMIT ?')
      .all(this.batchSize) as unknown as { id: number; body: Uint8Array; facts_json: string | null }[];
    if (rows.length === 0) return 0;
    const term = this.db.prepare('INSERT OR IGNORE INTO notification_terms (kind, value, system, notification_id) VALUES (?, ?, ?, ?)');
    const fts = this.db.prepare('INSERT INTO notifications_fts (rowid, body) VALUES (?, ?)');
    this.db.exec('BEGIN IMMEDIATE');
    try {
      for (const row of rows) {
        // A crash may also have come after some of them were written: start clean.
        this.db.prepare('DELETE FROM notification_terms WHERE notification_id = ?').run(row.id);
        this.db.prepare('DELETE FROM notifications_fts WHERE rowid = ?').run(row.id);
        if (row.facts_json !== null) {
          for (const t of notificationTerms(JSON.parse(row.facts_json) as NotificationFacts)) term.run(t.kind, t.value, t.system, row.id);
        }
        const text = searchableText(row.body);
        if (text !== null) fts.run(row.id, text);
        this.db.prepare('UPDATE notifications SET indexed = 1 WHERE id = ?').run(row.id);
      }
      this.db.exec('COMMIT');
    } catch (error) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
    return rows.length;
  }

  /** Derives one batch; returns how many rows it did. */
  batch(): number {
    const rows = this.db
      .prepare('SELECT id, body, content_type FROM notifications WHERE facts_version = 0 ORDER BY id DESC LIMIT ?')
      .all(this.batchSize) as unknown as PendingRow[];
    if (rows.length === 0) return 0;
    const update = this.db.prepare(`
      UPDATE notifications SET event = :event, event_uri = :eventUri, event_label = :eventLabel,
        resource_types = :resourceTypes, format = :format, category = :category, payload_level = :payloadLevel,
        patients_json = :patients, subscription_ref = :subscriptionRef, subscription_topic = :subscriptionTopic,
        subscription_type = :subscriptionType, events_since_start = :eventsSinceStart, event_numbers = :eventNumbers,
        facts_json = :facts, source = coalesce(:source, source), facts_version = :version, indexed = 1
      WHERE id = :id`);
    const term = this.db.prepare('INSERT OR IGNORE INTO notification_terms (kind, value, system, notification_id) VALUES (?, ?, ?, ?)');
    const fts = this.db.prepare('INSERT INTO notifications_fts (rowid, body) VALUES (?, ?)');
    this.db.exec('BEGIN IMMEDIATE');
    try {
      for (const row of rows) {
        const parsed = parseNotificationBody(row.body, row.content_type);
        const facts = parsed.status === 'ok' ? deriveNotificationFacts(parsed.json) : null;
        update.run({
          id: row.id,
          ...factColumns(facts),
          source: facts?.source ?? null,
          version: FACTS_VERSION,
        });
        if (facts) for (const t of notificationTerms(facts)) term.run(t.kind, t.value, t.system, row.id);
        const text = searchableText(row.body);
        if (text !== null) fts.run(row.id, text);
      }
      this.db.exec('COMMIT');
    } catch (error) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
    return rows.length;
  }

  private async loop(): Promise<number> {
    let total = 0;
    while (!this.stopped) {
      const done = this.repairIndex() + this.batch();
      if (done === 0) break;
      total += done;
      // Yield between batches so receiving and reading never wait long.
      await new Promise<void>((resolve) => setTimeout(resolve, 5));
    }
    if (total > 0) this.log.info('facts backfill: derived facts for stored notifications', { count: total });
    return total;
  }
}
