import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EndpointSaveInput } from '../../../../shared/contract';
import { call } from '../../api/client';
import { queryKeys } from '../../api/query-keys';

export function useEndpointList() {
  return useQuery({ queryKey: queryKeys.endpoints, queryFn: () => call('endpoints.list', {}) });
}

export function useSaveEndpoint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: EndpointSaveInput) => call('endpoints.save', input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.endpoints }),
  });
}

export function useDeleteEndpoint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => call('endpoints.delete', { id }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.endpoints }),
  });
}
