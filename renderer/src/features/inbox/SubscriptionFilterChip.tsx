import { cleanFilter, inboxActions, useInbox } from './inbox-store';

/** Shows that the inbox is narrowed to one subscription (set from the subscriptions panel), with a way out. */
export function SubscriptionFilterChip() {
  const filter = useInbox((s) => s.filter);
  if (filter.subscription === undefined) return null;
  return (
    <span className="chip subscription-chip" data-testid="subscription-filter">
      Subscription <code>{filter.subscription}</code>
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
