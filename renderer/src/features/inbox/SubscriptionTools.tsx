import { SubscriptionFilterChip } from './SubscriptionFilterChip';
import { SubscriptionsButton } from './SubscriptionsButton';

/** The list's subscription tools: the panel's button, and the subscription the list is narrowed to. */
export function SubscriptionTools() {
  return (
    <span className="subscription-tools">
      <SubscriptionsButton />
      <SubscriptionFilterChip />
    </span>
  );
}
