import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';
import { queryKeys } from '../../api/query-keys';

const PAGE_SIZE = 200;

/** The inbox, newest first, loaded a page at a time as the list scrolls. */
export function useNotificationPages() {
  return useInfiniteQuery({
    queryKey: queryKeys.notifications,
    queryFn: ({ pageParam }) =>
      call('notifications.list', pageParam === undefined ? { limit: PAGE_SIZE } : { limit: PAGE_SIZE, beforeId: pageParam }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBeforeId ?? undefined,
    // Live events keep it current; a refetch would only reshuffle pages.
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
