import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { SubscriptionState } from '../../../shared/contract';
import type { SubscriptionFacts, SubscriptionNotificationType } from '../../../shared/notifications/notification-facts';
import {
  advanceGaps,
  emptyGapState,
  type GapState,
  heartbeatWarning,
  listMissing,
  missingCount,
} from './subscription-gap-tracker';

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
    const previous = row ? (JSON.parse(row.state_json) as GapState) : emptyGapState();
    const { state, warnings } = advanceGaps(previous, {
      type: subscription.type,
      eventsSinceStart: subscription.eventsSinceStart,
      eventNumbers: subscription.eventNumbers,
      receivedAt,
    });
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
    const gaps = JSON.parse(row.state_json) as GapState;
    const period = row.heartbeat_period_configured ?? gaps.inferredHeartbeatSeconds;
    const warnings: string[] = [];
    const missing = missingCount(gaps);
    if (missing > 0) warnings.push(`${missing} event${missing === 1 ? '' : 's'} missing.`);
    if (gaps.repeated > 0) warnings.push(`${gaps.repeated} event${gaps.repeated === 1 ? '' : 's'} received more than once.`);
    const silence = heartbeatWarning(row.last_received_at, period, now);
    if (silence) warnings.push(silence);
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
      highestEventNumber: gaps.highest,
      missingEvents: listMissing(gaps),
      missingCount: missing,
      repeatedCount: gaps.repeated,
      heartbeatPeriodSeconds: period,
      heartbeatPeriodSource: row.heartbeat_period_configured !== null ? 'configured' : period !== null ? 'inferred' : null,
      warnings,
    };
  }
}
