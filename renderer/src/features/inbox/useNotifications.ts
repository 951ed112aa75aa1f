import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationFilter, NotificationMarkInput } from '../../../../shared/contract';
import { call } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { cleanFilter } from './inbox-store';

const PAGE_SIZE = 200;

/** The inbox for a filter, newest first (or by relevance for a text search), a page at a time. */
export function useNotificationPages(filter: NotificationFilter) {
  const clean = cleanFilter(filter);
  return useInfiniteQuery({
    queryKey: queryKeys.notificationList(clean),
    queryFn: ({ pageParam }) =>
      call('notifications.list', {
        limit: PAGE_SIZE,
        filter: clean,
        ...(pageParam === undefined ? {} : { beforeId: pageParam }),
      }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBeforeId ?? undefined,
    // Live events keep the list current; refetching would only reshuffle pages.
    staleTime: Infinity,
  });
}

export function useNotificationDetail(id: number | null) {
  return useQuery({
    queryKey: queryKeys.notification(id ?? 0),
    queryFn: () => call('notifications.get', { id: id ?? 0 }),
    enabled: id !== null,
    staleTime: Infinity,
  });
}

export function useMarkNotifications() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NotificationMarkInput) => call('notifications.mark', input),
    // The `notifications.marked` event updates every list and detail (live-updates.ts).
    onError: () => void queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  });
}

export function useEndpoints() {
  return useQuery({ queryKey: queryKeys.endpoints, queryFn: () => call('endpoints.list', {}) });
}
