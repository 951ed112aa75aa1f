import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { RunSummary } from '../../../../shared/contract';
import { call } from '../../api/client';
import { formatTimestamp } from '../inbox/format';
import { runKeys } from './useQueryRun';

type StatusFilter = '' | 'success' | 'client-error' | 'server-error' | 'failed';

/** Every run, searchable; reopening one restores its form and shows its stored results. */
export function HistoryPanel({ onReopen }: { onReopen: (run: RunSummary) => void }) {
  const [text, setText] = useState('');
  const [resourceType, setResourceType] = useState('');
  const [status, setStatus] = useState<StatusFilter>('');
  const filter = { text: text || undefined, resourceType: resourceType || undefined, status: status || undefined, limit: 200 };
  const history = useQuery({ queryKey: runKeys.history(filter), queryFn: () => call('history.list', filter) });
  return (
    <aside className="side-panel" aria-label="History">
      <h2>History</h2>
      <input placeholder="Search URL text" value={text} onChange={(e) => setText(e.target.value)} aria-label="Search history" />
      <div className="row-inputs">
        <input placeholder="Resource type" value={resourceType} onChange={(e) => setResourceType(e.target.value)} aria-label="Filter by resource type" />
        <select value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)} aria-label="Filter by outcome">
          <option value="">Any outcome</option>
          <option value="success">2xx</option>
          <option value="client-error">4xx</option>
          <option value="server-error">5xx</option>
          <option value="failed">No answer</option>
        </select>
      </div>
      <ul className="side-list">
        {history.data?.items.map((run) => (
          <li key={run.runId}>
            <button type="button" className="side-item" onClick={() => onReopen(run)} data-testid="history-item">
              <span className={`status-code ${run.status !== null && run.status < 400 ? 'ok' : 'bad'}`}>{run.status ?? '—'}</span>
              <span className="side-title">
                {run.method} {run.resourceType}?{run.query}
              </span>
              <span className="muted small">
                {formatTimestamp(run.startedAt)} · {run.connectionName ?? 'deleted connection'} · {run.entryCount ?? 0} entries
              </span>
            </button>
          </li>
        ))}
        {history.data?.items.length === 0 && <li className="muted">No runs match.</li>}
      </ul>
    </aside>
  );
}
