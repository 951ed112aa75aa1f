import { needingAttention } from './subscription-health';
import { subscriptionsUiActions, useSubscriptionsUi } from './subscriptions-store';
import { useSubscriptions } from './useSubscriptions';

/** Opens the subscriptions panel; its badge counts the subscriptions that need attention. */
export function SubscriptionsButton() {
  const open = useSubscriptionsUi((s) => s.panelOpen);
  const count = needingAttention(useSubscriptions().data?.items ?? []).length;
  return (
    <button type="button" className="secondary subscriptions-button" onClick={() => subscriptionsUiActions().panelToggled()} aria-expanded={open}>
      Subscriptions
      {count > 0 && (
        <span className="count-badge" title={`${count} need${count === 1 ? 's' : ''} attention`}>
          {count}
        </span>
      )}
    </button>
  );
}
