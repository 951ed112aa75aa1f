import { useMemo } from 'react';
import { formatBytes, formatTimestamp, prettyBody } from './format';
import { useNotificationDetail } from './useNotifications';

export function NotificationDetail({ id }: { id: number | null }) {
  const detail = useNotificationDetail(id);
  const n = detail.data;
  const body = useMemo(() => (n && n.bodyEncoding === 'utf8' ? prettyBody(n.body) : (n?.body ?? '')), [n]);

  if (id === null) return <div className="detail empty">Select a notification to see its headers and body.</div>;
  if (detail.isPending) return <div className="detail empty">Loading…</div>;
  if (detail.error) return <div className="detail empty error">{detail.error.message}</div>;
  if (!n) return null;

  return (
    <article className="detail" aria-label={`Notification ${n.id}`}>
      <header>
        <h2>
          #{n.id} {n.event ?? 'Notification'}
        </h2>
        <dl className="facts">
          <dt>Received</dt>
          <dd>{formatTimestamp(n.receivedAt)}</dd>
          <dt>From</dt>
          <dd>{n.source ?? 'unknown'}{n.remoteAddress ? ` (${n.remoteAddress})` : ''}</dd>
          <dt>Endpoint</dt>
          <dd><code>{n.method} {n.endpointPath}</code></dd>
          <dt>Size</dt>
          <dd>{formatBytes(n.sizeBytes)}</dd>
          <dt>Verification</dt>
          <dd>{n.verification === 'token' ? 'shared token matched' : 'none configured'}</dd>
          <dt>Resources</dt>
          <dd>{n.resourceTypes.join(', ') || '—'}</dd>
        </dl>
      </header>
      {n.parseStatus !== 'ok' && (
        <div className="banner error" role="alert">
          {n.parseError ?? n.parseStatus} The body is kept exactly as received.
        </div>
      )}
      <section>
        <h3>Headers</h3>
        <table className="headers">
          <tbody>
            {n.headers.map(([name, value], i) => (
              <tr key={`${name}-${i}`}>
                <th scope="row">{name}</th>
                <td>{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section>
        <h3>Body {n.bodyEncoding === 'base64' ? '(not UTF-8; shown as base64)' : ''}</h3>
        <pre className="body" data-testid="notification-body">{body}</pre>
      </section>
    </article>
  );
}
