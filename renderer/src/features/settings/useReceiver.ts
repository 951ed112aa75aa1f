import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReceiverConfigureInput } from '../../../../shared/contract';
import { call } from '../../api/client';
import { queryKeys } from '../../api/query-keys';

export function useReceiverStatus() {
  return useQuery({ queryKey: queryKeys.receiverStatus, queryFn: () => call('receiver.status', {}) });
}

export function useConfigureReceiver() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ReceiverConfigureInput) => call('receiver.configure', input),
    onSuccess: (status) => queryClient.setQueryData(queryKeys.receiverStatus, status),
  });
}
