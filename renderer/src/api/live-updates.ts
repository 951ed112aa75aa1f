import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type { NotificationDetail, NotificationPage, NotificationSummary } from '../../../shared/contract';
import { createCoalescedRefresh } from './coalesced-refresh';
import { onHeartbeat, onStreamOpen, subscribe } from './events';
import { queryKeys } from './query-keys';

/** Puts a new notification at the top of the cached inbox, once. */
export function prependNotification(
  data: InfiniteData<NotificationPage, number | undefined> | undefined,
  summary: NotificationSummary,
): InfiniteData<NotificationPage, number | undefined> | undefined {
  if (!data || data.pages.length === 0) return data;
  if (data.pages.some((page) => page.items.some((item) => item.id === summary.id))) return data;
  const [first, ...rest] = data.pages as [NotificationPage, ...NotificationPage[]];
  return {
    ...data,
    pages: [{ ...first, items: [summary, ...first.items], total: first.total + 1 }, ...rest],
  };
}

/** How long arrivals wait to share a refetch of the filtered lists and of the subscriptions. */
const FILTERED_REFRESH_MS = 250;

/** The one place where events from the core change the query cache; components never subscribe. */
export function startLiveUpdates(queryClient: QueryClient): () => void {
  const filteredLists = { queryKey: queryKeys.notifications, predicate: (query: { queryKey: readonly unknown[] }) => JSON.stringify(query.queryKey[2]) !== '{}' };
  // A filtered list may or may not match a new row, so the core decides (refetch); arrivals share refetches.
  const refreshFilteredLists = createCoalescedRefresh({
    isBusy: () => queryClient.isFetching(filteredLists) > 0,
    refresh: () => void queryClient.invalidateQueries(filteredLists),
    delayMs: FILTERED_REFRESH_MS,
  });
  // Every arrival may change a subscription's state; the panel, its button and the inbox warning share refetches.
  const refreshSubscriptions = createCoalescedRefresh({
    isBusy: () => queryClient.isFetching({ queryKey: queryKeys.subscriptions }) > 0,
    refresh: () => void queryClient.invalidateQueries({ queryKey: queryKeys.subscriptions }),
    delayMs: FILTERED_REFRESH_MS,
  });
  const stops = [
    refreshFilteredLists.stop,
    refreshSubscriptions.stop,
    subscribe('notification.received', (summary) => {
      // The unfiltered list gets the row at once. A list fetch already under way may have read the
      // database before this row was committed; its answer would overwrite a prepended row, so it
      // starts again. It is cancelled first: invalidation alone does not restart a first fetch
      // (no data yet), react-query hands back the one under way, and the row would be missing.
      const unfiltered = { queryKey: queryKeys.notificationList({}), exact: true };
      if (queryClient.isFetching(unfiltered) > 0) void queryClient.cancelQueries(unfiltered).then(() => queryClient.invalidateQueries(unfiltered));
      else queryClient.setQueryData<InfiniteData<NotificationPage, number | undefined>>(unfiltered.queryKey, (data) => prependNotification(data, summary));
      refreshFilteredLists.cue();
      refreshSubscriptions.cue();
    }),
    subscribe('notifications.marked', (marked) => {
      const ids = new Set(marked.ids);
      const patch = <T extends { id: number }>(item: T): T =>
        ids.has(item.id)
          ? {
              ...item,
              ...(marked.read !== undefined ? { read: marked.read } : {}),
              ...(marked.starred !== undefined ? { starred: marked.starred } : {}),
              ...(marked.note !== undefined ? { note: marked.note } : {}),
            }
          : item;
      queryClient.setQueriesData<InfiniteData<NotificationPage, number | undefined>>({ queryKey: queryKeys.notifications }, (data) =>
        data && 'pages' in data ? { ...data, pages: data.pages.map((p) => ({ ...p, items: p.items.map(patch) })) } : data,
      );
      for (const id of ids) {
        queryClient.setQueryData<NotificationDetail>(queryKeys.notification(id), (detail) => (detail ? patch(detail) : detail));
      }
    }),
    subscribe('endpoints.changed', () => void queryClient.invalidateQueries({ queryKey: queryKeys.endpoints })),
    subscribe('views.changed', () => void queryClient.invalidateQueries({ queryKey: queryKeys.views })),
    subscribe('receiver.status', (status) => queryClient.setQueryData(queryKeys.receiverStatus, status)),
    subscribe('connections.changed', ({ id }) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.connections });
      void queryClient.invalidateQueries({ queryKey: queryKeys.connection(id) });
    }),
    subscribe('query.progress', (progress) => {
      queryClient.setQueryData(queryKeys.queryProgress(progress.runId), progress);
      // Each fetched page changes the run's page count shown by the pager.
      void queryClient.invalidateQueries({ queryKey: ['query', 'page', progress.runId] });
      if (progress.done) void queryClient.invalidateQueries({ queryKey: ['history'] });
    }),
    // A writeback's summary changed: lists refetch, and its detail (timeline, attempts, ACK) too.
    subscribe('writeback.updated', ({ writeback }) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.writeback(writeback.id) });
      void queryClient.invalidateQueries({ queryKey: [...queryKeys.writebacks, 'list'] });
    }),
    subscribe('destinations.changed', () => void queryClient.invalidateQueries({ queryKey: queryKeys.destinations })),
    // An automatic hydration finished, failed or was skipped: that notification's Hydrate tab refetches.
    subscribe('notification.hydrated', ({ notificationId }) => void queryClient.invalidateQueries({ queryKey: queryKeys.hydrations(notificationId) })),
    // Events sent before the stream opened are lost; refetch rather than show a stale inbox.
    onStreamOpen(() => void queryClient.invalidateQueries()),
    // Self-healing: when the core holds a newer notification than the inbox shows (an event lost
    // in any interleaving of connect, fetch and commit), fetch the inbox again.
    onHeartbeat(({ lastNotificationId }) => {
      if (lastNotificationId === null) return;
      const data = queryClient.getQueryData<InfiniteData<NotificationPage, number | undefined>>(queryKeys.notificationList({}));
      const newest = data?.pages[0]?.items[0]?.id ?? 0;
      if (newest < lastNotificationId) void queryClient.invalidateQueries({ queryKey: queryKeys.notifications });
    }),
  ];
  return () => stops.forEach((stop) => stop());
}
