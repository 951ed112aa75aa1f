import { keySuffix, type SubscriptionKey } from '../../../shared/notifications/subscription-key';

/** A stored subscription state's key and the endpoint its notifications arrive at. */
export interface StoredKey {
  reference: string;
  endpointId: number | null;
}

export interface Resolution {
  /** The key to keep the state under. */
  key: string;
  /** A stored relative key that is the same subscription: fold its state into `key` first. */
  fold: string | null;
}

const relativeKey = (id: string): string => `Subscription/${id}`;

/**
 * Which stored subscription a reference belongs to, given the stored keys with the same id. A
 * relative reference carries no server, so the endpoint stands in for it: a server posts all of a
 * subscription's notifications to one endpoint. It joins the one absolute key with its id on its
 * endpoint, and stays on its own when there is none or several (two servers' `Subscription/1`;
 * merging them would report false gaps and repeats). An absolute reference takes over a relative
 * state on its endpoint under the same rule, whichever form arrived first.
 */
export function resolveKey(sent: SubscriptionKey, endpointId: number | null, candidates: readonly StoredKey[]): Resolution {
  if (sent.id === null) return { key: sent.key, fold: null };
  const suffix = keySuffix(sent.id);
  const relative = relativeKey(sent.id);
  const local = candidates.filter((c) => c.endpointId === endpointId);
  const absolutes = local.filter((c) => c.reference !== relative && c.reference.endsWith(suffix));
  if (!sent.absolute) return { key: absolutes.length === 1 ? absolutes[0]!.reference : relative, fold: null };
  const others = absolutes.filter((c) => c.reference !== sent.key);
  const orphan = local.some((c) => c.reference === relative);
  return { key: sent.key, fold: orphan && others.length === 0 ? relative : null };
}

/** The stored keys `resolveKey` needs: those with the same id, relative or absolute. */
export const candidatesQuery = 'SELECT reference, endpoint_id AS endpointId FROM subscription_states WHERE reference = ? OR substr(reference, -?) = ?';
export const candidatesParams = (id: string): [string, number, string] => [relativeKey(id), keySuffix(id).length, keySuffix(id)];
