import type { SubscriptionState } from '../../../shared/contract';
import { unscopedKey } from '../../../shared/notifications/subscription-key';
import { heartbeatOverdue, missingEventCount, missingEventNumbers } from '../../../shared/notifications/subscription-gaps';
import { readStored, sentReferences, type StateRow } from './subscription-state-row';

/** `heartbeat_period_configured` for "set by hand: this subscription sends no heartbeats". */
export const NO_HEARTBEAT = 0;

const iso = (ms: number): string => new Date(ms).toISOString();

/** A stored state as subscriptions.list shows it, with its warnings as of `now`. */
export function toSubscriptionState(row: StateRow, now: number): SubscriptionState {
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
  const reference = row.sent_key ?? unscopedKey(row.reference);
  const references = sentReferences(row);
  return {
    key: row.reference,
    reference,
    references: references.length > 0 ? references : [reference],
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
