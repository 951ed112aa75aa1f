import { useEffect } from 'react';
import { useSelectedNotificationId, useUiActions } from '../../state/ui-store';
import { ExportButton } from './ExportButton';
import { FilterBar } from './FilterBar';
import { cleanFilter, inboxActions, isFiltered, useInbox } from './inbox-store';
import { inboxHash } from './inbox-url';
import { NotificationDetail } from './NotificationDetail';
import { NotificationList } from './NotificationList';
import { SendTestPanel } from './SendTestPanel';
import { SubscriptionAlert } from './SubscriptionAlert';
import { SubscriptionTools } from './SubscriptionTools';
import { SubscriptionsPanel } from './SubscriptionsPanel';
import { useMarkNotifications, useNotificationPages } from './useNotifications';

export function InboxScreen() {
  const filter = useInbox((s) => s.filter);
  const sendTestOpen = useInbox((s) => s.sendTestOpen);
  const pages = useNotificationPages(filter);
  const selectedId = useSelectedNotificationId();
  const { notificationSelected } = useUiActions();
  const mark = useMarkNotifications();
  const items = pages.data?.pages.flatMap((p) => p.items) ?? [];
  const first = pages.data?.pages[0];
  const total = first?.total ?? 0;
  // A text search with other filters scans a bounded number of hits per call: a page can come
  // back empty with more left to scan, so keep asking rather than report "nothing matches".
  const scanning = items.length === 0 && pages.hasNextPage;
  const countText = scanning
    ? 'searching…'
    : `${first?.totalKind === 'at-least' ? 'at least ' : ''}${total} ${total === 1 ? 'notification' : 'notifications'}`;
  const viewId = useInbox((s) => s.viewId);
  const linkVersion = useInbox((s) => s.linkVersion);
  // The address says what the inbox shows, so a reload or a copied link shows the same.
  useEffect(() => {
    const hash = inboxHash({ filter: cleanFilter(filter), viewId });
    if (window.location.hash !== hash) window.history.replaceState(null, '', hash);
  }, [filter, viewId]);
  const { isFetchingNextPage, fetchNextPage } = pages;
  useEffect(() => {
    if (scanning && !isFetchingNextPage) void fetchNextPage();
  }, [scanning, isFetchingNextPage, fetchNextPage]);

  return (
    <section className="screen inbox">
      <div className="list-pane">
        <div className="pane-header">
          <h1>Inbox</h1>
          <span className="muted" data-testid="inbox-count">
            {countText}
            {isFiltered(filter) && !scanning ? ' match' : ''}
          </span>
          <span className="spacer" />
          <button type="button" className="secondary" onClick={() => inboxActions().sendTestToggled()} aria-expanded={sendTestOpen}>
            Send test…
          </button>
        </div>
        <SubscriptionAlert />
        <FilterBar key={linkVersion} />
        <div className="list-tools">
          <SubscriptionTools />
          <ExportButton filter={filter} />
        </div>
        {pages.isPending ? (
          <p className="muted pad">Loading…</p>
        ) : scanning ? (
          <p className="muted pad" data-testid="inbox-scanning">
            Searching older notifications…
          </p>
        ) : pages.error ? (
          <p className="error pad">{pages.error.message}</p>
        ) : items.length === 0 ? (
          <p className="muted pad" data-testid="inbox-empty">
            {isFiltered(filter)
              ? 'Nothing matches these filters.'
              : 'Nothing received yet. POST a FHIR notification to the receiver address shown at the bottom left, or send a test one.'}
          </p>
        ) : (
          <NotificationList
            items={items}
            selectedId={selectedId}
            onSelect={notificationSelected}
            onStar={(n) => mark.mutate({ ids: [n.id], starred: !n.starred })}
            hasMore={pages.hasNextPage}
            loadMore={() => {
              if (!pages.isFetchingNextPage) void pages.fetchNextPage();
            }}
          />
        )}
      </div>
      <div className="detail-pane">
        <SubscriptionsPanel />
        {sendTestOpen && <SendTestPanel />}
        <NotificationDetail id={selectedId} />
      </div>
    </section>
  );
}
