import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { NotificationDetail } from '../../../../shared/contract';
import { call } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { receivedAtUrl } from './curl-for-notification';
import { formatTimestamp, prettyBody } from './format';
import { useEndpoints } from './useNotifications';

/** POST the notification again, unchanged or edited, optionally re-signed; every attempt is kept with its answer. */
export function ReplayTab({ n }: { n: NotificationDetail }) {
  const queryClient = useQueryClient();
  const endpoints = useEndpoints().data?.items;
  // Where it arrived: replaying "unchanged" means to the same place unless told otherwise.
  const ownUrl = endpoints ? receivedAtUrl(n, endpoints) : '';
  const [url, setUrl] = useState('');
  const [editing, setEditing] = useState(false);
  // Pretty-printed only when editing starts: a large body would cost the window its time for nothing.
  const [body, setBody] = useState<string | null>(null);
  const [secret, setSecret] = useState('');
  // Credentials were never stored with the notification; a protected target needs them again.
  const [tokenHeader, setTokenHeader] = useState<'verification-token' | 'authorization'>('verification-token');
  const [token, setToken] = useState('');
  const tokenHeaders: [string, string][] = token ? [tokenHeader === 'authorization' ? ['Authorization', `Bearer ${token}`] : ['verification-token', token]] : [];
  const history = useQuery({ queryKey: queryKeys.replays(n.id), queryFn: () => call('notifications.replays', { id: n.id }) });
  const replay = useMutation({
    mutationFn: () =>
      call('notifications.replay', {
        id: n.id,
        url: url || ownUrl,
        ...(editing && body !== null ? { body } : {}),
        ...(secret ? { sign: { secret } } : {}),
        headers: tokenHeaders,
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.replays(n.id) }),
  });
  return (
    <section className="replay">
      <label className="block">
        Send to
        <input aria-label="Replay URL" placeholder={ownUrl || 'https://…'} value={url} onChange={(e) => setUrl(e.target.value)} />
      </label>
      <label className="inline">
        <input
          type="checkbox"
          checked={editing}
          onChange={(e) => {
            if (e.target.checked && body === null) setBody(prettyBody(n.body));
            setEditing(e.target.checked);
          }}
          disabled={n.bodyEncoding !== 'utf8'}
        />{' '}
        edit the body before sending
      </label>
      {editing && <textarea aria-label="Edited body" className="mono body-editor" value={body ?? ''} onChange={(e) => setBody(e.target.value)} spellCheck={false} />}
      <label className="block">
        Token for the target (not stored)
        <span className="value-group">
          <select aria-label="Send the token as" value={tokenHeader} onChange={(e) => setTokenHeader(e.target.value === 'authorization' ? 'authorization' : 'verification-token')}>
            <option value="verification-token">verification-token header</option>
            <option value="authorization">Authorization: Bearer</option>
          </select>
          <input aria-label="Token for the target" type="password" placeholder="optional" value={token} onChange={(e) => setToken(e.target.value)} autoComplete="off" />
        </span>
      </label>
      <label className="block">
        Re-sign (Standard Webhooks)
        <input aria-label="Signing secret" type="password" placeholder="whsec_… (optional)" value={secret} onChange={(e) => setSecret(e.target.value)} autoComplete="off" />
      </label>
      <button type="button" disabled={replay.isPending || !(url || ownUrl)} onClick={() => replay.mutate()}>
        {replay.isPending ? 'Sending…' : editing ? 'Send edited' : 'Replay unchanged'}
      </button>
      {replay.error && <p className="error" role="alert">{replay.error.message}</p>}
      <ul className="side-list">
        {history.data?.items.map((r) => (
          <li key={r.id} className="replay-item" data-testid="replay">
            <span className={`status-code ${r.status !== null && r.status < 400 ? 'ok' : 'bad'}`}>{r.status ?? '—'}</span>{' '}
            <span className="small">{formatTimestamp(r.sentAt)} → {r.url}{r.edited ? ' (edited)' : ''}{r.signed ? ' (signed)' : ''}</span>
            {r.error && <div className="error small">{r.error}</div>}
            {r.responseBody && <pre className="body small">{r.responseBody.slice(0, 2000)}</pre>}
          </li>
        ))}
      </ul>
    </section>
  );
}
