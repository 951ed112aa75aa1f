import { createServer, type Server } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFhirTestServer, type FhirTestServer } from '../../../e2e/fhir-test-server';
import type { ConnectionSaveInput } from '../../../shared/contract';
import { selfSignedCertificate } from './self-signed';
import { connectionsHarness } from './test-harness';

/** Integration: the connections feature over real HTTP against the FHIR test server. */
describe('connections against a real FHIR server', () => {
  let server: FhirTestServer;
  let h: ReturnType<typeof connectionsHarness>;
  beforeAll(async () => {
    server = await startFhirTestServer({
      auth: true,
      clients: [{ clientId: 'cc-client', secret: 'cc-secret-value' }],
      basicUsers: { analyst: 'basic-password-value' },
    });
  });
  afterAll(() => server.close());
  afterEach(() => h?.close());

  const save = (input: Omit<ConnectionSaveInput, 'baseUrl' | 'name'> & { name?: string }) =>
    h.call('connections.save', { name: 'Test server', baseUrl: server.baseUrl, ...input });
  const test = async (id: string) => h.call('connections.test', { id });

  it('tests a connection: CapabilityStatement summary, cached per connection', async () => {
    h = connectionsHarness();
    const c = await save({ auth: { type: 'basic', username: 'analyst' }, secrets: { password: 'basic-password-value' } });
    expect((await h.call('connections.capabilities', { id: c.id })).capabilities).toBeNull();
    const result = await test(c.id);
    if (!result.ok) throw new Error(result.message);
    expect(result.capabilities.fhirVersion).toBe('4.0.1');
    expect(result.capabilities.software).toEqual({ name: 'Switchboard FHIR test server', version: '1.0.0' });
    const obs = result.capabilities.resources.find((r) => r.type === 'Observation');
    expect(obs?.interactions).toEqual(expect.arrayContaining(['read', 'search-type', 'create']));
    expect(obs?.searchParams).toEqual(expect.arrayContaining([{ name: 'code', type: 'token' }, { name: 'date', type: 'date' }]));
    const before = server.requests.length;
    const cached = await h.call('connections.capabilities', { id: c.id });
    expect(cached.capabilities).toEqual(result.capabilities);
    expect(server.requests.length).toBe(before);
    expect((await h.call('connections.get', { id: c.id })).lastTest).toMatchObject({ ok: true });

    // Other features' door: a client that searches with the connection's auth (Basic here).
    const client = await h.ctx.fhir.clientFor(c.id);
    const res = await client.request({ method: 'GET', url: 'Patient?identifier=http://hospital.example.org/mrn|MRN-1003' });
    expect(res.status).toBe(200);
    expect(res.requestHeaders).toContainEqual(['Authorization', '[redacted]']);
    expect(JSON.parse(new TextDecoder().decode(res.body)).entry[0].resource.id).toBe('pat-3');
  });

  it('reports a refused bearer token with the server OperationOutcome', async () => {
    h = connectionsHarness();
    const c = await save({ auth: { type: 'bearer' }, secrets: { token: 'not-a-token-the-server-issued' } });
    // metadata is open on most servers; the test still passes, a search shows the refusal.
    const client = await h.ctx.fhir.clientFor(c.id);
    const res = await client.request({ method: 'GET', url: 'Patient' });
    expect(res.status).toBe(401);
    const log = await h.call('requestLog.list', { connectionId: c.id });
    expect(JSON.stringify(log)).not.toContain('not-a-token-the-server-issued');
  });

  it('client credentials (secret basic and post), with SMART discovery, visible in the request log', async () => {
    for (const clientAuth of ['basic', 'post'] as const) {
      h = connectionsHarness();
      const issuedBefore = server.tokensIssued.length;
      const c = await save({ auth: { type: 'client-credentials', clientId: 'cc-client', clientAuth, tokenUrl: null, scope: 'system/*.rs' }, secrets: { clientSecret: 'cc-secret-value' } });
      const client = await h.ctx.fhir.clientFor(c.id);
      const res = await client.request({ method: 'GET', url: 'Condition?patient=Patient/pat-1' });
      expect(res.status).toBe(200);
      expect(server.tokensIssued.slice(issuedBefore).map((t) => t.method)).toEqual([`client_secret_${clientAuth}`]);
      // Cached: a second request fetches no new token.
      await client.request({ method: 'GET', url: 'Patient?_count=1' });
      expect(server.tokensIssued.length).toBe(issuedBefore + 1);
      const log = (await h.call('requestLog.list', { connectionId: c.id })).items;
      expect(log.map((e) => e.kind).reverse()).toEqual(['discovery', 'token', 'fhir', 'fhir']);
      expect(log.find((e) => e.kind === 'token')).toMatchObject({ method: 'POST', url: server.tokenUrl, status: 200 });
      expect(JSON.stringify(log)).not.toContain('cc-secret-value');
      await h.close();
    }
    h = connectionsHarness();
  });

  it('refreshes the token after a 401 once, and reports a token endpoint that refuses', async () => {
    h = connectionsHarness();
    const c = await save({ auth: { type: 'client-credentials', clientId: 'cc-client', clientAuth: 'basic', tokenUrl: server.tokenUrl, scope: null }, secrets: { clientSecret: 'cc-secret-value' } });
    const client = await h.ctx.fhir.clientFor(c.id);
    expect((await client.request({ method: 'GET', url: 'Patient?_count=1' })).status).toBe(200);
    const issued = server.tokensIssued.length;
    server.revokeAllTokens();
    expect((await client.request({ method: 'GET', url: 'Patient?_count=1' })).status).toBe(200);
    expect(server.tokensIssued.length).toBe(issued + 1);

    const wrong = await save({ auth: { type: 'client-credentials', clientId: 'cc-client', clientAuth: 'post', tokenUrl: server.tokenUrl, scope: null }, secrets: { clientSecret: 'wrong-secret' } });
    const result = await test(wrong.id);
    expect(result).toMatchObject({ ok: false, kind: 'token', httpStatus: 401, serverDetail: expect.stringContaining('invalid_client') });
  });

  for (const alg of ['RS384', 'ES384'] as const) {
    it(`SMART Backend Services with ${alg}: generated key, JWKS registered, assertion verified by the server`, async () => {
      h = connectionsHarness();
      const clientId = `smart-${alg}`;
      const c = await save({ auth: { type: 'smart-backend', clientId, tokenUrl: null, scope: 'system/Patient.rs' } });
      const jwks = await h.call('connections.generateKeyPair', { id: c.id, alg });
      expect(jwks.keys[0]).toMatchObject({ alg, use: 'sig', kty: alg === 'RS384' ? 'RSA' : 'EC' });
      expect(JSON.stringify(jwks)).not.toMatch(/"d"|PRIVATE/);
      expect(await h.call('connections.jwks', { id: c.id })).toEqual(jwks);

      // Not registered yet: the token endpoint refuses, in plain words.
      const refused = await test(c.id);
      expect(refused).toMatchObject({ ok: false, kind: 'token' });

      server.registerClient({ clientId, jwks: { keys: jwks.keys } });
      const before = server.tokensIssued.length;
      const client = await h.ctx.fhir.clientFor(c.id);
      expect((await client.request({ method: 'GET', url: 'Patient?_count=2' })).status).toBe(200);
      const record = server.tokensIssued[before];
      expect(record?.method).toBe('private_key_jwt');
      const claims = record?.assertion?.claims ?? {};
      expect(record?.assertion?.header).toMatchObject({ alg, kid: jwks.keys[0]?.kid, typ: 'JWT' });
      expect(claims).toMatchObject({ iss: clientId, sub: clientId, aud: server.tokenUrl });
      expect((claims.exp as number) - (claims.iat as number)).toBeLessThanOrEqual(300);
      expect(typeof claims.jti).toBe('string');
    });
  }

  it("Redox's variant: explicit token endpoint, no discovery", async () => {
    h = connectionsHarness();
    const c = await save({ auth: { type: 'redox', clientId: 'redox-client', tokenUrl: server.tokenUrl, scope: null } });
    const jwks = await h.call('connections.generateKeyPair', { id: c.id, alg: 'RS384' });
    server.registerClient({ clientId: 'redox-client', jwks });
    const client = await h.ctx.fhir.clientFor(c.id);
    expect((await client.request({ method: 'GET', url: 'Encounter?patient=Patient/pat-2' })).status).toBe(200);
    const kinds = (await h.call('requestLog.list', { connectionId: c.id })).items.map((e) => e.kind);
    expect(kinds).not.toContain('discovery');
    expect(kinds).toContain('token');
  });
});

