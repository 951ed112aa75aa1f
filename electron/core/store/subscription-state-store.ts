import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { SubscriptionState } from '../../../shared/contract';
import type { SubscriptionFacts } from '../../../shared/notifications/notification-facts';
import { observe } from '../../../shared/notifications/subscription-gaps';
import { subscriptionKey, type SubscriptionKey } from '../../../shared/notifications/subscription-key';
import { type KeyIdentity, type LocalKeys, type Resolution, resolveKey } from './subscription-key-resolver';
import { matchAsSent, type SubscriptionMatch, subscriptionMatch } from './subscription-match';
import { mergeStateRows, readStored, sentReferences, type StateRow, type StoredGaps, withReferences } from './subscription-state-row';
import { SubscriptionStateLookup } from './subscription-state-lookup';
import { NO_HEARTBEAT, toSubscriptionState } from './subscription-state-view';

const NOTHING_LOCAL: LocalKeys = { absolutes: [], relative: false };

/**
 * Per-subscription state for gap detection, updated inside the receiver's commit. One state per
 * subscription, however its notifications spell the reference: see subscription-key-resolver.ts.
 * Every lookup is by key or index (subscription-state-lookup.ts).
 */
export class SubscriptionStateStore {
  private readonly lookup: SubscriptionStateLookup;
  private readonly upsert: StatementSync;
  private readonly insertRow: StatementSync;
  private readonly deleteRow: StatementSync;
  private readonly setIdentity: StatementSync;

  constructor(private readonly db: DatabaseSync) {
    this.lookup = new SubscriptionStateLookup(db);
    this.upsert = db.prepare(`
      INSERT INTO subscription_states (reference, sent_key, absolute_id, endpoint_id, topic, status, last_type, first_received_at,
        last_received_at, last_heartbeat_at, handshake_at, notification_count, state_json)
      VALUES (:reference, :sentKey, :absoluteId, :endpoint, :topic, :status, :type, :at, :at, :heartbeat, :handshake, 1, :state)
      ON CONFLICT (reference) DO UPDATE SET
        endpoint_id = :endpoint,
        topic = coalesce(:topic, topic),
        status = coalesce(:status, status),
        last_type = coalesce(:type, last_type),
        last_received_at = max(last_received_at, :at),
        last_heartbeat_at = coalesce(:heartbeat, last_heartbeat_at),
        handshake_at = coalesce(:handshake, handshake_at),
        notification_count = notification_count + 1,
        state_json = :state`);
    this.insertRow = db.prepare(`
      INSERT INTO subscription_states (reference, sent_key, absolute_id, endpoint_id, topic, status, last_type, first_received_at,
        last_received_at, last_heartbeat_at, handshake_at, notification_count, heartbeat_period_configured, state_json)
      VALUES (:reference, :sent_key, :absolute_id, :endpoint_id, :topic, :status, :last_type, :first_received_at, :last_received_at,
        :last_heartbeat_at, :handshake_at, :notification_count, :heartbeat_period_configured, :state_json)`);
    this.deleteRow = db.prepare('DELETE FROM subscription_states WHERE reference = ?');
    this.setIdentity = db.prepare('UPDATE subscription_states SET sent_key = ?, absolute_id = ? WHERE reference = ?');
  }

  /** Must run inside the transaction that stores the notification; returns its gap warnings. */
  apply(subscription: SubscriptionFacts, endpointId: number | null, receivedAt: number): string[] {
    const sent = subscription.reference;
    if (sent === null) return [];
    const { target, fold } = this.resolve(subscriptionKey(sent), endpointId);
    if (fold !== null) this.moveTo(fold, target);
    const row = this.lookup.row(target.key);
    const previous = readStored(row?.state_json);
    // Heartbeat to heartbeat, not silence before a heartbeat: a server that beats on a schedule
    // may send one just after an event, and a period read from that short silence would then
    // report every ordinary pause as a missed heartbeat. The interval is never shorter than the
    // period; with events in between it is longer, which only makes the warning later.
    const lastHeartbeatAt = row?.last_heartbeat_at ?? null;
    const inferredHeartbeatSeconds =
      subscription.type === 'heartbeat' && lastHeartbeatAt !== null
        ? Math.max(1, Math.round((receivedAt - lastHeartbeatAt) / 1000))
        : previous.inferredHeartbeatSeconds;
    const observed = observe(previous.gaps, { subscription }, receivedAt);
    const fresh = subscription.eventNumbers.filter((n) => !previous.gaps.recentEventNumbers.includes(n));
    const state: StoredGaps = {
      gaps: observed.state,
      inferredHeartbeatSeconds,
      references: withReferences(previous.references, sent.trim()),
      eventsReceived: previous.eventsReceived === null ? null : previous.eventsReceived + new Set(fresh).size,
    };
    this.upsert.run({
      reference: target.key,
      sentKey: target.sentKey,
      absoluteId: target.absoluteId,
      endpoint: endpointId,
      topic: subscription.topic,
      status: subscription.status,
      type: subscription.type,
      at: receivedAt,
      heartbeat: subscription.type === 'heartbeat' ? receivedAt : null,
      handshake: subscription.type === 'handshake' ? receivedAt : null,
      state: JSON.stringify(state),
    });
    return observed.warnings.map((w) => w.message);
  }

