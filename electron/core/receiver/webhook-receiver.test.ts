import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NotificationDetail, NotificationPage, ReceiverStatus } from '../../../shared/contract';
import { tempDir } from '../../test-support/temp-dir';
import { type Core, createCore } from '../core';
import { ReceiverConfigError } from './webhook-receiver';

const BUNDLE = JSON.stringify({
  resourceType: 'Bundle',
  type: 'message',
  entry: [
    {
      resource: {
        resourceType: 'MessageHeader',
        eventUri: 'https://fhir.redoxengine.com/EventDefinition/ResultCreated',
        source: { name: 'Example Lab' },
      },
    },
    { resource: { resourceType: 'Observation', id: 'o1' } },
  ],
});

async function value<T>(core: Core, name: string, input: unknown = {}): Promise<T> {
  const result = await core.execute(name, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

describe('webhook receiver over HTTP', () => {
  const dir = tempDir();
  let core: Core;
  let url: string;

  const start = async (secret?: string) => {
    core = createCore({
      dataDir: dir.path,
      host: 'headless',
      version: 'test',
      receiver: { port: 0, ...(secret ? { secret } : {}) },
    });
    await core.start();
    url = (await value<ReceiverStatus>(core, 'receiver.status')).url ?? '';
  };
  const stored = async () => (await value<NotificationPage>(core, 'notifications.list')).items;
  const post = (body: string | Buffer, headers: Record<string, string> = {}) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  afterEach(async () => {
    await core.close();
    dir.remove();
  });

  describe('with a shared token', () => {
    beforeEach(() => start('s3cret-token'));

    it('stores a notification sent with the right token and answers 200 with its id', async () => {
      const response = await post(BUNDLE, { 'verification-token': 's3cret-token', 'user-agent': 'test-sender' });
      expect(response.status).toBe(200);
      const { id } = (await response.json()) as { id: number };
      const detail = await value<NotificationDetail>(core, 'notifications.get', { id });
      expect(detail.body).toBe(BUNDLE);
      expect(detail.event).toBe('ResultCreated');
      expect(detail.source).toBe('Example Lab');
      expect(detail.resourceTypes).toEqual(['Bundle', 'MessageHeader', 'Observation']);
      expect(detail.verification).toBe('token');
      expect(detail.headers).toContainEqual(['verification-token', '[redacted]']);
      expect(detail.headers).toContainEqual(['user-agent', 'test-sender']);
    });

    it('accepts the token as Authorization: Bearer', async () => {
      expect((await post(BUNDLE, { authorization: 'Bearer s3cret-token' })).status).toBe(200);
    });

    it('answers 401 to a wrong or missing token, stores nothing and counts the refusal', async () => {
      expect((await post(BUNDLE, { 'verification-token': 'wrong' })).status).toBe(401);
      expect((await post(BUNDLE)).status).toBe(401);
      expect(await stored()).toEqual([]);
      expect((await value<ReceiverStatus>(core, 'receiver.status')).rejectedUnauthorized).toBe(2);
    });
  });

  describe('without a token on loopback', () => {
    beforeEach(() => start());

    it('answers 413 to a declared oversized body without reading it', async () => {
      await value(core, 'receiver.configure', { maxBodyBytes: 2048 });
      const response = await post(Buffer.alloc(4096, 0x20));
      expect(response.status).toBe(413);
      expect(await stored()).toEqual([]);
    });

    it('answers 413 to a chunked upload as soon as it passes the limit', async () => {
      await value(core, 'receiver.configure', { maxBodyBytes: 4096 });
      const status = await new Promise<number>((resolve, reject) => {
        const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
          resolve(res.statusCode ?? 0);
          res.resume();
        });
        req.on('error', reject);
        // Keep streaming well past the limit; the answer must come without waiting for the end.
        let sent = 0;
        const pump = () => {
          while (sent < 1024 * 1024) {
            sent += 1024;
            if (!req.write(Buffer.alloc(1024, 0x20))) return void req.once('drain', pump);
          }
          req.end();
        };
        pump();
      });
      expect(status).toBe(413);
      expect(await stored()).toEqual([]);
    });

    it('keeps malformed JSON, flagged, and answers 400', async () => {
      const response = await post('{"resourceType": "Bundle",');
      expect(response.status).toBe(400);
      const [row] = await stored();
      expect(row?.parseStatus).toBe('malformed-json');
      const detail = await value<NotificationDetail>(core, 'notifications.get', { id: row?.id });
      expect(detail.body).toBe('{"resourceType": "Bundle",');
      expect(detail.parseError).toMatch(/not valid JSON/);
    });

    it('keeps a non-JSON body, flagged, and answers 415', async () => {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/xml' }, body: '<Bundle/>' });
      expect(response.status).toBe(415);
      expect((await stored())[0]?.parseStatus).toBe('unsupported-media-type');
    });

    it('answers 404 on another path and 405 to GET, storing nothing', async () => {
      expect((await fetch(url.replace('/webhook', '/other'), { method: 'POST', body: '{}' })).status).toBe(404);
      expect((await fetch(url)).status).toBe(405);
      expect(await stored()).toEqual([]);
    });

    it('moves to a new path at once when Settings change it', async () => {
      const status = await value<ReceiverStatus>(core, 'receiver.configure', { path: '/hooks/redox' });
      expect(status.url).toMatch(/\/hooks\/redox$/);
      expect((await fetch(status.url ?? '', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(200);
      expect((await post('{}')).status).toBe(404);
    });

    it('requires a token set in Settings from the next request, and keeps it across restarts', async () => {
      await value(core, 'receiver.configure', { secret: 'settings-token' });
      expect((await post('{}')).status).toBe(401);
      expect((await post('{}', { 'verification-token': 'settings-token' })).status).toBe(200);
      await core.close();
      await start();
      expect((await value<ReceiverStatus>(core, 'receiver.status')).secret).toBe('settings');
      expect((await post('{}')).status).toBe(401);
      expect((await post('{}', { authorization: 'Bearer settings-token' })).status).toBe(200);
    });

    it('stores concurrent notifications, one row each, all acknowledged', async () => {
      const responses = await Promise.all(Array.from({ length: 40 }, (_, i) => post(`{"n":${i}}`)));
      const ids = await Promise.all(responses.map(async (r) => ((await r.json()) as { id: number }).id));
      expect(new Set(ids).size).toBe(40);
      expect((await value<NotificationPage>(core, 'notifications.list', { limit: 100 })).total).toBe(40);
    });
  });

  it('refuses to listen beyond loopback without a shared token', () => {
    expect(() =>
      createCore({ dataDir: dir.path, host: 'headless', version: 'test', receiver: { host: '0.0.0.0', port: 0 } }),
    ).toThrow(ReceiverConfigError);
    core = createCore({ dataDir: dir.path, host: 'headless', version: 'test', receiver: { port: 0 } });
  });

  it('reports a port that is taken instead of crashing', async () => {
    await start();
    const port = (await value<ReceiverStatus>(core, 'receiver.status')).port;
    const second = createCore({ dataDir: `${dir.path}/second`, host: 'headless', version: 'test', receiver: { port } });
    await expect(second.start()).rejects.toThrow(/already in use/);
    expect((await second.execute('receiver.status', {})).ok).toBe(true);
    await second.close();
  });
});
