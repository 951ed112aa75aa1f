import type { SubscriptionNotificationType } from '../../../shared/notifications/notification-facts';
import { emptyGapState, later, mergeGapStates, type SubscriptionGapState } from '../../../shared/notifications/subscription-gaps';
import type { KeyIdentity } from './subscription-key-resolver';

/** What is kept per subscription in `state_json`: the shared gap state, plus what the wire told. */
export interface StoredGaps {
  gaps: SubscriptionGapState;
  /** Seconds between the last two heartbeats: the server's heartbeat period, or more. */
  inferredHeartbeatSeconds: number | null;
  /** Every reference it was sent under (relative, absolute, with `_history`…), so the inbox can filter by all of them. */
  references: string[];
  /** Distinct event numbers received; null when an older build kept the state (it did not count). */
  eventsReceived: number | null;
}

/** Enough for every spelling a server plausibly uses; a sender inventing new ones cannot grow the row. */
export const referenceLimit = 20;

/** A state written by an older build (another shape) starts over rather than being misread. */
export function readStored(json: string | undefined): StoredGaps {
  const parsed = json === undefined ? null : (JSON.parse(json) as Partial<StoredGaps> | null);
  const references = Array.isArray(parsed?.references) ? parsed.references.filter((r): r is string => typeof r === 'string') : [];
  if (parsed?.gaps && Array.isArray(parsed.gaps.recentEventNumbers) && Array.isArray(parsed.gaps.missingRanges)) {
    const eventsReceived = typeof parsed.eventsReceived === 'number' ? parsed.eventsReceived : null;
    return { gaps: parsed.gaps, inferredHeartbeatSeconds: parsed.inferredHeartbeatSeconds ?? null, references, eventsReceived };
  }
  // Nothing readable: counting starts over, from zero.
  return { gaps: emptyGapState(), inferredHeartbeatSeconds: null, references, eventsReceived: json === undefined ? 0 : null };
}

/** Adds references not listed yet, keeping the first ones seen when over the limit. */
export const withReferences = (known: readonly string[], ...more: string[]): string[] =>
  [...new Set([...known, ...more])].slice(0, referenceLimit);

export interface StateRow {
  /** The key (KeyIdentity.key). */
  reference: string;
  /** Null in a row an older build kept, until normalizeKeys re-keys it. */
  sent_key: string | null;
  absolute_id: string | null;
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

/**
 * Every reference a row's notifications were sent under. A row an older build kept is keyed by
 * the reference as sent (and may not list it); a newer row's key is no reference anyone sent.
 */
export const sentReferences = (row: StateRow): string[] => {
  const { references } = readStored(row.state_json);
  return row.sent_key === null ? withReferences(references, row.reference) : references;
};

/**
 * One row from two that tracked the same subscription under different references (an older build
 * kept them apart, or a relative reference arrived before its absolute URL was known). What the
 * server said last comes from the row that heard from it last; a period set by hand is kept.
 */
export function mergeStateRows(into: StateRow, from: StateRow, identity: KeyIdentity): StateRow {
  const [older, newer] = into.last_received_at >= from.last_received_at ? [from, into] : [into, from];
  const a = readStored(into.state_json);
  const b = readStored(from.state_json);
  const state: StoredGaps = {
    gaps: mergeGapStates(a.gaps, b.gaps),
    inferredHeartbeatSeconds: readStored(newer.state_json).inferredHeartbeatSeconds ?? readStored(older.state_json).inferredHeartbeatSeconds,
    references: withReferences(sentReferences(into), ...sentReferences(from)),
    eventsReceived: a.eventsReceived === null || b.eventsReceived === null ? null : a.eventsReceived + b.eventsReceived,
  };
  return {
    reference: identity.key,
    sent_key: identity.sentKey,
    absolute_id: identity.absoluteId,
    endpoint_id: newer.endpoint_id,
    topic: newer.topic ?? older.topic,
    status: newer.status ?? older.status,
    last_type: newer.last_type ?? older.last_type,
    first_received_at: Math.min(into.first_received_at, from.first_received_at),
    last_received_at: newer.last_received_at,
    last_heartbeat_at: later(into.last_heartbeat_at, from.last_heartbeat_at),
    handshake_at: later(into.handshake_at, from.handshake_at),
    notification_count: into.notification_count + from.notification_count,
    heartbeat_period_configured: into.heartbeat_period_configured ?? from.heartbeat_period_configured,
    state_json: JSON.stringify(state),
  };
}
