import { useSelectedNotificationId, useUiActions } from '../../state/ui-store';
import { NotificationDetail } from './NotificationDetail';
import { NotificationList } from './NotificationList';
import { useNotificationPages } from './useNotifications';

export function InboxScreen() {
  const pages = useNotificationPages();
  const selectedId = useSelectedNotificationId();
  const { notificationSelected } = useUiActions();
  const items = pages.data?.pages.flatMap((p) => p.items) ?? [];
  const total = pages.data?.pages[0]?.total ?? 0;

  return (
    <section className="screen inbox">
      <div className="list-pane">
        <div className="pane-header">
          <h1>Inbox</h1>
          <span className="muted" data-testid="inbox-count">
            {total} {total === 1 ? 'notification' : 'notifications'}
          </span>
        </div>
        {pages.isPending ? (
          <p className="muted pad">Loading…</p>
        ) : pages.error ? (
          <p className="error pad">{pages.error.message}</p>
        ) : items.length === 0 ? (
          <p className="muted pad" data-testid="inbox-empty">
            Nothing received yet. POST a FHIR notification to the receiver address shown at the bottom left.
          </p>
        ) : (
          <NotificationList
            items={items}
            selectedId={selectedId}
            onSelect={notificationSelected}
            hasMore={pages.hasNextPage}
            loadMore={() => {
              if (!pages.isFetchingNextPage) void pages.fetchNextPage();
            }}
          />
        )}
      </div>
      <NotificationDetail id={selectedId} />
    </section>
  );
}
