import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../core/core';
import { tempDir } from '../test-support/temp-dir';
import { DownloadDesk } from './downloads';
import { startTestHttpHost } from '../test-support/test-http-host';
import type { RunningHttpHost } from './http-host';

const TOKEN = 'test-token-0123456789';
const auth = { authorization: `Bearer ${TOKEN}` };

describe('headless export downloads', () => {
  const dir = tempDir();
  let core: Core;
  let host: RunningHttpHost;
  let base: string;

  beforeEach(async () => {
    ({ core, host, base } = await startTestHttpHost(dir.path, TOKEN));
    const status = await core.execute('receiver.status', {});
    const receiver = status.ok ? (status.value as { url: string }).url : '';
    for (const name of ['first', 'second', 'third']) {
      const posted = await fetch(receiver, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"resourceType":"Patient","id":"${name}"}` });
      expect(posted.status).toBe(200);
    }
  });

  afterEach(async () => {
    await host.close();
    await core.close();
    dir.remove();
  });

  const ticket = (input: unknown, headers: Record<string, string> = auth) =>
    fetch(`${base}/api/downloads/notifications`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(input) });

  async function ticketUrl(input: unknown): Promise<string> {
    const response = await ticket(input);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { ok: true; value: { url: string } };
    return `${base}/${body.value.url}`;
  }

  it('streams the selected notifications as an NDJSON attachment, once per ticket', async () => {
    const url = await ticketUrl({ format: 'ndjson', ids: [1, 3] });
    const response = await fetch(url, { headers: auth });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="notifications-[\w.-]+\.ndjson"$/);
    expect(response.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    expect(response.headers.get('content-length')).toBeNull();
    const lines = (await response.text()).trimEnd().split('\n').map((l) => JSON.parse(l) as { id: number; body: string });
    expect(lines.map((l) => [l.id, l.body])).toEqual([
      [3, '{"resourceType":"Patient","id":"third"}'],
      [1, '{"resourceType":"Patient","id":"first"}'],
    ]);
    expect((await fetch(url, { headers: auth })).status).toBe(404);
  });

  it('streams what a filter matches as CSV', async () => {
    const url = await ticketUrl({ format: 'csv', filter: { text: 'second' } });
    const response = await fetch(url, { headers: auth });
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const rows = (await response.text()).split('\r\n').filter((r) => r !== '');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^id,receivedAt,/);
    expect(rows[1]).toMatch(/^2,/);
  });

  it('parses the input with the contract before issuing a ticket', async () => {
    const response = await ticket({ format: 'xml', beforeId: 3 });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; issues: { path: string }[] } };
    expect(body.error.code).toBe('invalid-input');
    expect(body.error.issues.map((i) => i.path).sort()).toEqual(['(input)', 'format']);
  });

  it('needs the access token for both steps, and a ticket that exists', async () => {
    expect((await ticket({ format: 'csv' }, {})).status).toBe(401);
    const url = await ticketUrl({ format: 'csv' });
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    expect((await fetch(`${base}/api/downloads/AAAAAAAAAAAAAAAAAAAAAAAA`, { headers: auth })).status).toBe(404);
    expect((await fetch(url, { headers: auth })).status).toBe(200);
  });
});

describe('download tickets', () => {
  it('expire after a minute', async () => {
    let now = 0;
    const desk = new DownloadDesk(() => Promise.reject(new Error('not reached')), () => now);
    const issued = desk.issue({ format: 'csv' });
    if (!issued.ok) throw new Error(issued.error.message);
    now = 60_001;
    const opened = await desk.open(issued.value.url.split('/').at(-1) ?? '');
    expect(opened.ok ? 'opened' : opened.error.code).toBe('not-found');
  });
});
