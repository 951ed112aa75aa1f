import type { Connection } from '../../../../shared/contract';
import { CapabilitiesView } from './CapabilitiesView';
import { useCapabilities, useRequestLog, useTestConnection } from './useConnections';

/** "Test connection": the verdict in plain words, the cached CapabilityStatement, the recent exchanges. */
export function TestPanel({ connection }: { connection: Connection }) {
  const test = useTestConnection(connection.id);
  const caps = useCapabilities(connection.id);
  const log = useRequestLog(connection.id);
  const result = test.data;
  return (
    <section className="card wide">
      <div className="inline">
        <h2>Server</h2>
        <button type="button" onClick={() => test.mutate()} disabled={test.isPending} data-testid="test-connection">
          {test.isPending ? 'Testing…' : 'Test connection'}
        </button>
      </div>
      {test.error && <p className="error" role="alert">{test.error.message}</p>}
      {result && !result.ok && (
        <div className="banner error" role="alert" data-testid="test-error">
          <strong>{result.message}</strong>
          {result.serverDetail && <div className="small">Server said: {result.serverDetail}</div>}
        </div>
      )}
      {result?.ok && (
        <p className="ok-line" data-testid="test-ok">Connected in {Math.round(result.durationMs)} ms.</p>
      )}
      {caps.data?.capabilities ? (
        <CapabilitiesView caps={caps.data.capabilities} />
      ) : (
        <p className="muted">Not tested yet: the server's CapabilityStatement appears here after a successful test.</p>
      )}
      {log.data && log.data.items.length > 0 && (
        <>
          <h3>Recent requests</h3>
          <table className="headers reqlog" data-testid="request-log">
            <tbody>
              {log.data.items.map((e) => (
                <tr key={e.id}>
                  <td className="kind">{e.kind === 'fhir' ? '' : e.kind === 'token' ? 'token exchange' : 'discovery'}</td>
                  <td>{e.method}</td>
                  <td className="url">{e.url}</td>
                  <td>{e.status ?? e.error ?? 'failed'}</td>
                  <td>{e.durationMs} ms</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
