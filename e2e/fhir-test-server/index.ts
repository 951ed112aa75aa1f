import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { getStatus, normalizeOperationOutcome } from '@medplum/core';
import { FhirRouter, MemoryRepository } from '@medplum/fhir-router';
import type { Resource } from '@medplum/fhirtypes';
import { OAuthError, TestAuthServer, type TestClient, type TokenRecord } from './auth-server';
import { capabilityStatement } from './capability';
import { indexFhirDefinitions } from './definitions';
import { outcome } from './outcome';
import { REDOX_OPERATION, redoxWriteback } from './redox-writeback';
import { search, SearchError } from './search';
import { seed, type SeedSummary } from './seed';

export { HEART_RATE_COUNT_PAT_1, MRN_SYSTEM, seedPatients } from './seed';
export type { TestClient, TokenRecord } from './auth-server';

export interface FhirTestServerOptions {
  /** Require bearer tokens from the token endpoint on every FHIR request except metadata. */
  auth?: boolean;
  /** Serve HTTPS with this key and certificate (PEM), e.g. a self-signed one made at test time. */
  tls?: { key: string; cert: string };
  /** Clients the token endpoint accepts; more can be registered later. */
  clients?: TestClient[];
  /** With `auth`: HTTP Basic users (name → password) accepted on FHIR requests too. */
  basicUsers?: Record<string, string>;
}

export interface FhirTestServer {
  /** e.g. http://127.0.0.1:41234/fhir/R4 */
  baseUrl: string;
  /** e.g. http://127.0.0.1:41234/auth/token */
  tokenUrl: string;
  seed: SeedSummary;
  /** Every token issued, with how the client authenticated (and the verified assertion, if any). */
  tokensIssued: TokenRecord[];
  /** Every request the server received: method, path+query, Authorization scheme. */
  requests: { method: string; url: string; auth: string | null }[];
  registerClient(client: TestClient): void;
  setTokenLifetime(seconds: number): void;
  revokeAllTokens(): void;
  close(): Promise<void>;
}

const FHIR_PREFIX = '/fhir/R4';
const MAX_BODY = 20 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) reject(new Error('body too large'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': status >= 200 && body && typeof body === 'object' && 'resourceType' in body ? 'application/fhir+json' : 'application/json',
    'Content-Length': Buffer.byteLength(json),
    ...headers,
  });
  res.end(json);
}

/**
 * A small FHIR R4 server for tests: Medplum's router and in-memory repository, plus what they lack
 * (paging links, fullUrl/search.mode, _include/_revinclude, chaining, _has, POST _search, Location,
 * lenient unknown parameters reported in an outcome entry) and an OAuth token endpoint with SMART
 * discovery. Binds 127.0.0.1 on a free port. Not a conformant server: only what the tests rely on.
 */
