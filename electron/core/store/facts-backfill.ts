import type { DatabaseSync } from 'node:sqlite';
import { deriveNotificationFacts } from '../../../shared/notifications/derive-facts';
import type { Logger } from '../logger';
import { parseNotificationBody } from '../receiver/parse-body';
import { FACTS_VERSION } from './notification-row';
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
 * migration would keep the receiver from starting. Gap detection is not replayed for them. Their
 * lookup terms are the indexer's, which derives the facts of such rows itself when it meets them.
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
    return (this.db.prepare('SELECT count(*) AS n FROM notifications WHERE facts_version = 0').get() as { n: number }).n;
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
        facts_json = :facts, source = coalesce(:source, source), facts_version = :version
      WHERE id = :id`);
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
      const done = this.batch();
      if (done === 0) break;
      total += done;
      // Yield between batches so receiving and reading never wait long.
      await new Promise<void>((resolve) => setTimeout(resolve, 5));
    }
    if (total > 0) this.log.info('facts backfill: derived facts for stored notifications', { count: total });
    return total;
  }
}
