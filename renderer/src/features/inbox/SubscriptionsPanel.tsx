import { useInbox } from './inbox-store';
import { SubscriptionItem } from './SubscriptionItem';
import { subscriptionsUiActions, useSubscriptionsUi } from './subscriptions-store';
import { useSubscriptions } from './useSubscriptions';

/** The panel when it is open (SubscriptionsButton, SubscriptionAlert open it). */
export function SubscriptionsPanel() {
  const open = useSubscriptionsUi((s) => s.panelOpen);
  return open ? <OpenSubscriptionsPanel /> : null;
}

/** Every FHIR subscription the receiver has heard from, for support staff checking a channel's health. */
function OpenSubscriptionsPanel() {
  const subscriptions = useSubscriptions();
  const items = subscriptions.data?.items ?? [];
  const filtered = useInbox((s) => s.filter.subscription);

  return (
    <section className="subscriptions card" aria-label="Subscriptions">
      <div className="subscriptions-head">
        <h2>FHIR subscriptions</h2>
        <button type="button" className="link" onClick={() => subscriptionsUiActions().panelToggled(false)}>
          Close
        </button>
      </div>
      <p className="small muted">
        Delivery guarantees nothing: events can be lost or repeated, and a quiet channel may be broken. Set the heartbeat period
        each Subscription was created with to be warned when nothing arrives in time.
      </p>
      {subscriptions.isPending ? (
        <p className="muted">Loading…</p>
      ) : subscriptions.error ? (
        <p className="error">{subscriptions.error.message}</p>
      ) : items.length === 0 ? (
        <p className="muted" data-testid="subscriptions-empty">
          No FHIR Subscriptions notification has arrived yet. They appear here from their handshake or first event.
        </p>
      ) : (
        <ul className="subscription-list">
          {items.map((s) => (
            <SubscriptionItem key={s.key} subscription={s} shownInInbox={filtered === s.key} />
          ))}
        </ul>
      )}
    </section>
  );
}
