import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ConnectionSaveInput, JwtAlgorithm } from '../../../../shared/contract';
import { call } from '../../api/client';
import { queryKeys } from '../../api/query-keys';

export function useConnectionList() {
  return useQuery({ queryKey: queryKeys.connections, queryFn: () => call('connections.list', {}) });
}

export function useConnection(id: string | null) {
  return useQuery({
    queryKey: queryKeys.connection(id ?? ''),
    queryFn: () => call('connections.get', { id: id ?? '' }),
    enabled: id !== null,
  });
}

export function useCapabilities(id: string | null) {
  return useQuery({
    queryKey: queryKeys.connectionCapabilities(id ?? ''),
    queryFn: () => call('connections.capabilities', { id: id ?? '' }),
    enabled: id !== null,
  });
}

export function useJwks(id: string | null, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.connectionJwks(id ?? ''),
    queryFn: () => call('connections.jwks', { id: id ?? '' }),
    enabled: id !== null && enabled,
  });
}

export function useRequestLog(id: string | null) {
  return useQuery({
    queryKey: queryKeys.requestLog(id ?? ''),
    queryFn: () => call('requestLog.list', { connectionId: id ?? undefined, limit: 20 }),
    enabled: id !== null,
  });
}

const invalidateConnection = (queryClient: ReturnType<typeof useQueryClient>, id: string) => {
  void queryClient.invalidateQueries({ queryKey: queryKeys.connections });
  void queryClient.invalidateQueries({ queryKey: queryKeys.connection(id) });
  void queryClient.invalidateQueries({ queryKey: queryKeys.connectionJwks(id) });
  void queryClient.invalidateQueries({ queryKey: queryKeys.requestLog(id) });
};

export function useSaveConnection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ConnectionSaveInput) => call('connections.save', input),
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.connection(saved.id), saved);
      invalidateConnection(queryClient, saved.id);
    },
  });
}

export function useDeleteConnection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call('connections.delete', { id }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.connections }),
  });
}

export function useTestConnection(id: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call('connections.test', { id: id ?? '' }),
    onSettled: () => {
      if (id === null) return;
      invalidateConnection(queryClient, id);
      void queryClient.invalidateQueries({ queryKey: queryKeys.connectionCapabilities(id) });
    },
  });
}

export function useGenerateKeyPair(id: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (alg: JwtAlgorithm) => call('connections.generateKeyPair', { id: id ?? '', alg }),
    onSuccess: (jwks) => {
      if (id === null) return;
      queryClient.setQueryData(queryKeys.connectionJwks(id), jwks);
      invalidateConnection(queryClient, id);
    },
  });
}
