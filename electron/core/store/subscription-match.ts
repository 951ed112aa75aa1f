import type { SQLInputValue } from 'node:sqlite';
import { subscriptionKey } from '../../../shared/notifications/subscription-key';

/**
 * The notifications of one subscription, by the references they were sent under: an absolute
 * reference names it wherever it arrived; a relative one only at its endpoint (another endpoint's
 * `Subscription/1` is another subscription).
 */
export interface SubscriptionMatch {
  anywhere: readonly string[];
  atEndpoint: readonly string[];
  endpointId: number | null;
}

/** A state's references split by where they name it; a reference that names no state matches as sent, anywhere. */
export function subscriptionMatch(references: readonly string[], endpointId: number | null): SubscriptionMatch {
  const absolute = references.filter((r) => subscriptionKey(r).absolute);
  return { anywhere: absolute, atEndpoint: references.filter((r) => !absolute.includes(r)), endpointId };
}

export const matchAsSent = (reference: string): SubscriptionMatch => ({ anywhere: [reference], atEndpoint: [], endpointId: null });

const list = (values: readonly string[]): string => `n.subscription_ref IN (${values.map(() => '?').join(', ')})`;

/**
 * One clause over `notifications n` that the index on (subscription_ref, id) serves, each side of
 * an OR by itself. The endpoint is checked per row (`+`): its own index would walk every
 * notification the endpoint received.
 */
export function subscriptionCondition(match: SubscriptionMatch): { clause: string; params: SQLInputValue[] } {
  const local = match.atEndpoint.length === 0 ? null : `${list(match.atEndpoint)} AND +n.endpoint_id IS ?`;
  const localParams = [...match.atEndpoint, match.endpointId];
  if (local === null) return match.anywhere.length === 0 ? { clause: '0', params: [] } : { clause: list(match.anywhere), params: [...match.anywhere] };
  if (match.anywhere.length === 0) return { clause: local, params: localParams };
  return { clause: `(${list(match.anywhere)} OR (${local}))`, params: [...match.anywhere, ...localParams] };
}
