import { attentionSignature, attentionText, needingAttention } from './subscription-health';
import { subscriptionsUiActions, useSubscriptionsUi } from './subscriptions-store';
import { useEndpoints } from './useNotifications';
import { useSubscriptions } from './useSubscriptions';

/** The inbox's warning when a subscription has missed a heartbeat, lost events or reports an error. */
export function SubscriptionAlert() {
  const items = useSubscriptions().data?.items ?? [];
  const panelOpen = useSubscriptionsUi((s) => s.panelOpen);
  const dismissed = useSubscriptionsUi((s) => s.dismissedAlert);
  const attention = needingAttention(items, useEndpoints().data?.items ?? []);
  const signature = attentionSignature(attention);
  if (attention.length === 0 || panelOpen || dismissed === signature) return null;
  const { panelToggled, alertDismissed } = subscriptionsUiActions();

  return (
    <div className="subscription-alert" role="alert" data-testid="subscription-alert">
      <span className="subscription-alert-text">
        <strong>{attention.length === 1 ? 'A subscription needs attention' : `${attention.length} subscriptions need attention`}</strong>
        {' · '}
        {attentionText(attention)}
      </span>
      <button type="button" className="link" onClick={() => panelToggled(true)}>
        Show subscriptions
      </button>
      <button type="button" className="link" onClick={() => alertDismissed(signature)} aria-label="Dismiss the subscription warning">
        Dismiss
      </button>
    </div>
  );
}
