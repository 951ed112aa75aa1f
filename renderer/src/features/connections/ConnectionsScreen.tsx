import { ConnectionForm } from './ConnectionForm';
import { selectConnection, useSelectedConnection } from './connection-ui';
import { TestPanel } from './TestPanel';
import { useConnection, useConnectionList } from './useConnections';

/** FHIR servers: the list on the left, the selected one's settings and test on the right. */
export function ConnectionsScreen() {
  const list = useConnectionList();
  const selected = useSelectedConnection();
  const id = selected !== null && selected !== 'new' ? selected : null;
  const detail = useConnection(id);
  const items = list.data?.items ?? [];
  return (
    <section className="screen connections">
      <aside className="list-pane">
        <div className="pane-header">
          <h1>Connections</h1>
          <button type="button" onClick={() => selectConnection('new')}>New</button>
        </div>
        <div className="list-scroll">
          {list.error && <p className="error pad">{list.error.message}</p>}
          {items.length === 0 && !list.isPending && <p className="muted pad">No connections yet.</p>}
          {items.map((c) => (
            <div
              key={c.id}
              className={`row ${c.id === id ? 'selected' : ''}`}
              onClick={() => selectConnection(c.id)}
              data-testid="connection-row"
              role="button"
              tabIndex={0}
              onKeyDown={(e) => e.key === 'Enter' && selectConnection(c.id)}
            >
              <div className="row-line">
                <span className={`dot ${c.lastTest === null ? '' : c.lastTest.ok ? 'on' : 'off'}`} />
                <span className="event">{c.name}</span>
                <span className={`env env-${c.environment.toLowerCase()}`}>{c.environment}</span>
              </div>
              <div className="row-line">
                <span className="types">{c.baseUrl}</span>
                {c.allowSelfSigned && <span className="warn-tag" title="Accepts any TLS certificate">self-signed allowed</span>}
              </div>
            </div>
          ))}
        </div>
      </aside>
      <div className="detail">
        {selected === null && <p className="muted">Select a connection, or create one with New.</p>}
        {selected === 'new' && <ConnectionForm key="new" saved={undefined} />}
        {id !== null && detail.data && (
          <>
            <TestPanel connection={detail.data} />
            <ConnectionForm key={`${detail.data.id}:${detail.data.updatedAt}`} saved={detail.data} />
          </>
        )}
        {id !== null && detail.error && <p className="error">{detail.error.message}</p>}
      </div>
    </section>
  );
}
