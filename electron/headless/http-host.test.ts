import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../core/core';
import { tempDir } from '../test-support/temp-dir';
import { startTestHttpHost } from '../test-support/test-http-host';
import type { RunningHttpHost } from './http-host';

const TOKEN = 'test-token-0123456789';

describe('headless HTTP host', () => {
  const dir = tempDir();
  let core: Core;
  let host: RunningHttpHost;
  let base: string;

  beforeEach(async () => {
    ({ core, host, base } = await startTestHttpHost(dir.path, TOKEN));
  });

  afterEach(async () => {
    await host.close();
    await core.close();
    dir.remove();
  });

  const command = (name: string, input: unknown, headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` }) =>
    fetch(`${base}/api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(input),
    });

  it('answers a command with the bearer token', async () => {
    const response = await command('app.info', {});
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, value: { name: 'Switchboard', host: 'headless' } });
  });

  it('refuses commands without the token, or with a wrong one', async () => {
    expect((await command('app.info', {}, {})).status).toBe(401);
    expect((await command('app.info', {}, { authorization: 'Bearer nope' })).status).toBe(401);
    expect((await fetch(`${base}/api`)).status).toBe(401);
  });

  it('trades the console link token for an HttpOnly cookie that then works', async () => {
    const response = await fetch(`${base}/?token=${TOKEN}`, { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/');
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const withCookie = await command('app.info', {}, { cookie: cookie.split(';')[0] ?? '' });
    expect(withCookie.status).toBe(200);
  });

  it('explains a wrong console link', async () => {
    const response = await fetch(`${base}/?token=stale`, { redirect: 'manual' });
    expect(response.status).toBe(401);
  });

  it('parses every input and says which field is wrong', async () => {
    const response = await command('notifications.get', { id: 'seven' });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; issues: { path: string }[] } };
    expect(body.error.code).toBe('invalid-input');
    expect(body.error.issues[0]?.path).toBe('id');
    expect((await command('notifications.get', { id: 99 })).status).toBe(404);
    expect((await command('no.such.command', {})).status).toBe(404);
  });

  it('refuses malformed JSON and non-JSON command bodies', async () => {
    const malformed = await fetch(`${base}/api/app.info`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: '{',
    });
    expect(malformed.status).toBe(400);
    const form = await fetch(`${base}/api/app.info`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${TOKEN}` },
      body: '{}',
    });
    expect(form.status).toBe(415);
  });

  it('refuses requests addressed by another host name (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      request(`${base}/api`, { headers: { host: `attacker.example:${host.port}`, authorization: `Bearer ${TOKEN}` } }, (res) => {
        resolve(res.statusCode ?? 0);
        res.resume();
      }).end();
    });
    expect(status).toBe(403);
  });

  it('lists the contract with JSON schemas at GET /api', async () => {
    const response = await fetch(`${base}/api`, { headers: { authorization: `Bearer ${TOKEN}` } });
    const body = (await response.json()) as { commands: { name: string; input: unknown }[]; events: { name: string }[] };
    expect(body.commands.map((c) => c.name)).toContain('notifications.list');
    expect(body.events.map((e) => e.name)).toContain('notification.received');
  });

  it('serves the renderer with the CSP, and client routes as index.html', async () => {
    const response = await fetch(`${base}/inbox`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await response.text()).toContain('<title>Switchboard</title>');
    expect((await fetch(`${base}/..%2f..%2fdata%2fswitchboard.db`)).status).toBe(404);
  });

  it('streams a notification event to a subscriber once it is stored', async () => {
    const controller = new AbortController();
    const events = await fetch(`${base}/api/events`, {
      headers: { authorization: `Bearer ${TOKEN}` },
      signal: controller.signal,
    });
    expect(events.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = events.body?.getReader();
    const status = (await (await command('receiver.status', {})).json()) as { value: { url: string } };
    await fetch(status.value.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"resourceType":"Patient"}' });
    let text = '';
    while (!text.includes('event: notification.received')) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) break;
      text += new TextDecoder().decode(chunk.value);
    }
    controller.abort();
    expect(text).toContain('event: notification.received');
    expect(text).toContain('"resourceTypes":["Patient"]');
  });
});
