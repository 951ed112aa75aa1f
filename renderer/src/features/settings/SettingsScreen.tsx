import { useState, type FormEvent } from 'react';
import { formatBytes } from '../inbox/format';
import { useConfigureReceiver, useReceiverStatus } from './useReceiver';

const secretLabels = {
  none: 'No token required (receiver is reachable only from this machine).',
  settings: 'Senders must present the shared token set here.',
  'command-line': 'Senders must present the token given with --receiver-secret (it overrides Settings for this run).',
} as const;

export function SettingsScreen() {
  const status = useReceiverStatus();
  const configure = useConfigureReceiver();
  const [path, setPath] = useState<string | null>(null);
  const [maxMb, setMaxMb] = useState<string | null>(null);
  const [secret, setSecret] = useState('');

  const s = status.data;
  if (!s) return <section className="screen settings"><h1>Settings</h1><p className="muted">{status.error?.message ?? 'Loading…'}</p></section>;

  const save = (e: FormEvent) => {
    e.preventDefault();
    const megabytes = maxMb === null ? undefined : Number(maxMb);
    configure.mutate(
      {
        ...(path !== null ? { path } : {}),
        ...(megabytes !== undefined && Number.isFinite(megabytes) ? { maxBodyBytes: Math.round(megabytes * 1024 * 1024) } : {}),
        ...(secret !== '' ? { secret } : {}),
      },
      { onSuccess: () => { setSecret(''); setPath(null); setMaxMb(null); } },
    );
  };

  return (
    <section className="screen settings">
      <h1>Settings</h1>
      <form className="card" onSubmit={save} aria-label="Webhook receiver">
        <h2>Webhook receiver</h2>
        <p className="muted">
          {s.listening ? <>Listening at <code data-testid="receiver-url">{s.url}</code></> : <span className="error">{s.error ?? 'Not listening.'}</span>}
          {' · '}
          {s.rejectedUnauthorized} refused for a wrong or missing token since start.
        </p>
        <label>
          Path
          <input value={path ?? s.path} onChange={(e) => setPath(e.target.value)} spellCheck={false} />
        </label>
        <label>
          Largest body accepted (MB) <span className="muted">now {formatBytes(s.maxBodyBytes)}</span>
          <input type="number" min="0.001" step="any" value={maxMb ?? String(s.maxBodyBytes / 1024 / 1024)} onChange={(e) => setMaxMb(e.target.value)} />
        </label>
        <label>
          Shared token <span className="muted">{secretLabels[s.secret]}</span>
          <input
            type="password"
            autoComplete="new-password"
            placeholder={s.secret === 'none' ? 'Set a token senders must present' : 'Enter a new token to replace it'}
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
          />
        </label>
        <p className="muted small">
          Senders present it as a <code>verification-token</code> header or <code>Authorization: Bearer</code>. It is stored only as a salted hash and never shown again.
        </p>
        {configure.error && <p className="error" role="alert">{configure.error.message}</p>}
        <div className="actions">
          <button type="submit" disabled={configure.isPending}>Save</button>
          {s.secret === 'settings' && (
            <button type="button" className="secondary" onClick={() => configure.mutate({ secret: null })}>
              Remove token
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