export async function startFhirTestServer(options: FhirTestServerOptions = {}): Promise<FhirTestServer> {
  indexFhirDefinitions();
  const repo = new MemoryRepository();
  const router = new FhirRouter();
  const seeded = await seed(repo);
  const requests: FhirTestServer['requests'] = [];
  let origin = '';
  const baseUrl = () => `${origin}${FHIR_PREFIX}`;
  const tokenUrl = () => `${origin}/auth/token`;
  const auth = new TestAuthServer(tokenUrl);
  for (const c of options.clients ?? []) auth.register(c);

  const basicUserOk = (authorization: string | undefined): boolean => {
    const m = /^Basic (.+)$/i.exec(authorization ?? '');
    if (!m?.[1] || !options.basicUsers) return false;
    const decoded = Buffer.from(m[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon > 0 && options.basicUsers[decoded.slice(0, colon)] === decoded.slice(colon + 1);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', origin);
    const method = req.method ?? 'GET';
    requests.push({ method, url: url.pathname + url.search, auth: req.headers.authorization?.split(' ')[0] ?? null });

    if (url.pathname === '/auth/token') {
      if (method !== 'POST') return send(res, 405, { error: 'invalid_request', error_description: 'POST only' });
      try {
        const form = new URLSearchParams(await readBody(req));
        return send(res, 200, await auth.token(form, req.headers.authorization), { 'Cache-Control': 'no-store' });
      } catch (error) {
        if (error instanceof OAuthError) return send(res, error.status, { error: error.error, error_description: error.message });
        throw error;
      }
    }
    if (!url.pathname.startsWith(FHIR_PREFIX)) return send(res, 404, outcome('error', 'not-found', `No route for ${url.pathname}`));
    const path = url.pathname.slice(FHIR_PREFIX.length).replace(/^\/+|\/+$/g, '');

    if (path === '.well-known/smart-configuration') {
      return send(res, 200, {
        issuer: origin,
        token_endpoint: tokenUrl(),
        grant_types_supported: ['client_credentials'],
        token_endpoint_auth_methods_supported: ['private_key_jwt', 'client_secret_basic', 'client_secret_post'],
        token_endpoint_auth_signing_alg_values_supported: ['RS384', 'ES384'],
        scopes_supported: ['system/*.rs', 'system/*.read'],
        capabilities: ['client-confidential-asymmetric', 'client-confidential-symmetric', 'permission-v2'],
      });
    }
    if (path === 'metadata' && method === 'GET') return send(res, 200, capabilityStatement(baseUrl(), options.auth === true));

    if (options.auth && !basicUserOk(req.headers.authorization)) {
      const verdict = auth.check(req.headers.authorization);
      if (verdict !== 'ok') {
        return send(
          res,
          401,
          outcome('error', 'login', verdict === 'missing' ? 'Bearer token required.' : 'Bearer token is invalid or expired.'),
          { 'WWW-Authenticate': `Bearer error="${verdict === 'missing' ? 'invalid_request' : 'invalid_token'}"` },
        );
      }
    }

    const searchMatch = /^([A-Z][A-Za-z]+)(\/_search)?$/.exec(path);
    if (searchMatch?.[1] && ((method === 'GET' && !searchMatch[2]) || (method === 'POST' && searchMatch[2]))) {
      const params = new URLSearchParams(url.search);
      if (method === 'POST') {
        const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim();
        if (type !== 'application/x-www-form-urlencoded') {
          return send(res, 415, outcome('error', 'not-supported', 'POST _search needs application/x-www-form-urlencoded.'));
        }
        for (const [k, v] of new URLSearchParams(await readBody(req))) params.append(k, v);
      }
      try {
        return send(res, 200, await search(repo, baseUrl(), searchMatch[1], params));
      } catch (error) {
        if (error instanceof SearchError) return send(res, 400, outcome('error', 'invalid', error.message));
        const oo = normalizeOperationOutcome(error);
        return send(res, getStatus(oo), oo);
      }
    }

    const raw = method === 'GET' || method === 'DELETE' ? undefined : await readBody(req);
    let body: unknown;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      return send(res, 400, outcome('error', 'structure', 'The body is not valid JSON.'));
    }
    const redox = method === 'POST' ? REDOX_OPERATION.exec(path) : null;
    if (redox?.[1]) {
      const answer = await redoxWriteback(repo, baseUrl(), redox[1], body);
      return send(res, answer.status, answer.body);
    }
    const [oo, resource] = await router.handleRequest(
      {
        method: method as 'GET',
        url: path + url.search,
        pathname: '',
        body,
        params: {},
        query: Object.fromEntries(url.searchParams),
        headers: {},
      },
      repo,
    );
    const status = getStatus(oo);
    if (status >= 400 || !resource) return send(res, status, oo);
    const r = resource as Resource;
    const headers: Record<string, string> = {};
    if (status === 201 && r.id) headers.Location = `${baseUrl()}/${r.resourceType}/${r.id}/_history/${r.meta?.versionId ?? '1'}`;
    if (r.meta?.versionId) headers.ETag = `W/"${r.meta.versionId}"`;
    return send(res, status, r, headers);
  };

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, outcome('error', 'exception', error instanceof Error ? error.message : 'failure'));
      else res.destroy();
    });
  };
  const server: Server = options.tls ? createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, listener) : createHttpServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `${options.tls ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    baseUrl: baseUrl(),
    tokenUrl: tokenUrl(),
    seed: seeded,
    tokensIssued: auth.issued,
    requests,
    registerClient: (c) => auth.register(c),
    setTokenLifetime: (s) => {
      auth.tokenLifetimeS = s;
    },
    revokeAllTokens: () => auth.revokeAll(),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
