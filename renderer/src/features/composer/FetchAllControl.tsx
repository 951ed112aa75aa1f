import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { QueryProgress } from '../../../../shared/contract';
import { call } from '../../api/client';
import { queryKeys } from '../../api/query-keys';

const STOPPED: Record<NonNullable<QueryProgress['stoppedBy']>, string> = {
  end: 'all pages fetched',
  'page-limit': 'stopped at the page limit',
  'entry-limit': 'stopped at the entry limit',
  cancelled: 'cancelled',
  error: 'stopped by an error',
};

/** Follows `next` links in the core with limits; progress comes as events, so this only renders it. */
export function FetchAllControl({ runId, hasNext }: { runId: number; hasNext: boolean }) {
  const [maxPages, setMaxPages] = useState(50);
  const [maxEntries, setMaxEntries] = useState(10_000);
  const progress = useQuery<QueryProgress | null>({
    queryKey: queryKeys.queryProgress(runId),
    queryFn: () => null,
    staleTime: Infinity,
    enabled: false,
    initialData: null,
  }).data;
  const start = useMutation({ mutationFn: () => call('query.fetchAll', { runId, maxPages, maxEntries }) });
  const cancel = useMutation({ mutationFn: () => call('query.cancel', { runId }) });
  const running = progress !== null && !progress.done;

  return (
    <div className="fetch-all">
      {running ? (
        <>
          <progress
            max={Math.min(progress.maxEntries, Math.max(progress.entriesFetched, 1))}
            value={progress.entriesFetched}
            aria-label="Fetching all pages"
          />
          <span data-testid="fetch-progress">
            {progress.pagesFetched} pages, {progress.entriesFetched} entries…
          </span>
          <button type="button" className="secondary" onClick={() => cancel.mutate()}>
            Cancel
          </button>
        </>
      ) : (
        <>
          <button type="button" className="secondary" disabled={!hasNext || start.isPending} onClick={() => start.mutate()}>
            Fetch all pages
          </button>
          <label className="inline">
            up to <input type="number" min={1} value={maxPages} onChange={(e) => setMaxPages(Number(e.target.value) || 1)} /> pages
          </label>
          <label className="inline">
            / <input type="number" min={1} value={maxEntries} onChange={(e) => setMaxEntries(Number(e.target.value) || 1)} /> entries
          </label>
          {progress?.done && (
            <span className={progress.stoppedBy === 'error' ? 'error' : 'muted'} data-testid="fetch-progress">
              {progress.pagesFetched} pages, {progress.entriesFetched} entries: {progress.stoppedBy ? STOPPED[progress.stoppedBy] : ''}
              {progress.error ? ` (${progress.error})` : ''}
            </span>
          )}
        </>
      )}
      {(start.error ?? cancel.error) && <span className="error">{(start.error ?? cancel.error)?.message}</span>}
    </div>
  );
}
