import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type {
  Endpoint,
  EndpointSaveResult,
  NotificationDetail,
  NotificationExportChunk,
  NotificationPage,
  ReceiverStatus,
  SubscriptionState,
} from '../../../shared/contract';
import { backportNotification } from '../../../e2e/support/backport-notification';
import { tempDir } from '../../test-support/temp-dir';
import { type Core, createCore } from '../core';
import { aesGcmSecretBox } from '../secrets/aes-gcm-secret-box';
import { standardWebhookHeaders } from '../webhooks/standard-webhooks-signer';

async function value<T>(core: Core, name: string, input: unknown = {}): Promise<T> {
  const result = await core.execute(name, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

const SECRET = `whsec_${Buffer.alloc(32, 1).toString('base64')}`;
const ROTATED = `whsec_${Buffer.alloc(32, 2).toString('base64')}`;

const subscriptionNotification = (type: string, counter: number, events: number[], reference = 'https://ehr.example/fhir/Subscription/7'): string =>
  backportNotification({ type, counter, events, reference, statusUrl: 'https://ehr.example/fhir/Subscription/7/$status' });

describe('receiver endpoints over HTTP', () => {
  const dir = tempDir();
  let core: Core;
  let base: string;

  const start = async (options: { timeouts?: { headersMs: number; requestMs: number; checkIntervalMs: number } } = {}) => {
    core = createCore({
      dataDir: dir.path,
      host: 'headless',
      version: 'test',
      secrets: aesGcmSecretBox(new Uint8Array(randomBytes(32))),
      receiver: { port: 0, ...options },
    });
    await core.start();
    base = ((await value<ReceiverStatus>(core, 'receiver.status')).url ?? '').replace(/\/webhook$/, '');
  };
  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const list = (filter: object = {}) => value<NotificationPage>(core, 'notifications.list', { filter });
  const endpoint = async (id: number) => (await value<{ items: Endpoint[] }>(core, 'endpoints.list')).items.find((e) => e.id === id);

  afterEach(async () => {
    await core.close();
    dir.remove();
  });

  it('migrates the single receiver into a default endpoint that cannot be deleted', async () => {
    await start();
    const { items } = await value<{ items: Endpoint[] }>(core, 'endpoints.list');
    expect(items).toMatchObject([{ id: 1, path: '/webhook', isDefault: true, auth: 'none', enabled: true }]);
    expect((await core.execute('endpoints.delete', { id: 1 })).ok).toBe(false);
  });

  it('routes by path: each endpoint with its own auth, counters and stored endpoint id', async () => {
    await start();
    const a = await value<EndpointSaveResult>(core, 'endpoints.save', { name: 'Redox', path: '/redox', auth: 'token', token: 'redox-token-1' });
    const b = await value<EndpointSaveResult>(core, 'endpoints.save', { name: 'Open', path: '/open', auth: 'none' });
    expect(a.url).toMatch(/\/redox$/);
    expect((await post('/redox', '{"x":1}')).status).toBe(401);
    expect((await post('/redox', '{"x":1}', { 'verification-token': 'redox-token-1' })).status).toBe(200);
    expect((await post('/open', '{"x":2}')).status).toBe(200);
    expect((await post('/nowhere', '{}')).status).toBe(404);
    expect((await list({ endpointIds: [a.id] })).items.map((s) => s.verification)).toEqual(['token']);
    expect((await list({ endpointIds: [b.id] })).total).toBe(1);
    expect(await endpoint(a.id)).toMatchObject({ rejectedUnauthorized: 1, storedCount: 1 });
    expect((await core.execute('endpoints.save', { name: 'Clash', path: '/open', auth: 'none' })).ok).toBe(false);

    await value(core, 'endpoints.save', { id: b.id, name: 'Open', path: '/open', auth: 'none', enabled: false });
    expect((await post('/open', '{}')).status).toBe(404);
    expect(await value(core, 'endpoints.delete', { id: a.id })).toEqual({ deleted: true });
    expect((await post('/redox', '{}', { 'verification-token': 'redox-token-1' })).status).toBe(404);
    // Its notifications stay.
    expect((await list({ endpointIds: [a.id] })).total).toBe(1);
  });

  describe('Standard Webhooks HMAC', () => {
    it('stores a correctly signed notification with its verification, and refuses everything else with 401', async () => {
      await start();
      const e = await value<EndpointSaveResult>(core, 'endpoints.save', { name: 'Signed', path: '/signed', auth: 'hmac', hmacSecrets: [SECRET] });
      expect(e).toMatchObject({ auth: 'hmac', hmacSecretCount: 1 });
      expect(JSON.stringify(e)).not.toContain(SECRET.slice(6, 20));
      const body = '{"resourceType":"Bundle","type":"collection"}';
      const signed = Object.fromEntries(standardWebhookHeaders(SECRET, new TextEncoder().encode(body), Date.now(), 'msg_1'));

      const ok = await post('/signed', body, signed);
      expect(ok.status).toBe(200);
      const { id } = (await ok.json()) as { id: number };
      const detail = await value<NotificationDetail>(core, 'notifications.get', { id });
      expect(detail).toMatchObject({ verification: 'hmac', webhookId: 'msg_1', body });
      expect(detail.verificationDetail).toMatch(/matched secret 1 of 1/);

      expect((await post('/signed', body.replace('collection', 'transaction'), { ...signed, 'webhook-id': 'msg_2' })).status).toBe(401);
      expect((await post('/signed', `${body} `, signed)).status).toBe(401);
      expect((await post('/signed', body)).status).toBe(401);
      const stale = Object.fromEntries(standardWebhookHeaders(SECRET, new TextEncoder().encode(body), Date.now() - 6 * 60_000, 'msg_3'));
      expect((await post('/signed', body, stale)).status).toBe(401);
      const wrongKey = Object.fromEntries(standardWebhookHeaders(ROTATED, new TextEncoder().encode(body), Date.now(), 'msg_4'));
      expect((await post('/signed', body, wrongKey)).status).toBe(401);
      expect((await list()).total).toBe(1);
      expect(await endpoint(e.id)).toMatchObject({ rejectedUnauthorized: 5 });
    });

    it('answers a redelivered webhook-id 200 with the original id and stores it once', async () => {
      await start();
      await value(core, 'endpoints.save', { name: 'Signed', path: '/signed', auth: 'hmac', hmacSecrets: [SECRET] });
      const body = '{"n":1}';
      const headers = Object.fromEntries(standardWebhookHeaders(SECRET, new TextEncoder().encode(body), Date.now(), 'msg_retry'));
      const first = (await (await post('/signed', body, headers)).json()) as { id: number };
      const again = await post('/signed', body, headers);
      expect(again.status).toBe(200);
      expect(await again.json()).toEqual({ status: 'duplicate', id: first.id });
      expect((await list()).total).toBe(1);
    });

    it('accepts either secret during a rotation, generates one on request, and survives a restart', async () => {
      await start();
      const e = await value<EndpointSaveResult>(core, 'endpoints.save', {
        name: 'Rotating',
        path: '/rot',
        auth: 'hmac',
        hmacSecrets: [SECRET],
        generateHmacSecret: true,
      });
      expect(e.hmacSecretCount).toBe(2);
      expect(e.generatedSecret).toMatch(/^whsec_/);
      const sendWith = async (secret: string, id: string) => {
        const body = `{"id":"${id}"}`;
        return (await post('/rot', body, Object.fromEntries(standardWebhookHeaders(secret, new TextEncoder().encode(body), Date.now(), id)))).status;
      };
      expect(await sendWith(SECRET, 'm1')).toBe(200);
      expect(await sendWith(e.generatedSecret ?? '', 'm2')).toBe(200);
      await core.close();
      // Same data folder, but a core whose SecretBox has another key cannot decrypt: 503, not 401 or 200.
      core = createCore({ dataDir: dir.path, host: 'headless', version: 'test', secrets: aesGcmSecretBox(new Uint8Array(randomBytes(32))), receiver: { port: 0 } });
      await core.start();
      base = ((await value<ReceiverStatus>(core, 'receiver.status')).url ?? '').replace(/\/webhook$/, '');
      expect(await sendWith(SECRET, 'm3')).toBe(503);
      expect((await endpoint(e.id))?.error).toMatch(/cannot be decrypted/);
    });
  });

  describe('handshakes', () => {
    it('answers Redox verification by POST with the challenge as JSON, records it, and never stores the token', async () => {
      await start();
      await value(core, 'receiver.configure', { secret: 'redox-verify-token' });
      const response = await post('/webhook', JSON.stringify({ 'verification-token': 'redox-verify-token', challenge: 'abc-123' }), {
        'application-name': 'RedoxEngine',
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ challenge: 'abc-123' });
      const [row] = (await list({ handshake: true })).items;
      expect(row).toMatchObject({ handshake: 'redox-verification', verification: 'token' });
      const detail = await value<NotificationDetail>(core, 'notifications.get', { id: row?.id });
      expect(detail.body).not.toContain('redox-verify-token');
      expect(detail.body).toContain('abc-123');

      const wrong = await post('/webhook', JSON.stringify({ 'verification-token': 'nope', challenge: 'abc-124' }));
      expect(wrong.status).toBe(401);
      expect((await list({ handshake: true })).total).toBe(1);
    });

    it('answers Redox verification by GET, raw when the endpoint says so', async () => {
      await start();
      await value(core, 'endpoints.save', { name: 'Raw', path: '/raw', auth: 'token', token: 'raw-token-123', challengeResponse: 'raw' });
      const ok = await fetch(`${base}/raw?challenge=xyz-9&verification-token=raw-token-123`);
      expect(ok.status).toBe(200);
      expect(ok.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(await ok.text()).toBe('xyz-9');
      expect((await fetch(`${base}/raw?challenge=xyz-9&verification-token=wrong-token`)).status).toBe(401);
      expect((await fetch(`${base}/raw`)).status).toBe(405);
      const [row] = (await list({ handshake: true })).items;
      expect(row).toMatchObject({ handshake: 'redox-verification' });
      expect((await value<NotificationDetail>(core, 'notifications.get', { id: row?.id })).method).toBe('GET');
    });

    it('reads only a small body when no token header is sent, and refuses a large one', async () => {
      await start();
      await value(core, 'receiver.configure', { secret: 'redox-verify-token' });
      expect((await post('/webhook', JSON.stringify({ pad: 'x'.repeat(10_000) }))).status).toBe(401);
      expect((await post('/webhook', '{"resourceType":"Bundle"}')).status).toBe(401);
      expect((await list()).total).toBe(0);
    });

    it('stores a FHIR Subscription handshake flagged, answers 200, and tracks the subscription', async () => {
      await start();
      const response = await post('/webhook', subscriptionNotification('handshake', 0, []), { 'content-type': 'application/fhir+json' });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ status: 'stored', handshake: 'fhir-subscription' });
      expect((await list({ handshake: true })).items[0]).toMatchObject({
        handshake: 'fhir-subscription',
        format: 'subscription-r4-backport',
        subscription: { reference: 'https://ehr.example/fhir/Subscription/7', type: 'handshake' },
      });
      const { items } = await value<{ items: SubscriptionState[] }>(core, 'subscriptions.list');
      expect(items[0]).toMatchObject({ reference: 'https://ehr.example/fhir/Subscription/7', lastType: 'handshake', warnings: [] });
    });
  });

  it('detects missing and repeated event numbers per subscription, on the notification and the subscription', async () => {
    await start();
    const send = (type: string, counter: number, events: number[]) => post('/webhook', subscriptionNotification(type, counter, events));
    await send('handshake', 0, []);
    await send('event-notification', 1, [1]);
    await send('event-notification', 4, [4]);
    await send('event-notification', 4, [4]);
    await send('heartbeat', 6, []);
    const warned = (await list({ hasWarnings: true })).items;
    expect(warned.map((s) => s.warnings)).toEqual([
      [expect.stringContaining('Events 5–6 (2) were not received')],
      [expect.stringContaining('Event 4 was received again')],
      [expect.stringContaining('Events 2–3 (2) were not received')],
    ]);
    const [state] = (await value<{ items: SubscriptionState[] }>(core, 'subscriptions.list')).items;
    expect(state).toMatchObject({ highestEventNumber: 6, missingEvents: [2, 3, 5, 6], missingCount: 4, repeatedCount: 1 });
    const configured = await value<SubscriptionState>(core, 'subscriptions.configure', { reference: state?.key, heartbeatPeriodSeconds: 60 });
    expect(configured).toMatchObject({ heartbeatPeriodSeconds: 60, heartbeatPeriodSource: 'configured' });
  });

  it("keeps two endpoints' relative Subscription/1 apart: no false gaps or repeats, each filtered to its own", async () => {
    await start();
    const a = await value<EndpointSaveResult>(core, 'endpoints.save', { name: 'EHR A', path: '/ehr-a', auth: 'none' });
    const b = await value<EndpointSaveResult>(core, 'endpoints.save', { name: 'EHR B', path: '/ehr-b', auth: 'none' });
    for (const n of [1, 2, 3]) {
      for (const path of ['/ehr-a', '/ehr-b']) expect((await post(path, subscriptionNotification('event-notification', n, [n], 'Subscription/1'))).status).toBe(200);
    }
    expect((await list({ hasWarnings: true })).total).toBe(0);
    const { items } = await value<{ items: SubscriptionState[] }>(core, 'subscriptions.list');
    expect(items.map((s) => [s.reference, s.endpointId, s.eventsReceived, s.missingCount, s.repeatedCount, s.warnings]).sort()).toEqual([
      ['Subscription/1', a.id, 3, 0, 0, []],
      ['Subscription/1', b.id, 3, 0, 0, []],
    ]);
    expect(new Set(items.map((s) => s.key)).size).toBe(2);
    for (const s of items) {
      const page = await list({ subscription: s.key });
      expect(page.items.map((n) => [n.endpointId, n.subscription?.reference])).toEqual([3, 2, 1].map(() => [s.endpointId, 'Subscription/1']));
    }
  });

  it('keeps a stalled sender from blocking others, and cuts it off', async () => {
    // Long enough that, were others queued behind the stall, they could not finish before it is cut.
    await start({ timeouts: { headersMs: 3000, requestMs: 4000, checkIntervalMs: 100 } });
    const url = new URL(base);
    // Declares 1,000 bytes, sends 10, then stalls.
    const stalled = connect(Number(url.port), url.hostname);
    let cutOff = false;
    const closed = new Promise<string>((resolve) => {
      let answer = '';
      stalled.on('data', (c: Buffer) => (answer += c.toString()));
      stalled.on('close', () => {
        cutOff = true;
        resolve(answer);
      });
    });
    stalled.write('POST /webhook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"partial"');
    const headersOnly = connect(Number(url.port), url.hostname);
    headersOnly.write('POST /webhook HTTP/1.1\r\nHost: x\r\n');
    const others = await Promise.all(Array.from({ length: 20 }, (_, i) => post('/webhook', `{"i":${i}}`)));
    expect(others.every((r) => r.status === 200)).toBe(true);
    // Everyone else was answered while the stalled sender was still connected.
    expect(cutOff).toBe(false);
    expect(await closed).toMatch(/^HTTP\/1\.1 408/);
    headersOnly.destroy();
    expect((await list()).total).toBe(20);
  }, 20_000);

  it('marks, saves views and exports NDJSON and CSV by ids or filter, in chunks', async () => {
    await start();
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) ids.push(((await (await post('/webhook', `{"n":${i},"name":"=cmd"}`)).json()) as { id: number }).id);
    await post('/webhook', '{"broken"');
    expect(await value(core, 'notifications.mark', { ids: [ids[0], ids[1]], read: true, starred: true, note: 'checked' })).toEqual({ updated: 2 });
    expect((await list({ starred: true })).total).toBe(2);

    const view = await value<{ id: number }>(core, 'views.save', { name: 'Starred', filter: { starred: true } });
    await value(core, 'views.save', { name: 'Broken', filter: { parseStatuses: ['malformed-json'] } });
    expect((await value<{ items: { name: string }[] }>(core, 'views.list')).items.map((v) => v.name)).toEqual(['Broken', 'Starred']);
    await value(core, 'views.save', { id: view.id, name: 'Starred', filter: { starred: true, read: true } });
    expect((await value<{ items: { filter: object }[] }>(core, 'views.list')).items[1]?.filter).toEqual({ starred: true, read: true });
    expect(await value(core, 'views.delete', { id: view.id })).toEqual({ deleted: true });

    const ndjson = await value<NotificationExportChunk>(core, 'notifications.export', { format: 'ndjson', ids: [ids[0], ids[2]] });
    const lines = ndjson.content.trim().split('\n').map((l) => JSON.parse(l) as { id: number; body: string });
    expect(lines.map((l) => l.id)).toEqual([ids[2], ids[0]]);
    expect(lines[1]?.body).toBe('{"n":0,"name":"=cmd"}');
    expect(ndjson).toMatchObject({ count: 2, nextBeforeId: null, mimeType: 'application/x-ndjson' });

    const csv = await value<NotificationExportChunk>(core, 'notifications.export', { format: 'csv', filter: { parseStatuses: ['ok'] } });
    const rows = csv.content.trim().split('\r\n');
    expect(rows[0]).toMatch(/^id,receivedAt,endpoint,event/);
    expect(rows).toHaveLength(6);
    expect(rows[5]).toContain(',Default,');
    expect(rows[5]).toContain('checked');
  });
});
