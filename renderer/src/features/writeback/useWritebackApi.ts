import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DestinationSaveInput, WritebackEnqueueInput, WritebackFilter, WritebackTemplateSaveInput } from '../../../../shared/contract';
import { call } from '../../api/client';
import { queryKeys } from '../../api/query-keys';

/** Templates saved by name (the built-in ones are in templates.ts). */
export function useUserTemplates() {
  return useQuery({ queryKey: queryKeys.writebackTemplates, queryFn: () => call('writebackTemplates.list', {}), staleTime: Infinity });
}

export function useSaveTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: WritebackTemplateSaveInput) => call('writebackTemplates.save', input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.writebackTemplates }),
  });
}

export function useDeleteTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => call('writebackTemplates.delete', { id }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.writebackTemplates }),
  });
}

export function useDestinations() {
  // `destinations.changed` refetches it (live-updates.ts).
  return useQuery({ queryKey: queryKeys.destinations, queryFn: () => call('destinations.list', {}), staleTime: Infinity });
}

export function useSaveDestination() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: DestinationSaveInput) => call('destinations.save', input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.destinations }),
  });
}

export function useEnqueue() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: WritebackEnqueueInput) => call('writebacks.enqueue', input),
    onSuccess: (detail) => {
      queryClient.setQueryData(queryKeys.writeback(detail.id), detail);
      // Its first `writeback.updated` events can arrive before this answer (the queue starts at
      // once), when there was no query yet to refresh: fetch it again now.
      void queryClient.invalidateQueries({ queryKey: queryKeys.writeback(detail.id) });
    },
  });
}

/** One writeback with its timeline, attempts and ACK; `writeback.updated` events refetch it. */
export function useWritebackDetail(id: number | null) {
  return useQuery({
    queryKey: queryKeys.writeback(id ?? 0),
    queryFn: () => call('writebacks.get', { id: id ?? 0 }),
    enabled: id !== null,
    staleTime: Infinity,
  });
}

export function useWritebackList(filter: WritebackFilter, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.writebackList(filter),
    queryFn: () => call('writebacks.list', { filter, limit: 50 }),
    enabled,
    staleTime: Infinity,
  });
}
