import type { AuthType, Connection, ConnectionSaveInput, SecretName } from '../../../../shared/contract';

/** The edit form's fields as strings and flags, the way inputs hold them. */
export interface ConnectionDraft {
  id?: string;
  name: string;
  baseUrl: string;
  environment: string;
  headers: { name: string; value: string }[];
  timeoutSeconds: string;
  caBundlePem: string;
  clientCertPem: string;
  allowSelfSigned: boolean;
  proxyUrl: string;
  authType: AuthType;
  username: string;
  headerName: string;
  clientId: string;
  clientAuth: 'basic' | 'post';
  tokenUrl: string;
  scope: string;
  /** New secret values typed in; empty means "keep what is stored". */
  secrets: Partial<Record<SecretName, string>>;
  /** Secrets to remove on save. */
  clear: SecretName[];
}

export const emptyDraft: ConnectionDraft = {
  name: '',
  baseUrl: '',
  environment: 'Development',
  headers: [],
  timeoutSeconds: '30',
  caBundlePem: '',
  clientCertPem: '',
  allowSelfSigned: false,
  proxyUrl: '',
  authType: 'none',
  username: '',
  headerName: 'X-API-Key',
  clientId: '',
  clientAuth: 'basic',
  tokenUrl: '',
  scope: 'system/*.rs',
  secrets: {},
  clear: [],
};

export const REDOX_TOKEN_URL = 'https://api.redoxengine.com/v2/auth/token';

export function draftFrom(c: Connection): ConnectionDraft {
  const a = c.auth;
  return {
    ...emptyDraft,
    id: c.id,
    name: c.name,
    baseUrl: c.baseUrl,
    environment: c.environment,
    headers: c.headers.map((h) => ({ ...h })),
    timeoutSeconds: String(c.timeoutMs / 1000),
    caBundlePem: c.tls.caBundlePem ?? '',
    clientCertPem: c.tls.clientCertPem ?? '',
    allowSelfSigned: c.tls.allowSelfSigned,
    proxyUrl: c.proxyUrl ?? '',
    authType: a.type,
    username: a.type === 'basic' ? a.username : '',
    headerName: a.type === 'api-key' ? a.headerName : emptyDraft.headerName,
    clientId: 'clientId' in a ? a.clientId : '',
    clientAuth: a.type === 'client-credentials' ? a.clientAuth : 'basic',
    tokenUrl: 'tokenUrl' in a ? (a.tokenUrl ?? '') : '',
    scope: 'scope' in a ? (a.scope ?? '') : '',
  };
}

/** Which secrets each auth mode uses (what the form shows). */
export const secretsFor: Record<AuthType, SecretName[]> = {
  none: [],
  bearer: ['token'],
  basic: ['password'],
  'api-key': ['apiKey'],
  'client-credentials': ['clientSecret'],
  'smart-backend': [],
  redox: [],
};

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** The save command's input; validation is the contract's (errors come back per field). */
export function toSaveInput(d: ConnectionDraft): ConnectionSaveInput {
  const scope = orNull(d.scope);
  const auth: ConnectionSaveInput['auth'] = (() => {
    switch (d.authType) {
      case 'basic':
        return { type: 'basic', username: d.username };
      case 'api-key':
        return { type: 'api-key', headerName: d.headerName };
      case 'client-credentials':
        return { type: 'client-credentials', clientId: d.clientId, clientAuth: d.clientAuth, tokenUrl: orNull(d.tokenUrl), scope };
      case 'smart-backend':
        return { type: 'smart-backend', clientId: d.clientId, tokenUrl: orNull(d.tokenUrl), scope };
      case 'redox':
        return { type: 'redox', clientId: d.clientId, tokenUrl: orNull(d.tokenUrl) ?? REDOX_TOKEN_URL, scope };
      default:
        return { type: d.authType };
    }
  })();
  const secrets: ConnectionSaveInput['secrets'] = {};
  for (const name of d.clear) secrets[name] = null;
  for (const [name, value] of Object.entries(d.secrets) as [SecretName, string][]) if (value !== '') secrets[name] = value;
  const timeout = Number(d.timeoutSeconds);
  return {
    ...(d.id ? { id: d.id } : {}),
    name: d.name,
    baseUrl: d.baseUrl.trim().replace(/\/+$/, ''),
    environment: d.environment,
    headers: d.headers.filter((h) => h.name.trim() !== ''),
    timeoutMs: Number.isFinite(timeout) ? Math.round(timeout * 1000) : 30_000,
    tls: { caBundlePem: orNull(d.caBundlePem), clientCertPem: orNull(d.clientCertPem), allowSelfSigned: d.allowSelfSigned },
    proxyUrl: orNull(d.proxyUrl),
    auth,
    secrets,
  };
}
