import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFhirTestServer, type FhirTestServer } from '../../../e2e/fhir-test-server';
import type { HydrationAnnounced, HydrationRecord, NotificationPage, ReceiverStatus, ReplayRecord } from '../../../shared/contract';
import { deriveNotificationFacts } from '../../../shared/notifications/derive-facts';
import { tempDir } from '../../test-support/temp-dir';
import { createCore, type Core } from '../core';
import { standardWebhookSignature } from '../webhooks/standard-webhooks-signer';

/** A peer that records what it was sent. */
async function recordingPeer(): Promise<{ url: string; received: { headers: IncomingMessage['headers']; body: Buffer }[]; server: Server }> {
  const received: { headers: IncomingMessage['headers']; body: Buffer }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(202, { 'content-type': 'application/json' }).end('{"accepted":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received, server };
}

describe('hydrate, replay and test notifications through the core', () => {
  const dir = tempDir();
  let core: Core;
  let fhir: FhirTestServer;
  let receiverUrl: string;

  async function call<T>(name: string, input: unknown): Promise<T> {
    const result = await core.execute(name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value as T;
  }
  const newest = async () => (await call<NotificationPage>('notifications.list', { limit: 5 })).items;

  beforeAll(async () => {
    fhir = await startFhirTestServer();
    core = createCore({ dataDir: dir.path, host: 'headless', version: 'test', receiver: { port: 0 } });
    await core.start();
    receiverUrl = (await call<ReceiverStatus>('receiver.status', {})).url ?? '';
  });
  afterAll(async () => {
    await core.close();
    await fhir.close();
    dir.remove();
  });

  it('builds test notifications whose facts match their template', async () => {
    const { items } = await call<{ items: { id: string; event: string }[] }>('notifications.templates', {});
    expect(items.length).toBeGreaterThanOrEqual(7);
    for (const template of items) {
      const { body } = await call<{ body: string }>('notifications.sendTest', { templateId: template.id, url: 'http://127.0.0.1/', dryRun: true });
      expect(deriveNotificationFacts(JSON.parse(body)).event?.code).toBe(template.event);
    }
  });

  it('sends a test notification to its own receiver, which stores it', async () => {
    const { replay } = await call<{ replay: ReplayRecord }>('notifications.sendTest', { templateId: 'patient-arrived', level: 'lightweight', url: receiverUrl });
    expect(replay.status).toBe(200);
    const [stored] = await newest();
    expect(stored).toMatchObject({ event: 'PatientAdminPatientArrived', payloadLevel: 'lightweight' });
  });

  it('replays a notification unchanged, edited, and re-signed, recording each answer', async () => {
    const [original] = await newest();
    const peer = await recordingPeer();
    try {
      const unchanged = await call<ReplayRecord>('notifications.replay', { id: original?.id, url: peer.url });
      expect(unchanged).toMatchObject({ status: 202, edited: false, signed: false, responseBody: '{"accepted":true}' });
      const edited = await call<ReplayRecord>('notifications.replay', { id: original?.id, url: peer.url, body: '{"resourceType":"Patient"}' });
      expect(edited.edited).toBe(true);
      const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
      await call<ReplayRecord>('notifications.replay', { id: original?.id, url: peer.url, sign: { secret } });
      const [first, second, third] = peer.received;
      expect(second?.body.toString()).toBe('{"resourceType":"Patient"}');
      expect(first?.headers['content-type']).toMatch(/json/);
      const h = third?.headers ?? {};
      expect(h['webhook-signature']).toBe(
        standardWebhookSignature(secret, String(h['webhook-id']), Number(h['webhook-timestamp']), third?.body ?? Buffer.alloc(0)),
      );
      expect((await call<{ items: ReplayRecord[] }>('notifications.replays', { id: original?.id })).items).toHaveLength(3);
    } finally {
      peer.server.close();
    }
  });

  it('records an unreachable replay target as an error, not a crash', async () => {
    const [original] = await newest();
    // A port that was just free: nothing listens there now.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const record = await call<ReplayRecord>('notifications.replay', { id: original?.id, url: `http://127.0.0.1:${port}/hook` });
    expect(record.status).toBeNull();
    expect(record.error).toMatch(/refused/);
  });

  it('hydrates a lightweight notification from a connection', async () => {
    const body = JSON.stringify({
      resourceType: 'Bundle',
      type: 'message',
      entry: [
        { resource: { resourceType: 'MessageHeader', eventUri: 'https://fhir.redoxengine.com/EventDefinition/PatientAdminPatientArrived', focus: [{ reference: 'Patient/pat-3' }] } },
        {
          fullUrl: 'https://api.redoxengine.com/fhir/R4/x/Development/Encounter?patient=Patient/pat-3',
          resource: { resourceType: 'Encounter' },
        },
      ],
    });
    expect((await fetch(receiverUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).status).toBe(200);
    const [stored] = await newest();
    const connection = await call<{ id: string }>('connections.save', { name: 'Test FHIR', baseUrl: fhir.baseUrl, auth: { type: 'none' } });
    const announced: unknown[] = [];
    const stop = core.events.subscribe((name, payload) => {
      if (name === 'notification.hydrated') announced.push(payload);
    });
    const record = await call<HydrationRecord>('notifications.hydrate', { id: stored?.id, connectionId: connection.id });
    stop();
    // Every window and SSE client gets the event: it names the record, never the fetched resources.
    expect(announced).toEqual([{ id: record.id, notificationId: stored?.id, outcome: 'fetched' }]);
    expect(record.results.map((r) => [r.target, r.status, r.resourceType])).toEqual([
      ['Patient/pat-3', 200, 'Patient'],
      ['https://api.redoxengine.com/fhir/R4/x/Development/Encounter?patient=Patient/pat-3', 200, 'Bundle'],
    ]);
    expect(record.results[0]?.json).toContain('Lindqvist');
    expect((await call<{ items: HydrationRecord[] }>('notifications.hydrations', { id: stored?.id })).items).toHaveLength(1);
  });

  it('hydrates lightweight arrivals automatically on an endpoint set to do so', async () => {
    const connection = await call<{ items: { id: string }[] }>('connections.list', {});
    const connectionId = connection.items[0]?.id;
    await call('endpoints.save', { id: 1, name: 'Default', path: '/webhook', auth: 'none', autoHydrateConnectionId: connectionId });
    const { replay } = await call<{ replay: ReplayRecord }>('notifications.sendTest', { templateId: 'patient-arrived', level: 'lightweight', url: receiverUrl });
    expect(replay.status).toBe(200);
    const [stored] = await newest();
    await expect
      .poll(async () => (await call<{ items: HydrationRecord[] }>('notifications.hydrations', { id: stored?.id })).items.length, { timeout: 5000 })
      .toBe(1);
    const [record] = (await call<{ items: HydrationRecord[] }>('notifications.hydrations', { id: stored?.id })).items;
    expect(record).toMatchObject({ automatic: true, outcome: 'fetched', error: null });
    await call('endpoints.save', { id: 1, name: 'Default', path: '/webhook', auth: 'none', autoHydrateConnectionId: null });
  });

  it('records a failed automatic hydration with the notification and announces it', async () => {
    const announced: HydrationAnnounced[] = [];
    const stop = core.events.subscribe((name, payload) => {
      if (name === 'notification.hydrated') announced.push(payload as HydrationAnnounced);
    });
    await call('endpoints.save', { id: 1, name: 'Default', path: '/webhook', auth: 'none', autoHydrateConnectionId: 'no-such-connection' });
    await call('notifications.sendTest', { templateId: 'patient-arrived', level: 'lightweight', url: receiverUrl });
    const [stored] = await newest();
    await expect.poll(() => announced.length, { timeout: 5000 }).toBe(1);
    const { items } = await call<{ items: HydrationRecord[] }>('notifications.hydrations', { id: stored?.id });
    // Announced by id only: the record (and any fetched resources) is read with notifications.hydrations.
    expect(announced).toEqual([{ id: items[0]?.id, notificationId: stored?.id, outcome: 'failed' }]);
    expect(items[0]).toMatchObject({ notificationId: stored?.id, automatic: true, outcome: 'failed', results: [] });
    expect(items[0]?.error).toMatch(/\S/);
    stop();
    await call('endpoints.save', { id: 1, name: 'Default', path: '/webhook', auth: 'none', autoHydrateConnectionId: null });
  });

  it('explains why a detailed notification has nothing to hydrate', async () => {
    const detailed = JSON.stringify({ resourceType: 'Patient', id: 'x', name: [{ family: 'Full' }], birthDate: '1970-01-01' });
    await fetch(receiverUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: detailed });
    const [stored] = await newest();
    const connection = await call<{ items: { id: string }[] }>('connections.list', {});
    const result = await core.execute('notifications.hydrate', { id: stored?.id, connectionId: connection.items[0]?.id });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('numbers successive Subscriptions test notifications 1, 2, … so the receiver sees no gap or repeat', async () => {
    const send = () => call<{ replay: ReplayRecord }>('notifications.sendTest', { templateId: 'patient-arrived', form: 'subscription-r4-backport', url: receiverUrl });
    const preview = await call<{ body: string }>('notifications.sendTest', { templateId: 'result-created', form: 'subscription-r5', url: receiverUrl, dryRun: true });
    expect(deriveNotificationFacts(JSON.parse(preview.body)).subscription?.eventNumbers).toEqual([1]);
    expect((await send()).replay.status).toBe(200);
    expect((await send()).replay.status).toBe(200);
    const [second, first] = await newest();
    expect([first?.subscription?.eventNumbers, second?.subscription?.eventNumbers]).toEqual([[1], [2]]);
    expect([first?.warnings, second?.warnings]).toEqual([[], []]);
  });
});
