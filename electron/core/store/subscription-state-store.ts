import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { SubscriptionState } from '../../../shared/contract';
import type { SubscriptionFacts } from '../../../shared/notifications/notification-facts';
import { heartbeatOverdue, missingEventCount, missingEventNumbers, observe } from '../../../shared/notifications/subscription-gaps';
import { subscriptionKey } from '../../../shared/notifications/subscription-key';
import { candidatesParams, candidatesQuery, resolveKey, type StoredKey } from './subscription-key-resolver';
import { mergeStateRows, readStored, type StateRow, type StoredGaps, withReferences } from './subscription-state-row';

/** `heartbeat_period_configured` for "set by hand: this subscription sends no heartbeats". */
const NO_HEARTBEAT = 0;

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * Per-subscription state for gap detection, updated inside the receiver's commit. One state per
 * subscription, however its notifications spell the reference: see subscription-key-resolver.ts.
 */
export class SubscriptionStateStore {
  private readonly select: StatementSync;
  private readonly candidates: StatementSync;
  private readonly upsert: StatementSync;
  private readonly insertRow: StatementSync;
  private readonly deleteRow: StatementSync;

  constructor(private readonly db: DatabaseSync) {
    this.select = db.prepare('SELECT * FROM subscription_states WHERE reference = ?');
    this.candidates = db.prepare(candidatesQuery);
    this.upsert = db.prepare(`
      INSERT INTO subscription_states (reference, endpoint_id, topic, status, last_type, first_received_at,
        last_received_at, last_heartbeat_at, handshake_at, notification_count, state_json)
      VALUES (:reference, :endpoint, :topic, :status, :type, :at, :at, :heartbeat, :handshake, 1, :state)
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
      INSERT INTO subscription_states (reference, endpoint_id, topic, status, last_type, first_received_at, last_received_at,
        last_heartbeat_at, handshake_at, notification_count, heartbeat_period_configured, state_json)
      VALUES (:reference, :endpoint_id, :topic, :status, :last_type, :first_received_at, :last_received_at,
        :last_heartbeat_at, :handshake_at, :notification_count, :heartbeat_period_configured, :state_json)`);
    this.deleteRow = db.prepare('DELETE FROM subscription_states WHERE reference = ?');
  }

  /** Must run inside the transaction that stores the notification; returns its gap warnings. */
  apply(subscription: SubscriptionFacts, endpointId: number | null, receivedAt: number): string[] {
    const sent = subscription.reference;
    if (sent === null) return [];
    const resolution = this.resolve(sent, endpointId);
    if (resolution.fold !== null) this.fold(resolution.fold, resolution.key);
    const reference = resolution.key;
    const row = this.select.get(reference) as StateRow | undefined;
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
    const warnings = observed.warnings.map((w) => w.message);
    this.upsert.run({
      reference,
      endpoint: endpointId,
      topic: subscription.topic,
      status: subscription.status,
      type: subscription.type,
      at: receivedAt,
      heartbeat: subscription.type === 'heartbeat' ? receivedAt : null,
      handshake: subscription.type === 'handshake' ? receivedAt : null,
      state: JSON.stringify(state),
    });
    return warnings;
  }

  /**
   * Brings states kept by an older build, one per reference exactly as sent, under the keys
   * `apply` uses now, merging those that turn out to be one subscription. A SQL migration cannot
   * normalise URLs; this is idempotent and the table holds one row per subscription, so the
   * writer runs it each time it opens.
   */
  normalizeKeys(): void {
    const keys = () => this.db.prepare('SELECT reference, endpoint_id AS endpointId FROM subscription_states').all() as unknown as StoredKey[];
    const renames = keys().flatMap((row) => {
      const key = subscriptionKey(row.reference).key;
      return key === row.reference ? [] : [{ from: row.reference, into: key }];
    });
    const relatives = () =>
      keys().flatMap((row) => {
        const sent = subscriptionKey(row.reference);
        if (sent.absolute || sent.id === null) return [];
        const key = this.resolve(row.reference, row.endpointId).key;
        return key === row.reference ? [] : [{ from: row.reference, into: key }];
      });
    if (renames.length === 0 && relatives().length === 0) return;
    this.db.exec('BEGIN IMMEDIATE');
    try {
      for (const { from, into } of renames) this.fold(from, into);
      for (const { from, into } of relatives()) this.fold(from, into);
      this.db.exec('COMMIT');
    } catch (error) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
  }

  list(now: number): SubscriptionState[] {
    const rows = this.db.prepare('SELECT * FROM subscription_states ORDER BY last_received_at DESC').all() as unknown as StateRow[];
    return rows.map((row) => this.toState(row, now));
  }