  /**
   * Brings states kept by an older build (keyed by the reference as sent, or by a relative key
   * shared by every endpoint) under the keys `apply` uses now, merging those that turn out to be
   * one subscription. A SQL migration cannot normalise URLs, so the writer runs this each time it
   * opens: it finds those rows by index (NULL `sent_key`), and each re-keying is a few lookups by
   * key or index, so N rows take O(N log N).
   */
  normalizeKeys(): void {
    const legacy = this.db.prepare('SELECT reference, endpoint_id AS endpointId FROM subscription_states WHERE sent_key IS NULL').all() as unknown as {
      reference: string;
      endpointId: number | null;
    }[];
    if (legacy.length === 0) return;
    const rows = legacy.map((row) => ({ ...row, sent: subscriptionKey(row.reference) }));
    this.db.exec('BEGIN IMMEDIATE');
    try {
      // Absolute keys first, so that a relative one finds the absolute key it joins.
      for (const row of rows.filter((r) => r.sent.absolute)) this.moveTo(row.reference, resolveKey(row.sent, row.endpointId, NOTHING_LOCAL).target);
      for (const row of rows.filter((r) => !r.sent.absolute)) this.moveTo(row.reference, this.resolve(row.sent, row.endpointId).target);
      this.db.exec('COMMIT');
    } catch (error) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
  }

  list(now: number): SubscriptionState[] {
    const rows = this.db.prepare('SELECT * FROM subscription_states ORDER BY last_received_at DESC').all() as unknown as StateRow[];
    return rows.map((row) => toSubscriptionState(row, now));
  }

  /** By its key, or by a reference it was sent under (SubscriptionStateLookup.find). */
  get(reference: string, now: number): SubscriptionState | null {
    const row = this.lookup.find(reference);
    return row ? toSubscriptionState(row, now) : null;
  }

  /** The notifications the inbox's subscription filter shows: the state's, else those sent under the reference as given. */
  match(reference: string): SubscriptionMatch {
    const row = this.lookup.find(reference);
    if (!row) return matchAsSent(reference.trim());
    const references = sentReferences(row);
    return subscriptionMatch(references.length > 0 ? references : [row.sent_key ?? row.reference], row.endpoint_id);
  }

  /** A period in seconds, `none` (it sends no heartbeats), or null (infer it again); false when no such subscription. */
  configureHeartbeat(reference: string, seconds: number | 'none' | null): boolean {
    const row = this.lookup.find(reference);
    if (!row) return false;
    this.db
      .prepare('UPDATE subscription_states SET heartbeat_period_configured = ? WHERE reference = ?')
      .run(seconds === 'none' ? NO_HEARTBEAT : seconds, row.reference);
    return true;
  }

  private resolve(sent: SubscriptionKey, endpointId: number | null): Resolution {
    return resolveKey(sent, endpointId, sent.id === null ? NOTHING_LOCAL : this.lookup.local(sent.id, endpointId));
  }

  /** Moves the state kept under `from` to the target, merged with what the target already holds. */
  private moveTo(from: string, target: KeyIdentity): void {
    const source = this.lookup.row(from);
    if (!source) return;
    if (from === target.key) {
      this.setIdentity.run(target.sentKey, target.absoluteId, from);
      return;
    }
    const existing = this.lookup.row(target.key);
    const merged = existing
      ? mergeStateRows(existing, source, target)
      : {
          ...source,
          reference: target.key,
          sent_key: target.sentKey,
          absolute_id: target.absoluteId,
          state_json: JSON.stringify({ ...readStored(source.state_json), references: sentReferences(source) }),
        };
    this.deleteRow.run(from);
    if (existing) this.deleteRow.run(target.key);
    this.insertRow.run({ ...merged });
  }
}
