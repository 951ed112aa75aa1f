import { useState } from 'react';
import type { Endpoint } from '../../../../shared/contract';
import { EndpointForm } from './EndpointForm';
import { useEndpointList } from './useEndpoints';

const AUTH_LABEL = { none: 'no check', token: 'shared token', hmac: 'HMAC signature' } as const;

/** The receiver's named endpoints: each a path with its own sender check, handshake reply and retention. */
export function EndpointsSection() {
  const endpoints = useEndpointList();
  const [editing, setEditing] = useState<Endpoint | 'new' | null>(null);
  return (
    <section className="card endpoints" aria-label="Endpoints">
      <div className="section-head">
        <h2>Endpoints</h2>
        <button type="button" className="secondary" onClick={() => setEditing('new')}>New endpoint</button>
      </div>
      {endpoints.error && <p className="error">{endpoints.error.message}</p>}
      <table className="endpoint-table">
        <thead>
          <tr><th>Name</th><th>URL</th><th>Senders</th><th>Stored</th><th /></tr>
        </thead>
        <tbody>
          {endpoints.data?.items.map((ep) => (
            <tr key={ep.id} data-testid="endpoint-row">
              <td>{ep.name}{ep.isDefault ? <span className="muted small"> (default)</span> : null}{!ep.enabled ? <span className="warn small"> disabled</span> : null}</td>
              <td><code>{ep.url ?? ep.path}</code>{ep.error ? <div className="error small">{ep.error}</div> : null}</td>
              <td>{AUTH_LABEL[ep.auth]}{ep.rejectedUnauthorized > 0 ? <span className="muted small"> · {ep.rejectedUnauthorized} refused</span> : null}</td>
              <td>{ep.storedCount}</td>
              <td><button type="button" className="link" onClick={() => setEditing(ep)}>Edit</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      {editing !== null && <EndpointForm key={editing === 'new' ? 'new' : editing.id} endpoint={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
    </section>
  );
}