describe('connection failures in plain words', () => {
  let h: ReturnType<typeof connectionsHarness>;
  afterEach(() => h.close());

  it('unreachable server, unknown host, and a server that never answers', async () => {
    h = connectionsHarness();
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as { port: number }).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const refused = await h.call('connections.save', { name: 'Down', baseUrl: `http://127.0.0.1:${port}/fhir` });
    expect(await h.call('connections.test', { id: refused.id })).toMatchObject({ ok: false, kind: 'unreachable', message: expect.stringContaining('connection refused') });

    const dns = await h.call('connections.save', { name: 'Nowhere', baseUrl: 'http://no-such-host.invalid/fhir' });
    expect(await h.call('connections.test', { id: dns.id })).toMatchObject({ ok: false, kind: 'dns' });

    const silent: Server = createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    try {
      const slow = await h.call('connections.save', { name: 'Slow', baseUrl: `http://127.0.0.1:${(silent.address() as { port: number }).port}/fhir`, timeoutMs: 1000 });
      // Answers as a timeout (not the test's own time limit): the connection's 1 s applies.
      expect(await h.call('connections.test', { id: slow.id })).toMatchObject({ ok: false, kind: 'timeout', message: expect.stringContaining('1 s') });
    } finally {
      silent.close();
    }
  });

  const cert = selfSignedCertificate();
  it.skipIf(cert === null)('self-signed TLS is refused unless switched on, or trusted through the CA bundle', async () => {
    if (!cert) return;
    h = connectionsHarness();
    const tlsServer = await startFhirTestServer({ tls: cert });
    try {
      expect(tlsServer.baseUrl).toMatch(/^https:/);
      const strict = await h.call('connections.save', { name: 'TLS', baseUrl: tlsServer.baseUrl });
      expect(await h.call('connections.test', { id: strict.id })).toMatchObject({ ok: false, kind: 'tls', message: expect.stringContaining('allow self-signed') });
      const lax = await h.call('connections.save', { name: 'TLS lax', baseUrl: tlsServer.baseUrl, tls: { allowSelfSigned: true } });
      expect(await h.call('connections.test', { id: lax.id })).toMatchObject({ ok: true });
      const trusted = await h.call('connections.save', { name: 'TLS CA', baseUrl: tlsServer.baseUrl, tls: { caBundlePem: cert.cert } });
      expect(await h.call('connections.test', { id: trusted.id })).toMatchObject({ ok: true });
    } finally {
      await tlsServer.close();
    }
  });
});
