import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type { NotificationPage, NotificationSummary } from '../../../shared/contract';
import { onStreamOpen, subscribe } from './events';
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

/** The one place where events from the core change the query cache; components never subscribe. */
export function startLiveUpdates(queryClient: QueryClient): () => void {
  const stops = [
    subscribe('notification.received', (summary) => {
      // A list fetch already under way may have read the database before this row was committed;
      // its answer would overwrite a prepended row, so start it again instead.
      if (queryClient.isFetching({ queryKey: queryKeys.notifications }) > 0) {
        void queryClient.invalidateQueries({ queryKey: queryKeys.notifications });
        return;
      }
      queryClient.setQueryData<InfiniteData<NotificationPage, number | undefined>>(queryKeys.notifications, (data) =>
        prependNotification(data, summary),
      );
    }),
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
    // Events sent before the stream opened are lost; refetch rather than show a stale inbox.
    onStreamOpen(() => void queryClient.invalidateQueries()),
  ];
  return () => stops.forEach((stop) => stop());
}
