import type { AuthType, Connection } from '../../../../shared/contract';
import { REDOX_TOKEN_URL, type ConnectionDraft } from './form-model';
import { KeyPairPanel } from './KeyPairPanel';
import { SecretField } from './SecretField';

const authLabels: Record<AuthType, string> = {
  none: 'None',
  bearer: 'Bearer token',
  basic: 'HTTP Basic',
  'api-key': 'API key header',
  'client-credentials': 'OAuth 2.0 client credentials (client secret)',
  'smart-backend': 'SMART Backend Services (private_key_jwt)',
  redox: 'Redox (signed JWT, explicit token endpoint)',
};

interface Props {
  draft: ConnectionDraft;
  saved: Connection | undefined;
  onChange: (next: ConnectionDraft) => void;
}

/** The auth mode picker and only the fields that mode needs. */
export function AuthFields({ draft, saved, onChange }: Props) {
  const set = <K extends keyof ConnectionDraft>(key: K, value: ConnectionDraft[K]) => onChange({ ...draft, [key]: value });
  const isSet = (n: keyof Connection['secrets']) => saved?.secrets[n] ?? false;
  const t = draft.authType;
  const usesClient = t === 'client-credentials' || t === 'smart-backend' || t === 'redox';
  return (
    <fieldset className="group">
      <legend>Authentication</legend>
      <label>
        Mode
        <select value={t} onChange={(e) => set('authType', e.target.value as AuthType)} aria-label="Auth mode">
          {(Object.keys(authLabels) as AuthType[]).map((k) => (
            <option key={k} value={k}>{authLabels[k]}</option>
          ))}
        </select>
      </label>
      {t === 'bearer' && <SecretField name="token" label="Token" isSet={isSet('token')} draft={draft} onChange={onChange} />}
      {t === 'basic' && (
        <>
          <label>
            Username
            <input value={draft.username} onChange={(e) => set('username', e.target.value)} autoComplete="off" />
          </label>
          <SecretField name="password" label="Password" isSet={isSet('password')} draft={draft} onChange={onChange} />
        </>
      )}
      {t === 'api-key' && (
        <>
          <label>
            Header name
            <input value={draft.headerName} onChange={(e) => set('headerName', e.target.value)} spellCheck={false} />
          </label>
          <SecretField name="apiKey" label="API key" isSet={isSet('apiKey')} draft={draft} onChange={onChange} />
        </>
      )}
      {usesClient && (
        <>
          <label>
            Client ID
            <input value={draft.clientId} onChange={(e) => set('clientId', e.target.value)} spellCheck={false} aria-label="Client ID" />
          </label>
          <label>
            Token URL{' '}
            <span className="muted">
              {t === 'redox' ? `default ${REDOX_TOKEN_URL}` : 'leave empty to discover it from .well-known/smart-configuration'}
            </span>
            <input value={draft.tokenUrl} onChange={(e) => set('tokenUrl', e.target.value)} spellCheck={false} placeholder={t === 'redox' ? REDOX_TOKEN_URL : 'discovered'} />
          </label>
          <label>
            Scope <span className="muted">optional, e.g. system/*.rs</span>
            <input value={draft.scope} onChange={(e) => set('scope', e.target.value)} spellCheck={false} />
          </label>
        </>
      )}
      {t === 'client-credentials' && (
        <>
          <label>
            Client authentication
            <select value={draft.clientAuth} onChange={(e) => set('clientAuth', e.target.value as 'basic' | 'post')}>
              <option value="basic">client_secret_basic (Authorization header)</option>
              <option value="post">client_secret_post (form body)</option>
            </select>
          </label>
          <SecretField name="clientSecret" label="Client secret" isSet={isSet('clientSecret')} draft={draft} onChange={onChange} />
        </>
      )}
      {(t === 'smart-backend' || t === 'redox') && <KeyPairPanel connection={saved} />}
    </fieldset>
  );
}
