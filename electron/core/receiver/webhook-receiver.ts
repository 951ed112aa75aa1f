import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NotificationSummary, ParseStatus, ReceiverStatus } from '../../../shared/contract';
import { senderName } from '../../../shared/notifications/sender-name';
import { summarizeBody } from '../../../shared/notifications/summarize-body';
import type { Logger } from '../logger';
import type { IncomingNotification } from '../store/notification-store';
import { headerPairs } from './header-pairs';
import { isLoopbackHost } from './loopback';
import { isJsonMediaType } from './media-type';
import { readBody } from './read-body';
import type { ReceiverConfig } from './receiver-config';
import { presentedTokens, senderIsVerified } from './shared-token';

export interface WebhookReceiverDeps {
  /** Must resolve only after the notification is durably committed. */
  persist: (notification: IncomingNotification) => Promise<NotificationSummary>;
  onStored: (summary: NotificationSummary) => void;
  onStatus: (status: ReceiverStatus) => void;
  now: () => number;
  log: Logger;
}

/** Slow or stalled senders are cut off instead of holding a socket forever. */
const HEADERS_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 30_000;

export class ReceiverConfigError extends Error {}

/** The HTTP endpoint senders POST notifications to. Answers 2xx only after the row is on disk. */
export class WebhookReceiver {
  private server: Server | null = null;
  private boundPort = 0;
  private rejectedUnauthorized = 0;
  private error: string | null = null;

  constructor(
    private config: ReceiverConfig,
    private readonly deps: WebhookReceiverDeps,
  ) {
    assertSafeConfig(config);
  }

  async start(): Promise<void> {
    const server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        this.deps.log.error('receiver: request failed', { error: String(error) });
        if (!res.headersSent) respond(res, 500, { error: 'The notification could not be stored.' });
      });
    });
    server.headersTimeout = HEADERS_TIMEOUT_MS;
    server.requestTimeout = REQUEST_TIMEOUT_MS;
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(this.config.port, this.config.host, () => {
          server.off('error', reject);
          resolve();
        });
      });
    } catch (error) {
      this.error = describeListenError(error, this.config);
      this.publish();
      throw new ReceiverConfigError(this.error);
    }
    this.server = server;
    this.boundPort = (server.address() as AddressInfo).port;
    this.error = null;
    this.publish();
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
    this.publish();
  }

  /** Path, size limit and token apply to the next request; host and port need a restart. */
  reconfigure(change: Partial<Pick<ReceiverConfig, 'path' | 'maxBodyBytes' | 'secret' | 'secretSource'>>): void {
    const next = { ...this.config, ...change };
    assertSafeConfig(next);
    this.config = next;
    this.publish();
  }

  currentConfig(): ReceiverConfig {
    return this.config;
  }

  status(): ReceiverStatus {
    const listening = this.server !== null;
    const shownHost = this.config.host.includes(':') ? `[${this.config.host}]` : this.config.host;
    return {
      listening,
      url: listening ? `http://${shownHost}:${this.boundPort}${this.config.path}` : null,
      host: this.config.host,
      port: listening ? this.boundPort : this.config.port,
      path: this.config.path,
      maxBodyBytes: this.config.maxBodyBytes,
      secret: this.config.secretSource,
      rejectedUnauthorized: this.rejectedUnauthorized,
      error: this.error,
    };
  }

  private publish(): void {
    this.deps.onStatus(this.status());
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const config = this.config;
    const pathname = new URL(req.url ?? '/', 'http://receiver').pathname;
    if (pathname !== config.path) {
      return refuse(res, 404, `No receiver at ${pathname}; notifications go to ${config.path}.`);
    }
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      return refuse(res, 405, 'Send notifications with POST.');
    }
    if (config.secret && !senderIsVerified(config.secret, presentedTokens(req.headers))) {
      this.rejectedUnauthorized++;
      this.publish();
      return refuse(res, 401, 'Missing or wrong verification token.');
    }
    const declaredLength = Number(req.headers['content-length'] ?? NaN);
    if (declaredLength > config.maxBodyBytes) {
      return refuse(res, 413, `Body larger than the ${config.maxBodyBytes}-byte limit.`);
    }
    const body = await readBody(req, config.maxBodyBytes);
    if (body.kind === 'too-large') {
      return refuse(res, 413, `Body larger than the ${config.maxBodyBytes}-byte limit.`);
    }
    if (body.kind === 'aborted') return;

    const contentType = req.headers['content-type'] ?? null;
    const headers = headerPairs(req.rawHeaders);
    const remoteAddress = req.socket.remoteAddress ?? null;
    const parsed = parseNotificationBody(body.bytes, contentType);
    const facts = parsed.status === 'ok' ? summarizeBody(parsed.json) : null;
    const summary = await this.deps.persist({
      receivedAt: this.deps.now(),
      endpointPath: config.path,
      method: req.method,
      remoteAddress,
      headers,
      contentType,
      body: body.bytes,
      parseStatus: parsed.status,
      parseError: parsed.error,
      verification: config.secret ? 'token' : 'none',
      source: facts?.source ?? senderName(headers, remoteAddress),
      event: facts?.event ?? null,
      resourceTypes: facts?.resourceTypes ?? [],
    });
    if (parsed.status === 'ok') {
      respond(res, 200, { status: 'stored', id: summary.id });
    } else {
      const code = parsed.status === 'unsupported-media-type' ? 415 : 400;
      respond(res, code, { error: parsed.error, id: summary.id, stored: 'kept for inspection, flagged' });
    }
    this.deps.onStored(summary);
  }
}

type ParsedBody =
  | { status: 'ok'; json: unknown; error: null }
  | { status: Exclude<ParseStatus, 'ok'>; json: null; error: string };

function parseNotificationBody(bytes: Buffer, contentType: string | null): ParsedBody {
  // A missing Content-Type is tolerated when the body is JSON; a declared non-JSON type is not.
  if (contentType !== null && !isJsonMediaType(contentType)) {
    return {
      status: 'unsupported-media-type',
      json: null,
      error: `Content-Type ${contentType} is not JSON; send application/json or application/fhir+json.`,
    };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { status: 'ok', json: JSON.parse(text) as unknown, error: null };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { status: 'malformed-json', json: null, error: `Body is not valid JSON: ${reason}` };
  }
}

function respond(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/** Answers without reading the body, and closes the connection so the unread bytes go nowhere. */
function refuse(res: ServerResponse, status: number, message: string): void {
  res.setHeader('Connection', 'close');
  respond(res, status, { error: message });
}

function assertSafeConfig(config: ReceiverConfig): void {
  if (!isLoopbackHost(config.host) && config.secret === null) {
    throw new ReceiverConfigError(
      `The receiver is bound to ${config.host}, which other machines can reach; set a shared token (--receiver-secret) first.`,
    );
  }
}

function describeListenError(error: unknown, config: ReceiverConfig): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') return `Port ${config.port} on ${config.host} is already in use; choose another receiver port.`;
  if (code === 'EACCES') return `Not allowed to listen on ${config.host}:${config.port}.`;
  return `The receiver could not listen on ${config.host}:${config.port}: ${String(error)}`;
}
