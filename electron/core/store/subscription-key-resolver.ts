import { scopedKey, type SubscriptionKey } from '../../../shared/notifications/subscription-key';

/** A state's key and the columns it is looked up by (migration 13). */
export interface KeyIdentity {
  /** The primary key: a normalised absolute reference, or a relative one scoped by its endpoint. */
  key: string;
  /** The key without the endpoint scope: what people read. */
  sentKey: string;
  /** The logical id of an absolute key; null for a scoped one. */
  absoluteId: string | null;
}

/** What is stored for the sent reference's id on its endpoint, as much as resolving needs. */
export interface LocalKeys {
  /** Absolute keys with the id: up to two (enough to tell one from several). */
  absolutes: readonly string[];
  /** Whether a relative state with the id is kept, scoped by the endpoint. */
  relative: boolean;
}

export interface Resolution {
  /** The state to keep the notification under. */
  target: KeyIdentity;
  /** A stored relative key that is the same subscription: fold its state into the target first. */
  fold: string | null;
}

/** How many absolute keys `LocalKeys` needs at most. */
export const LOCAL_ABSOLUTES = 2;

const scoped = (sent: SubscriptionKey, endpointId: number | null): KeyIdentity => ({
  key: scopedKey(endpointId, sent.key),
  sentKey: sent.key,
  absoluteId: null,
});

/** The state a relative reference with this id keeps on its own at its endpoint. */
export const relativeKeyOf = (id: string, endpointId: number | null): string => scopedKey(endpointId, `Subscription/${id}`);

/**
 * Which state a reference belongs to. A relative reference carries no server, so the endpoint
 * stands in for it (a server posts all of a subscription's notifications to one endpoint): it joins
 * the one absolute key with its id on its endpoint, and otherwise stays on its own, scoped by the
 * endpoint (two servers' `Subscription/1`, on one endpoint or two; merging them would report false
 * gaps and repeats). An absolute reference takes over the relative state on its endpoint under the
 * same rule, whichever form arrived first.
 */
export function resolveKey(sent: SubscriptionKey, endpointId: number | null, local: LocalKeys): Resolution {
  if (sent.absolute) {
    const target = { key: sent.key, sentKey: sent.key, absoluteId: sent.id };
    const alone = local.absolutes.every((key) => key === sent.key);
    return { target, fold: sent.id !== null && local.relative && alone ? relativeKeyOf(sent.id, endpointId) : null };
  }
  const [only, ...more] = local.absolutes;
  if (sent.id === null || only === undefined || more.length > 0) return { target: scoped(sent, endpointId), fold: null };
  return { target: { key: only, sentKey: only, absoluteId: sent.id }, fold: null };
}