  /** By its key, or by any reference it was sent under. */
  get(reference: string, now: number): SubscriptionState | null {
    const row = this.find(reference);
    return row ? this.toState(row, now) : null;
  }

  /** Every reference the subscription was sent under, for the inbox filter; the one given when it is not known. */
  references(reference: string): string[] {
    const row = this.find(reference);
    const stored = row ? readStored(row.state_json).references : [];
    return withReferences([reference], ...stored);
  }

  /** A period in seconds, `none` (it sends no heartbeats), or null (infer it again); false when no such subscription. */
  configureHeartbeat(reference: string, seconds: number | 'none' | null): boolean {
    const row = this.find(reference);
    if (!row) return false;
    this.db
      .prepare('UPDATE subscription_states SET heartbeat_period_configured = ? WHERE reference = ?')
      .run(seconds === 'none' ? NO_HEARTBEAT : seconds, row.reference);
    return true;
  }

  private resolve(sent: string, endpointId: number | null) {
    const key = subscriptionKey(sent);
    const candidates = key.id === null ? [] : (this.candidates.all(...candidatesParams(key.id)) as unknown as StoredKey[]);
    return resolveKey(key, endpointId, candidates);
  }

  /** By key; else the one state sent under this reference; else, for a relative one, the one absolute key with its id. */
  private find(reference: string): StateRow | undefined {
    const sent = subscriptionKey(reference);
    const exact = (this.select.get(sent.key) ?? this.select.get(reference.trim())) as StateRow | undefined;
    if (exact) return exact;
    const aliases = this.db
      .prepare("SELECT DISTINCT s.reference FROM subscription_states s, json_each(s.state_json, '$.references') r WHERE r.value IN (?, ?)")
      .all(reference.trim(), sent.key) as unknown as StoredKey[];
    const absolutes = sent.absolute || sent.id === null ? [] : (this.candidates.all(...candidatesParams(sent.id)) as unknown as StoredKey[]);
    const only = [aliases, absolutes].find((matches) => matches.length > 0);
    return only?.length === 1 ? (this.select.get(only[0]!.reference) as StateRow | undefined) : undefined;
  }

  /** Moves the state kept under `from` to `into`, merged with what `into` already holds. */
  private fold(from: string, into: string): void {
    const source = this.select.get(from) as StateRow | undefined;
    if (!source || from === into) return;
    const target = this.select.get(into) as StateRow | undefined;
    const stored = readStored(source.state_json);
    const merged = target
      ? mergeStateRows(target, source, into)
      : { ...source, reference: into, state_json: JSON.stringify({ ...stored, references: withReferences(stored.references, from) }) };
    this.deleteRow.run(from);
    if (target) this.deleteRow.run(into);
    this.insertRow.run({ ...merged });
  }

  private toState(row: StateRow, now: number): SubscriptionState {
    const stored = readStored(row.state_json);
    const gaps = stored.gaps;
    const none = row.heartbeat_period_configured === NO_HEARTBEAT;
    const period = none ? null : (row.heartbeat_period_configured ?? stored.inferredHeartbeatSeconds);
    const warnings: string[] = [];
    const missing = missingEventCount(gaps);
    if (missing > 0) warnings.push(`${missing} event${missing === 1 ? '' : 's'} missing.`);
    if (gaps.repeatedCount > 0) warnings.push(`${gaps.repeatedCount} event${gaps.repeatedCount === 1 ? '' : 's'} received more than once.`);
    const silence = heartbeatOverdue({ ...gaps, lastReceivedAtMs: row.last_received_at }, now, period);
    if (silence) warnings.push(silence.message);
    if (row.status === 'error') warnings.push('The server reports this subscription in error.');
    return {
      reference: row.reference,
      references: stored.references.length > 0 ? stored.references : [row.reference],
      endpointId: row.endpoint_id,
      topic: row.topic,
      status: row.status,
      lastType: row.last_type,
      firstReceivedAt: iso(row.first_received_at),
      lastReceivedAt: iso(row.last_received_at),
      lastHeartbeatAt: row.last_heartbeat_at === null ? null : iso(row.last_heartbeat_at),
      handshakeAt: row.handshake_at === null ? null : iso(row.handshake_at),
      notificationCount: row.notification_count,
      eventsReceived: stored.eventsReceived,
      highestEventNumber: gaps.highestEventNumber,
      missingEvents: missingEventNumbers(gaps),
      missingCount: missing,
      repeatedCount: gaps.repeatedCount,
      heartbeatPeriodSeconds: period,
      heartbeatPeriodSource: none ? 'none' : row.heartbeat_period_configured !== null ? 'configured' : period !== null ? 'inferred' : null,
      heartbeatOverdue: silence !== null,
      warnings,
    };
  }
}
