import type { Endpoint, SubscriptionState } from '../../../../shared/contract';
import { unscopedKey } from '../../../../shared/notifications/subscription-key';

type Labelled = Pick<SubscriptionState, 'key' | 'reference' | 'endpointId'>;

/**
 * Where a subscription tracked per endpoint arrives, so two endpoints' `Subscription/1` read
 * apart; null for one tracked under its absolute URL, which already says which server it is.
 */
export function endpointNote(s: Labelled, endpoints: readonly Pick<Endpoint, 'id' | 'name'>[]): string | null {
  if (s.key === s.reference || s.endpointId === null) return null;
  const endpoint = endpoints.find((e) => e.id === s.endpointId);
  return `at ${endpoint ? endpoint.name : `endpoint ${s.endpointId}`}`;
}

/** The inbox's subscription filter in words: the subscription it names (by key), else the reference as typed. */
export function filterLabel(filter: string, subscriptions: readonly Labelled[], endpoints: readonly Pick<Endpoint, 'id' | 'name'>[]): string {
  const s = subscriptions.find((item) => item.key === filter);
  if (!s) return unscopedKey(filter);
  const note = endpointNote(s, endpoints);
  return note === null ? s.reference : `${s.reference} ${note}`;
}
