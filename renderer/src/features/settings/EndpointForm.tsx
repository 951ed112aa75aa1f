import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Endpoint, EndpointAuthType } from '../../../../shared/contract';
import { call } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { formatBytes } from '../inbox/format';
import { bytesToMb, mbToBytes } from './megabytes';
import { useDeleteEndpoint, useSaveEndpoint } from './useEndpoints';

interface Props {
  endpoint: Endpoint | null;
  onDone: () => void;
}

const numberOrNull = (text: string): number | null => (text.trim() === '' ? null : Number(text));

/** Create or edit one receiver endpoint: path, how it checks senders, handshake reply, limits, retention. */
export function EndpointForm({ endpoint, onDone }: Props) {
  const save = useSaveEndpoint();
  const remove = useDeleteEndpoint();
  const [name, setName] = useState(endpoint?.name ?? '');
  const [path, setPath] = useState(endpoint?.path ?? '/hooks/');
  const [enabled, setEnabled] = useState(endpoint?.enabled ?? true);
  const [auth, setAuth] = useState<EndpointAuthType>(endpoint?.auth ?? 'token');
  const [token, setToken] = useState('');
  const [hmacSecret, setHmacSecret] = useState('');
  const [challenge, setChallenge] = useState<'json' | 'raw'>(endpoint?.challengeResponse ?? 'json');
  const [maxMb, setMaxMb] = useState(bytesToMb(endpoint?.maxBodyBytes));
  const [maxAgeDays, setMaxAgeDays] = useState(endpoint?.retention.maxAgeDays?.toString() ?? '');
  const [maxCount, setMaxCount] = useState(endpoint?.retention.maxCount?.toString() ?? '');
  const [keepMb, setKeepMb] = useState(bytesToMb(endpoint?.retention.maxBytes));
  const [generated, setGenerated] = useState<string | null>(null);
  const [autoHydrate, setAutoHydrate] = useState(endpoint?.autoHydrateConnectionId ?? '');
  const connections = useQuery({ queryKey: queryKeys.connections, queryFn: () => call('connections.list', {}) }).data?.items ?? [];

  const submit = (generateHmacSecret = false) =>
    save.mutate(
      {
        ...(endpoint ? { id: endpoint.id } : {}),
        name,
        path,
        enabled,
        auth,
        ...(auth === 'token' && token ? { token } : {}),
        ...(auth === 'hmac' && hmacSecret ? { hmacSecrets: [hmacSecret] } : {}),
        ...(generateHmacSecret ? { generateHmacSecret: true } : {}),
        challengeResponse: challenge,
        maxBodyBytes: mbToBytes(maxMb),
        retention: { maxAgeDays: numberOrNull(maxAgeDays), maxCount: numberOrNull(maxCount), maxBytes: mbToBytes(keepMb) },
        autoHydrateConnectionId: autoHydrate === '' ? null : autoHydrate,
      },
      {
        onSuccess: (saved) => {
          setToken('');
          setHmacSecret('');
          if (saved.generatedSecret) setGenerated(saved.generatedSecret);
          else onDone();
        },
      },
    );

  return (
    <form
      className="card endpoint-form"
      aria-label={endpoint ? `Endpoint ${endpoint.name}` : 'New endpoint'}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <h3>{endpoint ? `Edit ${endpoint.name}` : 'New endpoint'}</h3>
      <div className="form-grid">
        <label>Name<input aria-label="Endpoint name" value={name} onChange={(e) => setName(e.target.value)} /></label>
        <label>Path<input aria-label="Endpoint path" value={path} onChange={(e) => setPath(e.target.value)} spellCheck={false} /></label>
      </div>
      <label className="inline"><input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} /> accepting notifications</label>
      <label>
        Senders prove themselves with
        <select aria-label="Endpoint auth" value={auth} onChange={(e) => setAuth(e.target.value as EndpointAuthType)}>
          <option value="none">nothing (loopback only)</option>
          <option value="token">a shared token (verification-token header or Bearer)</option>
          <option value="hmac">an HMAC signature (Standard Webhooks)</option>
        </select>
      </label>
      {auth === 'token' && (
        <label>
          Shared token <span className="muted">{endpoint?.tokenSource ? `set (${endpoint.tokenSource}); enter a new one to replace it` : 'not set'}</span>
          <input aria-label="Endpoint token" type="password" autoComplete="new-password" placeholder="at least 8 characters" value={token} onChange={(e) => setToken(e.target.value)} />
        </label>
      )}
      {auth === 'hmac' && (
        <div className="hmac">
          <span className="muted small">{endpoint?.hmacSecretCount ? `${endpoint.hmacSecretCount} secret(s) accepted.` : 'No secret yet.'} Secrets are encrypted and never shown again.</span>
          <input aria-label="HMAC secret" type="password" autoComplete="off" placeholder="whsec_… (paste the sender's secret)" value={hmacSecret} onChange={(e) => setHmacSecret(e.target.value)} />
          <button type="button" className="secondary" onClick={() => submit(true)}>Generate a secret</button>
          {generated && (
            <div className="banner" role="status">
              Give this secret to the sender now; it will not be shown again: <code data-testid="generated-secret">{generated}</code>
              <button type="button" className="link" onClick={onDone}>Done</button>
            </div>
          )}
        </div>
      )}
      <div className="form-grid">
        <label>
          Redox verification reply
          <select aria-label="Challenge reply" value={challenge} onChange={(e) => setChallenge(e.target.value as 'json' | 'raw')}>
            <option value="json">{'{"challenge": "…"}'}</option>
            <option value="raw">the bare challenge</option>
          </select>
        </label>
        <label>Largest body (MB)<input aria-label="Largest body" type="number" min="0.001" step="any" placeholder="receiver default" value={maxMb} onChange={(e) => setMaxMb(e.target.value)} /></label>
        <label>Keep at most (days)<input aria-label="Retention days" type="number" min="1" placeholder="forever" value={maxAgeDays} onChange={(e) => setMaxAgeDays(e.target.value)} /></label>
        <label>Keep at most (notifications)<input aria-label="Retention count" type="number" min="1" placeholder="all" value={maxCount} onChange={(e) => setMaxCount(e.target.value)} /></label>
        {/* Body bytes, oldest go first: the same measure as the stored total shown below. */}
        <label>Keep at most (MB)<input aria-label="Retention size" type="number" min="0.001" step="any" placeholder="no limit" value={keepMb} onChange={(e) => setKeepMb(e.target.value)} /></label>
      </div>
      <label>
        Hydrate lightweight notifications automatically from
        <select aria-label="Automatic hydration" value={autoHydrate} onChange={(e) => setAutoHydrate(e.target.value)}>
          <option value="">no connection (hydrate by hand in the inbox)</option>
          {connections.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} ({c.environment})
            </option>
          ))}
        </select>
      </label>
      {endpoint && <p className="muted small">{endpoint.storedCount} stored ({formatBytes(endpoint.storedBytes)}) · {endpoint.rejectedUnauthorized} refused · {endpoint.duplicates} duplicates ignored</p>}
      {(save.error ?? remove.error) && <p className="error" role="alert">{(save.error ?? remove.error)?.message}</p>}
      <div className="actions">
        <button type="submit" disabled={save.isPending}>Save</button>
        <button type="button" className="secondary" onClick={onDone}>Cancel</button>
        {endpoint && !endpoint.isDefault && (
          <button type="button" className="link" onClick={() => remove.mutate(endpoint.id, { onSuccess: onDone })}>Delete endpoint</button>
        )}
      </div>
    </form>
  );
}
