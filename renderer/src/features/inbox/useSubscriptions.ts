import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CommandInput } from '../../../../shared/contract';
import { call } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { nextCheckMs } from './subscription-health';

/**
 * Every FHIR subscription seen. Whether a heartbeat is overdue depends on the time, not only on
 * traffic, so the list is fetched again when the next one falls due (arrivals refetch it too:
 * live-updates.ts).
 */
export function useSubscriptions() {
  return useQuery({
    queryKey: queryKeys.subscriptions,
    queryFn: () => call('subscriptions.list', {}),
    refetchInterval: (query) => nextCheckMs(query.state.data?.items ?? [], Date.now()),
  });
}

export function useConfigureHeartbeat() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CommandInput<'subscriptions.configure'>) => call('subscriptions.configure', input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.subscriptions }),
  });
}
