import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type CommandError, notificationDownloadPath } from '../../shared/contract';
import { describeContract } from '../../shared/contract/describe';
import type { Core } from '../core/core';
import type { Logger } from '../core/logger';
import { exportCallThrough } from '../core/notifications/export-stream';
import { readBody } from '../core/receiver/read-body';
import { resolveAsset } from '../security/asset-path';
import { contentSecurityPolicy } from '../security/csp';
import { requestToken, TOKEN_COOKIE, tokensEqual } from './access-token';
import { DOWNLOAD_PREFIX, DownloadDesk, sendExport } from './downloads';
import { hostHeaderAllowed } from './host-header';
import { type StreamSnapshot, streamEvents } from './sse';

export interface HttpHostOptions {
  core: Core;
  rendererDir: string;
  host: string;
  port: number;
  token: string;
  log: Logger;
}

export interface RunningHttpHost {
  /** The console URL with the access token, to open once. */
  consoleUrl: string;
  port: number;
  close(): Promise<void>;
}

const MAX_COMMAND_BODY = 5 * 1024 * 1024;

const STATUS_FOR: Record<CommandError['code'], number> = {
  'invalid-input': 400,
  unauthorized: 401,
  'not-found': 404,
  conflict: 409,
  unavailable: 503,
  internal: 500,
};

const SECURITY_HEADERS = {
  'Content-Security-Policy': contentSecurityPolicy(),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

const fail = (res: ServerResponse, status: number, code: CommandError['code'], message: string) =>
  sendJson(res, status, { ok: false, error: { code, message } });

/**
 * `switchboard serve`: the built renderer plus the contract over HTTP (`POST /api/<command>`,
 * `GET /api/events`, `GET /api`). Every API call needs the access token printed at start-up.
 */
export async function startHttpHost(options: HttpHostOptions): Promise<RunningHttpHost> {
  const { core, token, log } = options;
  let boundPort = options.port;
  const downloads = new DownloadDesk(exportCallThrough(core.execute));

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      log.error('console: request failed', { error: error instanceof Error ? error.name : 'unknown' });
      if (!res.headersSent) fail(res, 500, 'internal', 'The console server failed to answer.');
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostHeaderAllowed(req.headers.host, options.host, boundPort)) {
      return fail(res, 403, 'unauthorized', 'Requests must address this console by its loopback address.');
    }
    const url = new URL(req.url ?? '/', 'http://console');
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) return api(req, res, url);
    if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, 405, 'not-found', 'Only GET here.');
    const offered = url.searchParams.get('token');
    if (offered !== null) return acceptToken(res, url, offered);
    return serveAsset(req, res, url.pathname);
  }

  function acceptToken(res: ServerResponse, url: URL, offered: string): void {
    if (!tokensEqual(token, offered)) {
      return fail(res, 401, 'unauthorized', 'This console link is not valid (it may be from an earlier run).');
    }
    url.searchParams.delete('token');
    // The token moves into an HttpOnly cookie and out of the address bar and history.
    res.writeHead(303, {
      ...SECURITY_HEADERS,
      'Set-Cookie': `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
      Location: `${url.pathname}${url.search}${url.hash}`,
      'Cache-Control': 'no-store',
    });
    res.end();
  }

  async function snapshot(): Promise<StreamSnapshot> {
    const newest = await core.execute('notifications.list', { limit: 1 });
    const items = newest.ok ? (newest.value as { items: { id: number }[] }).items : [];
    return { lastNotificationId: items[0]?.id ?? null };
  }

  async function api(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (!tokensEqual(token, requestToken(req))) {
      return fail(res, 401, 'unauthorized', 'Open the console with the URL that `switchboard serve` printed.');
    }
    if (url.pathname === '/api' && req.method === 'GET') return sendJson(res, 200, describeContract());
    if (url.pathname === '/api/events' && req.method === 'GET') return streamEvents(req, res, core.events, snapshot);
    if (url.pathname.startsWith(DOWNLOAD_PREFIX) && req.method === 'GET') {
      const opened = await downloads.open(url.pathname.slice(DOWNLOAD_PREFIX.length));
      if (!opened.ok) return fail(res, STATUS_FOR[opened.error.code], opened.error.code, opened.error.message);
      return sendExport(res, opened.value, SECURITY_HEADERS, log);
    }
    if (req.method !== 'POST') return fail(res, 405, 'not-found', 'Commands are sent with POST.');
    // A JSON content type cannot be sent cross-origin without a CORS preflight, which is never granted.
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      return fail(res, 415, 'invalid-input', 'Send commands as application/json.');
    }
    const body = await readBody(req, MAX_COMMAND_BODY);
    if (body.kind === 'too-large') return fail(res, 413, 'invalid-input', 'Command input is too large.');
    if (body.kind === 'aborted') return;
    let input: unknown;
    try {
      input = body.bytes.length === 0 ? {} : JSON.parse(body.bytes.toString('utf8'));
    } catch {
      return fail(res, 400, 'invalid-input', 'Command input is not valid JSON.');
    }
    const name = decodeURIComponent(url.pathname.slice('/api/'.length));
    const result = url.pathname === `/${notificationDownloadPath}` ? downloads.issue(input) : await core.execute(name, input);
    sendJson(res, result.ok ? 200 : STATUS_FOR[result.error.code], result);
  }

  async function serveAsset(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    const asset = resolveAsset(options.rendererDir, pathname);
    const info = asset ? await stat(asset.file).catch(() => null) : null;
    if (!asset || !info?.isFile()) return fail(res, 404, 'not-found', `Nothing at ${pathname}.`);
    const hashed = pathname.startsWith('/assets/');
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': asset.contentType,
      'Content-Length': info.size,
      'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-store',
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(asset.file).pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  boundPort = (server.address() as AddressInfo).port;
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;

  return {
    consoleUrl: `http://${shownHost}:${boundPort}/?token=${token}`,
    port: boundPort,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
