import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { HydrationRecord, NotificationDetail } from '../../../../shared/contract';
import { call } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { LazyJsonViewer } from '../../components/LazyJsonViewer';
import { formatTimestamp } from './format';

function hydrationHeading(h: HydrationRecord): string {
  const when = `${formatTimestamp(h.fetchedAt)}${h.automatic ? ' · automatic' : ''}`;
  if (h.outcome === 'skipped') return `${when} · skipped`;
  if (h.outcome === 'failed') return `${when} · failed`;
  return `${when} from ${h.connectionName ?? 'a deleted connection'}`;
}

/** Fetches what a lightweight notification only references, from a chosen connection, and keeps it. */
export function HydrateTab({ n }: { n: NotificationDetail }) {
  const queryClient = useQueryClient();
  const connections = useQuery({ queryKey: queryKeys.connections, queryFn: () => call('connections.list', {}) }).data?.items ?? [];
  const [connectionId, setConnectionId] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const history = useQuery({ queryKey: queryKeys.hydrations(n.id), queryFn: () => call('notifications.hydrations', { id: n.id }) });
  const hydrate = useMutation({
    mutationFn: () => call('notifications.hydrate', { id: n.id, connectionId: connectionId || (connections[0]?.id ?? '') }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.hydrations(n.id) }),
  });
  return (
    <section className="hydrate">
      <div className="filter-row">
        <select aria-label="Hydrate from connection" value={connectionId || (connections[0]?.id ?? '')} onChange={(e) => setConnectionId(e.target.value)}>
          {connections.length === 0 && <option value="">No connections: add one under Connections</option>}
          {connections.map((c) => <option key={c.id} value={c.id}>{c.name} ({c.environment})</option>)}
        </select>
        <button type="button" disabled={connections.length === 0 || hydrate.isPending} onClick={() => hydrate.mutate()}>
          {hydrate.isPending ? 'Fetching…' : 'Hydrate'}
        </button>
        {n.payloadLevel === 'detailed' && <span className="muted small">This notification already carries full resources.</span>}
      </div>
      {hydrate.error && <p className="error" role="alert">{hydrate.error.message}</p>}
      {history.data?.items.map((h) => (
        <div key={h.id} className="hydration" data-testid="hydration">
          <div className="muted small">{hydrationHeading(h)}</div>
          {h.error && <p className={h.outcome === 'failed' ? 'error' : 'muted small'}>{h.error}</p>}
          <ul className="side-list">
            {h.results.map((r, i) => (
              <li key={i}>
                <button type="button" className="side-item" onClick={() => setOpen(open === `${h.id}-${i}` ? null : `${h.id}-${i}`)}>
                  <span className={`status-code ${r.status !== null && r.status < 400 ? 'ok' : 'bad'}`}>{r.status ?? '—'}</span>
                  <span className="side-title">{r.target}</span>
                  <span className="muted small">{r.error ?? r.resourceType ?? ''}</span>
                </button>
                {open === `${h.id}-${i}` && r.json && <LazyJsonViewer value={r.json} label={`Fetched ${r.target}`} height={300} />}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
