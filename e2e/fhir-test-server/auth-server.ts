import { randomBytes } from 'node:crypto';
import { createLocalJWKSet, decodeProtectedHeader, errors, jwtVerify, type JSONWebKeySet } from 'jose';

export interface TestClient {
  clientId: string;
  /** For client_secret_basic / client_secret_post. */
  secret?: string;
  /** For private_key_jwt: the public keys the client registered. */
  jwks?: JSONWebKeySet;
  scope?: string;
}

export interface TokenRecord {
  clientId: string;
  method: 'client_secret_basic' | 'client_secret_post' | 'private_key_jwt';
  /** For private_key_jwt: the verified assertion's header and claims. */
  assertion?: { header: Record<string, unknown>; claims: Record<string, unknown> };
}

export class OAuthError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    description: string,
  ) {
    super(description);
  }
}

const MAX_ASSERTION_LIFETIME_S = 300;
const CLOCK_SKEW_S = 5;

/**
 * The token endpoint of the test server: client credentials with a client secret (basic or post)
 * or a signed client assertion (`private_key_jwt`, verified against the client's registered JWKS:
 * signature, iss = sub = client id, aud = token URL, exp at most 5 minutes ahead, jti not reused).
 */
export class TestAuthServer {
  readonly clients = new Map<string, TestClient>();
  readonly issued: TokenRecord[] = [];
  private readonly tokens = new Map<string, { clientId: string; expiresAt: number }>();
  private readonly usedJti = new Map<string, number>();
  /** Lifetime of issued access tokens; tests shorten it to exercise refresh. */
  tokenLifetimeS = 300;

  constructor(private readonly tokenUrl: () => string) {}

  register(client: TestClient): void {
    this.clients.set(client.clientId, client);
  }

  /** Forget every issued token, as a server restart or key rotation would: the next call gets 401. */
  revokeAll(): void {
    this.tokens.clear();
  }

  check(authorization: string | undefined): 'ok' | 'missing' | 'invalid' {
    const m = /^Bearer (.+)$/i.exec(authorization ?? '');
    if (!m?.[1]) return 'missing';
    const t = this.tokens.get(m[1]);
    return t && t.expiresAt > Date.now() ? 'ok' : 'invalid';
  }

  async token(form: URLSearchParams, authorization: string | undefined): Promise<Record<string, unknown>> {
    if (form.get('grant_type') !== 'client_credentials') {
      throw new OAuthError(400, 'unsupported_grant_type', 'Only client_credentials is supported.');
    }
    const record = await this.authenticate(form, authorization);
    const client = this.clients.get(record.clientId);
    const accessToken = randomBytes(24).toString('base64url');
    this.tokens.set(accessToken, { clientId: record.clientId, expiresAt: Date.now() + this.tokenLifetimeS * 1000 });
    this.issued.push(record);
    return {
      access_token: accessToken,
      token_type: 'bearer',
      expires_in: this.tokenLifetimeS,
      scope: form.get('scope') ?? client?.scope ?? 'system/*.rs',
    };
  }

  private async authenticate(form: URLSearchParams, authorization: string | undefined): Promise<TokenRecord> {
    const basic = /^Basic (.+)$/i.exec(authorization ?? '');
    if (basic?.[1]) {
      const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      const id = decodeURIComponent(decoded.slice(0, colon));
      const secret = decodeURIComponent(decoded.slice(colon + 1));
      this.checkSecret(id, secret);
      return { clientId: id, method: 'client_secret_basic' };
    }
    const assertion = form.get('client_assertion');
    if (assertion !== null) {
      if (form.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer') {
        throw new OAuthError(400, 'invalid_client', 'client_assertion_type must be urn:ietf:params:oauth:client-assertion-type:jwt-bearer.');
      }
      return this.verifyAssertion(assertion);
    }
    const id = form.get('client_id');
    const secret = form.get('client_secret');
    if (id !== null && secret !== null) {
      this.checkSecret(id, secret);
      return { clientId: id, method: 'client_secret_post' };
    }
    throw new OAuthError(401, 'invalid_client', 'No client authentication was presented.');
  }

  private checkSecret(id: string, secret: string): void {
    const client = this.clients.get(id);
    if (!client?.secret || client.secret !== secret) throw new OAuthError(401, 'invalid_client', 'Unknown client or wrong client secret.');
  }

  private async verifyAssertion(assertion: string): Promise<TokenRecord> {
    let header: Record<string, unknown>;
    try {
      header = decodeProtectedHeader(assertion) as Record<string, unknown>;
    } catch {
      throw new OAuthError(400, 'invalid_client', 'client_assertion is not a JWT.');
    }
    if (typeof header.kid !== 'string') throw new OAuthError(400, 'invalid_client', 'The assertion header has no kid.');
    const unverified = JSON.parse(Buffer.from(assertion.split('.')[1] ?? '', 'base64url').toString('utf8')) as { iss?: unknown };
    const clientId = typeof unverified.iss === 'string' ? unverified.iss : '';
    const client = this.clients.get(clientId);
    if (!client?.jwks) throw new OAuthError(400, 'invalid_client', `No JWKS is registered for client "${clientId}".`);
    let claims: Record<string, unknown>;
    try {
      const verified = await jwtVerify(assertion, createLocalJWKSet(client.jwks), {
        issuer: clientId,
        subject: clientId,
        audience: this.tokenUrl(),
        algorithms: ['RS384', 'ES384'],
        requiredClaims: ['exp', 'jti'],
        clockTolerance: CLOCK_SKEW_S,
      });
      claims = verified.payload as Record<string, unknown>;
    } catch (error) {
      const why = error instanceof errors.JOSEError ? `${error.code}: ${error.message}` : 'verification failed';
      throw new OAuthError(400, 'invalid_client', `The client assertion was refused (${why}).`);
    }
    const now = Math.floor(Date.now() / 1000);
    const exp = claims.exp as number;
    if (exp - now > MAX_ASSERTION_LIFETIME_S + CLOCK_SKEW_S) {
      throw new OAuthError(400, 'invalid_client', 'The assertion expires more than 5 minutes from now.');
    }
    const jti = claims.jti as string;
    for (const [id, until] of this.usedJti) if (until < now) this.usedJti.delete(id);
    if (this.usedJti.has(jti)) throw new OAuthError(400, 'invalid_client', 'The assertion jti was already used.');
    this.usedJti.set(jti, exp);
    return { clientId, method: 'private_key_jwt', assertion: { header, claims } };
  }
}
