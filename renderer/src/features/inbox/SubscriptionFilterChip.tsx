import { cleanFilter, inboxActions, useInbox } from './inbox-store';
import { filterLabel } from './subscription-label';
import { useEndpoints } from './useNotifications';
import { useSubscriptions } from './useSubscriptions';

/** Shows that the inbox is narrowed to one subscription (set from the subscriptions panel), with a way out. */
export function SubscriptionFilterChip() {
  const filter = useInbox((s) => s.filter);
  const subscriptions = useSubscriptions().data?.items ?? [];
  const endpoints = useEndpoints().data?.items ?? [];
  if (filter.subscription === undefined) return null;
  return (
    <span className="chip subscription-chip" data-testid="subscription-filter">
      Subscription <code title={filter.subscription}>{filterLabel(filter.subscription, subscriptions, endpoints)}</code>
      <button
        type="button"
        className="link"
        aria-label="Stop filtering by subscription"
        onClick={() => inboxActions().filterChanged(cleanFilter({ ...filter, subscription: undefined }))}
      >
        ×
      </button>
    </span>
  );
}
