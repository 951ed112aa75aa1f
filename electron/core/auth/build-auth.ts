import type { AuthConfig, JwtAlgorithm, SecretName } from '../../../shared/contract';
import { FhirHttpError } from '../fhir-http/http-error';
import type { LoggedSender } from '../fhir-http/logged-sender';
import { basicCredentials, noAuth, type AuthProvider } from './auth-provider';
import { buildClientAssertion, JWT_BEARER_ASSERTION } from './client-assertion';
import { importSigningKey } from './signing-keys';
import { discoverSmart } from './smart-discovery';
import { TokenCache, type IssuedToken } from './token-cache';
import { requestToken } from './token-request';

export interface SigningKey {
  privateKeyPem: string;
  alg: JwtAlgorithm;
  kid: string;
}

export interface AuthDeps {
  baseUrl: string;
  send: LoggedSender;
  now: () => number;
  /** Decrypts one of the connection's secrets on demand; null when not set. */
  secret(name: SecretName): Promise<string | null>;
  signingKey(): Promise<SigningKey | null>;
}

const secretLabels: Record<SecretName, string> = {
  token: 'bearer token',
  password: 'password',
  clientSecret: 'client secret',
  apiKey: 'API key',
  tlsClientKey: 'client certificate key',
};

async function required(deps: AuthDeps, name: SecretName): Promise<string> {
  const value = await deps.secret(name);
  if (value === null) throw new FhirHttpError('secret', `No ${secretLabels[name]} is set for this connection. Enter it and save.`);
  return value;
}

/** A static credential, read from the secret store once, on first use. */
function lazyStatic(names: string[], load: () => Promise<Record<string, string>>): AuthProvider {
  let loaded: Promise<Record<string, string>> | null = null;
  return {
    headers: () => {
      loaded ??= load().catch((error: unknown) => {
        loaded = null;
        throw error;
      });
      return loaded;
    },
    invalidate: () => false,
    secretHeaderNames: names,
  };
}

function tokenAuth(fetchToken: (signal?: AbortSignal) => Promise<IssuedToken>, now: () => number): AuthProvider {
  const cache = new TokenCache(fetchToken, now);
  return {
    headers: async (signal) => ({ Authorization: `Bearer ${await cache.get(signal)}` }),
    invalidate: () => {
      cache.invalidate();
      return true;
    },
    secretHeaderNames: ['Authorization'],
  };
}

/** Where to send token requests: the configured URL, else the one SMART discovery names (cached). */
function tokenUrlResolver(deps: AuthDeps, configured: string | null): (signal?: AbortSignal) => Promise<string> {
  let discovered: string | null = null;
  return async (signal) => {
    if (configured) return configured;
    discovered ??= (await discoverSmart(deps.send, deps.baseUrl, signal)).tokenEndpoint;
    return discovered;
  };
}

/** Builds the credential logic for one connection's auth settings. */
export function createAuthProvider(auth: AuthConfig, deps: AuthDeps): AuthProvider {
  switch (auth.type) {
    case 'none':
      return noAuth;
    case 'bearer':
      return lazyStatic(['Authorization'], async () => ({ Authorization: `Bearer ${await required(deps, 'token')}` }));
    case 'basic':
      return lazyStatic(['Authorization'], async () => ({
        Authorization: basicCredentials(auth.username, await required(deps, 'password')),
      }));
    case 'api-key':
      return lazyStatic([auth.headerName], async () => ({ [auth.headerName]: await required(deps, 'apiKey') }));
    case 'client-credentials': {
      const tokenUrl = tokenUrlResolver(deps, auth.tokenUrl);
      return tokenAuth(async (signal) => {
        const secret = await required(deps, 'clientSecret');
        const form: Record<string, string> = { grant_type: 'client_credentials' };
        if (auth.scope) form.scope = auth.scope;
        if (auth.clientAuth === 'post') {
          form.client_id = auth.clientId;
          form.client_secret = secret;
        }
        return requestToken(deps.send, {
          tokenUrl: await tokenUrl(signal),
          form,
          ...(auth.clientAuth === 'basic' ? { basic: { clientId: auth.clientId, clientSecret: secret } } : {}),
          ...(signal ? { signal } : {}),
        });
      }, deps.now);
    }
    case 'smart-backend':
    case 'redox': {
      const tokenUrl = tokenUrlResolver(deps, auth.tokenUrl);
      return tokenAuth(async (signal) => {
        const key = await deps.signingKey();
        if (!key) {
          throw new FhirHttpError('secret', 'This connection has no key pair yet. Generate one and register its JWKS with the server.');
        }
        const url = await tokenUrl(signal);
        const assertion = await buildClientAssertion({
          clientId: auth.clientId,
          tokenUrl: url,
          key: await importSigningKey(key.privateKeyPem, key.alg),
          alg: key.alg,
          kid: key.kid,
          nowMs: deps.now(),
        });
        const form: Record<string, string> = {
          grant_type: 'client_credentials',
          client_assertion_type: JWT_BEARER_ASSERTION,
          client_assertion: assertion,
        };
        if (auth.scope) form.scope = auth.scope;
        return requestToken(deps.send, { tokenUrl: url, form, ...(signal ? { signal } : {}) });
      }, deps.now);
    }
  }
}
