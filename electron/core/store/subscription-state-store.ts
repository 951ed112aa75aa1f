import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { SubscriptionState } from '../../../shared/contract';
import type { SubscriptionFacts, SubscriptionNotificationType } from '../../../shared/notifications/notification-facts';
import {
  emptyGapState,
  heartbeatOverdue,
  missingEventCount,
  missingEventNumbers,
  observe,
  type SubscriptionGapState,
} from '../../../shared/notifications/subscription-gaps';

/** What is kept per subscription: the shared gap state, plus the heartbeat period seen on the wire. */
interface StoredGaps {
  gaps: SubscriptionGapState;
  /** Seconds of silence before the latest heartbeat: roughly the server's heartbeat period. */
  inferredHeartbeatSeconds: number | null;
}

/** A state written by an older build (another shape) starts over rather than being misread. */
function readStored(json: string | undefined): StoredGaps {
  const parsed = json === undefined ? null : (JSON.parse(json) as Partial<StoredGaps> | null);
  if (parsed?.gaps && Array.isArray(parsed.gaps.recentEventNumbers) && Array.isArray(parsed.gaps.missingRanges)) {
    return { gaps: parsed.gaps, inferredHeartbeatSeconds: parsed.inferredHeartbeatSeconds ?? null };
  }
  return { gaps: emptyGapState(), inferredHeartbeatSeconds: null };
}

interface StateRow {
  reference: string;
  endpoint_id: number | null;
  topic: string | null;
  status: string | null;
  last_type: SubscriptionNotificationType | null;
  first_received_at: number;
  last_received_at: number;
  last_heartbeat_at: number | null;
  handshake_at: number | null;
  notification_count: number;
  heartbeat_period_configured: number | null;
  state_json: string;
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** Per-subscription state for gap detection, updated inside the receiver's commit. */
export class SubscriptionStateStore {
  private readonly select: StatementSync;
  private readonly upsert: StatementSync;

  constructor(private readonly db: DatabaseSync) {
    this.select = db.prepare('SELECT * FROM subscription_states WHERE reference = ?');
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
  }

  /** Must run inside the transaction that stores the notification; returns its gap warnings. */
  apply(subscription: SubscriptionFacts, endpointId: number | null, receivedAt: number): string[] {
    const reference = subscription.reference;
    if (reference === null) return [];
    const row = this.select.get(reference) as StateRow | undefined;
    const previous = readStored(row?.state_json);
    const lastAt = previous.gaps.lastReceivedAtMs;
    const inferredHeartbeatSeconds =
      subscription.type === 'heartbeat' && lastAt !== null ? Math.max(1, Math.round((receivedAt - lastAt) / 1000)) : previous.inferredHeartbeatSeconds;
    const observed = observe(previous.gaps, { subscription }, receivedAt);
    const state: StoredGaps = { gaps: observed.state, inferredHeartbeatSeconds };
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

  list(now: number): SubscriptionState[] {
    const rows = this.db.prepare('SELECT * FROM subscription_states ORDER BY last_received_at DESC').all() as unknown as StateRow[];
    return rows.map((row) => this.toState(row, now));
  }

  get(reference: string, now: number): SubscriptionState | null {
    const row = this.select.get(reference) as StateRow | undefined;
    return row ? this.toState(row, now) : null;
  }

  configureHeartbeat(reference: string, seconds: number | null): boolean {
    const result = this.db
      .prepare('UPDATE subscription_states SET heartbeat_period_configured = ? WHERE reference = ?')
      .run(seconds, reference);
    return Number(result.changes) > 0;
  }

  private toState(row: StateRow, now: number): SubscriptionState {
    const stored = readStored(row.state_json);
    const gaps = stored.gaps;
    const period = row.heartbeat_period_configured ?? stored.inferredHeartbeatSeconds;
    const warnings: string[] = [];
    const missing = missingEventCount(gaps);
    if (missing > 0) warnings.push(`${missing} event${missing === 1 ? '' : 's'} missing.`);
    if (gaps.repeatedCount > 0) warnings.push(`${gaps.repeatedCount} event${gaps.repeatedCount === 1 ? '' : 's'} received more than once.`);
    const silence = heartbeatOverdue({ ...gaps, lastReceivedAtMs: row.last_received_at }, now, period);
    if (silence) warnings.push(silence.message);
    if (row.status === 'error') warnings.push('The server reports this subscription in error.');
    return {
      reference: row.reference,
      endpointId: row.endpoint_id,
      topic: row.topic,
      status: row.status,
      lastType: row.last_type,
      firstReceivedAt: iso(row.first_received_at),
      lastReceivedAt: iso(row.last_received_at),
      lastHeartbeatAt: row.last_heartbeat_at === null ? null : iso(row.last_heartbeat_at),
      handshakeAt: row.handshake_at === null ? null : iso(row.handshake_at),
      notificationCount: row.notification_count,
      highestEventNumber: gaps.highestEventNumber,
      missingEvents: missingEventNumbers(gaps),
      missingCount: missing,
      repeatedCount: gaps.repeatedCount,
      heartbeatPeriodSeconds: period,
      heartbeatPeriodSource: row.heartbeat_period_configured !== null ? 'configured' : period !== null ? 'inferred' : null,
      warnings,
    };
  }
}
