import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { QueryExecuteInput, QueryPageSummary } from '../../../../shared/contract';
import type { ResultColumn } from '../../../../shared/fhir/default-columns';
import { call } from '../../api/client';
import { queryKeys } from '../../api/query-keys';

export const runKeys = {
  page: (runId: number, pageIndex: number) => ['query', 'page', runId, pageIndex] as const,
  entries: (runId: number, pageIndex: number, offset: number, columns: readonly string[]) =>
    ['query', 'entries', runId, pageIndex, offset, columns.join('\u0000')] as const,
  entry: (runId: number, pageIndex: number, index: number) => ['query', 'entry', runId, pageIndex, index] as const,
  pageJson: (runId: number, pageIndex: number) => ['query', 'pageJson', runId, pageIndex] as const,
  history: (filter: object) => ['history', filter] as const,
  saved: ['savedQueries'] as const,
};

/** Runs a search; the page summary is put in the cache so the results panel shows it at once. */
export function useExecuteQuery() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: QueryExecuteInput) => call('query.execute', input),
    onSuccess: (page) => {
      queryClient.setQueryData(runKeys.page(page.runId, page.pageIndex), page);
      void queryClient.invalidateQueries({ queryKey: ['history'] });
    },
  });
}

export function useNavigate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { runId: number; pageIndex: number; relation: 'next' | 'previous' }) => call('query.navigate', input),
    onSuccess: (page: QueryPageSummary) => queryClient.setQueryData(runKeys.page(page.runId, page.pageIndex), page),
  });
}

export function usePageSummary(runId: number | null, pageIndex: number) {
  return useQuery({
    queryKey: runKeys.page(runId ?? 0, pageIndex),
    queryFn: () => call('query.page', { runId: runId ?? 0, pageIndex }),
    enabled: runId !== null,
    staleTime: Infinity,
  });
}

export function useEntries(runId: number | null, pageIndex: number, offset: number, limit: number, columns: readonly ResultColumn[]) {
  const expressions = columns.map((c) => c.expression);
  return useQuery({
    queryKey: runKeys.entries(runId ?? 0, pageIndex, offset, expressions),
    queryFn: () => call('query.entries', { runId: runId ?? 0, pageIndex, offset, limit, columns: expressions }),
    enabled: runId !== null,
    staleTime: Infinity,
    placeholderData: (previous) => previous,
  });
}

export function useEntry(runId: number | null, pageIndex: number, index: number | null) {
  return useQuery({
    queryKey: runKeys.entry(runId ?? 0, pageIndex, index ?? -1),
    queryFn: () => call('query.entry', { runId: runId ?? 0, pageIndex, index: index ?? 0 }),
    enabled: runId !== null && index !== null,
    staleTime: Infinity,
  });
}

export function usePageJson(runId: number | null, pageIndex: number, enabled: boolean) {
  return useQuery({
    queryKey: runKeys.pageJson(runId ?? 0, pageIndex),
    queryFn: () => call('query.pageJson', { runId: runId ?? 0, pageIndex }),
    enabled: runId !== null && enabled,
    staleTime: Infinity,
  });
}

export function useConnections() {
  return useQuery({ queryKey: queryKeys.connections, queryFn: () => call('connections.list', {}) });
}

export { queryKeys };
