import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HandshakeKind, NotificationSummary, Verification } from '../../../shared/contract';
import { deriveNotificationFacts } from '../../../shared/notifications/derive-facts';
import { senderName } from '../../../shared/notifications/sender-name';
import type { Logger } from '../logger';
import type { IncomingNotification, StoredNotification } from '../store/notification-types';
import type { EndpointRegistry, RuntimeEndpoint } from './endpoint-registry';
import { headerPairs } from './header-pairs';
import { parseNotificationBody } from './parse-body';
import { readBody } from './read-body';
import { DEFAULT_TIMEOUTS, type ReceiverConfig, ReceiverConfigError, type ReceiverTimeouts } from './receiver-config';
import { challengeReply, type RedoxHandshake, redoxHandshakeFromBody, redoxHandshakeFromQuery, storedHandshakeBody } from './redox-handshake';
import { presentedTokens, senderIsVerified, tokenMatches } from './shared-token';
import { checkSignedHeaders, type SignedHeaders, verifySignature } from './standard-webhooks-verifier';

export { ReceiverConfigError };

export interface WebhookReceiverDeps {
  registry: EndpointRegistry;
  /** Must resolve only after the notification is durably committed. */
  persist: (notification: IncomingNotification) => Promise<StoredNotification>;
  onStored: (summary: NotificationSummary) => void;
  /** The receiver started, stopped or failed. */
  onListening: () => void;
  /** A request was refused for its credentials (the counter moved). */
  onRejected: (endpointId: number) => void;
  now: () => number;
  log: Logger;
  timeouts?: Partial<ReceiverTimeouts>;
}

/**
 * A sender that presents no token header may still be Redox verifying the destination with the
 * token in the body; such a body is tiny, so that much (and no more) is read before refusing.
 */
const HANDSHAKE_BODY_LIMIT = 4096;

interface Verified {
  verification: Verification;
  detail: string | null;
}

/** The HTTP endpoint senders POST notifications to. Answers 2xx only after the row is on disk. */
export class WebhookReceiver {
  private server: Server | null = null;
  private boundPort = 0;
  private error: string | null = null;
  private readonly timeouts: ReceiverTimeouts;

  constructor(
    private readonly config: ReceiverConfig,
    private readonly deps: WebhookReceiverDeps,
  ) {
    this.timeouts = { ...DEFAULT_TIMEOUTS, ...deps.timeouts };
  }

  async start(): Promise<void> {
    const server = createServer({ connectionsCheckingInterval: this.timeouts.checkIntervalMs }, (req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        this.deps.log.error('receiver: request failed', { error: error instanceof Error ? error.name : 'unknown' });
        if (!res.headersSent) respond(res, 500, { error: 'The notification could not be stored.' });
      });
    });
    server.headersTimeout = this.timeouts.headersMs;
    server.requestTimeout = this.timeouts.requestMs;
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
      this.deps.onListening();
      throw new ReceiverConfigError(this.error);
    }
    this.server = server;
    this.boundPort = (server.address() as AddressInfo).port;
    this.error = null;
    this.deps.onListening();
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
    this.deps.onListening();
  }

  get listening(): boolean {
    return this.server !== null;
  }

  get host(): string {
    return this.config.host;
  }

  /** The port bound, or the one configured while not listening. */
  get port(): number {
    return this.server ? this.boundPort : this.config.port;
  }

  get lastError(): string | null {
    return this.error;
  }

  /** `http://host:port`, without a path; null while not listening. */
  baseUrl(): string | null {
    if (!this.server) return null;
    const shownHost = this.config.host.includes(':') ? `[${this.config.host}]` : this.config.host;
    return `http://${shownHost}:${this.boundPort}`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://receiver');
    const endpoint = this.deps.registry.route(url.pathname);
    if (!endpoint) return refuse(res, 404, `No receiver endpoint at ${url.pathname}.`);
    if (endpoint.error) return refuse(res, 503, 'This endpoint cannot verify senders right now; its owner has been told why.');

    if (req.method === 'GET') {
      const handshake = endpoint.auth === 'hmac' ? null : redoxHandshakeFromQuery(url.searchParams);
      if (handshake) return this.answerRedoxHandshake(req, res, endpoint, handshake, null);
    }
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      return refuse(res, 405, 'Send notifications with POST.');
    }

    // Credentials in headers are checked before the body is read.
    let verified: Verified = { verification: 'none', detail: null };
    let signed: SignedHeaders | null = null;
    let tokenOnlyInBody = false;
    if (endpoint.auth === 'token') {
      const tokens = presentedTokens(req.headers);
      if (tokens.length === 0) tokenOnlyInBody = true;
      else if (endpoint.tokenHash === null || !senderIsVerified(endpoint.tokenHash, tokens)) {
        return this.unauthorized(res, endpoint, 'Missing or wrong verification token.');
      } else verified = { verification: 'token', detail: 'Shared token matched' };
    } else if (endpoint.auth === 'hmac') {
      const check = checkSignedHeaders(req.headers, this.deps.now());
      if (!check.ok) return this.unauthorized(res, endpoint, check.reason);
      signed = check.signed;
    }

    const limit = tokenOnlyInBody ? HANDSHAKE_BODY_LIMIT : endpoint.maxBodyBytes;
    const declaredLength = Number(req.headers['content-length'] ?? NaN);
    if (declaredLength > limit) {
      return tokenOnlyInBody
        ? this.unauthorized(res, endpoint, 'Missing or wrong verification token.')
        : refuse(res, 413, `Body larger than the ${limit}-byte limit.`);
    }
    const body = await readBody(req, limit);
    if (body.kind === 'too-large') {
      return tokenOnlyInBody
        ? this.unauthorized(res, endpoint, 'Missing or wrong verification token.')
        : refuse(res, 413, `Body larger than the ${limit}-byte limit.`);
    }
    if (body.kind === 'aborted') return;

    if (signed) {
      const check = verifySignature(endpoint.hmacKeys, signed, body.bytes);
      if (!check.ok) return this.unauthorized(res, endpoint, check.reason);
      verified = { verification: 'hmac', detail: check.detail };
    }

    const contentType = req.headers['content-type'] ?? null;
    const parsed = parseNotificationBody(body.bytes, contentType);
    if (parsed.status === 'ok' && endpoint.auth !== 'hmac') {
      const handshake = redoxHandshakeFromBody(parsed.json);
      if (handshake) return this.answerRedoxHandshake(req, res, endpoint, handshake, contentType);
    }
    if (tokenOnlyInBody) return this.unauthorized(res, endpoint, 'Missing or wrong verification token.');

    const facts = parsed.status === 'ok' ? deriveNotificationFacts(parsed.json) : null;
    const handshake: HandshakeKind | null = facts?.subscription?.type === 'handshake' ? 'fhir-subscription' : null;
    const headers = headerPairs(req.rawHeaders);
    const remoteAddress = req.socket.remoteAddress ?? null;
    const stored = await this.deps.persist({
      receivedAt: this.deps.now(),
      endpointId: endpoint.id,
      endpointPath: endpoint.path,
      method: 'POST',
      remoteAddress,
      headers,
      contentType,
      body: body.bytes,
      parseStatus: parsed.status,
      parseError: parsed.error,
      verification: verified.verification,
      verificationDetail: verified.detail,
      webhookId: signed?.id ?? null,
      handshake,
      source: facts?.source ?? senderName(headers, remoteAddress),
      facts,
    });
    const id = stored.summary.id;
    if (stored.duplicate) {
      this.deps.registry.countDuplicate(endpoint.id);
      return respond(res, 200, { status: 'duplicate', id });
    }
    if (parsed.status === 'ok') {
      respond(res, 200, handshake ? { status: 'stored', id, handshake } : { status: 'stored', id });
    } else {
      const code = parsed.status === 'unsupported-media-type' ? 415 : 400;
      respond(res, code, { error: parsed.error, id, stored: 'kept for inspection, flagged' });
    }
    this.deps.onStored(stored.summary);
  }

  /** Redox destination verification: check the token, store the handshake (token redacted), echo the challenge. */
  private async answerRedoxHandshake(
    req: IncomingMessage,
    res: ServerResponse,
    endpoint: RuntimeEndpoint,
    handshake: RedoxHandshake,
    contentType: string | null,
  ): Promise<void> {
    let verification: Verification = 'none';
    if (endpoint.auth === 'token') {
      if (endpoint.tokenHash === null || !tokenMatches(endpoint.tokenHash, handshake.token)) {
        return this.unauthorized(res, endpoint, 'Wrong verification token in the verification request.');
      }
      verification = 'token';
    }
    const method = req.method ?? 'GET';
    const text = storedHandshakeBody(handshake);
    const headers = headerPairs(req.rawHeaders);
    const remoteAddress = req.socket.remoteAddress ?? null;
    const stored = await this.deps.persist({
      receivedAt: this.deps.now(),
      endpointId: endpoint.id,
      endpointPath: endpoint.path,
      method,
      remoteAddress,
      headers,
      contentType: contentType ?? 'application/json',
      body: new TextEncoder().encode(text),
      parseStatus: 'ok',
      parseError: null,
      verification,
      verificationDetail: `Redox destination verification (${method}${method === 'GET' ? ' query' : ' body'}): ${
        verification === 'token' ? 'token matched' : 'no token configured'
      }; challenge answered (${endpoint.challengeResponse}). Stored with the token redacted.`,
      webhookId: null,
      handshake: 'redox-verification',
      source: senderName(headers, remoteAddress),
      facts: deriveNotificationFacts(JSON.parse(text) as unknown),
    });
    const reply = challengeReply(handshake.challenge, endpoint.challengeResponse);
    res.writeHead(200, { 'Content-Type': reply.contentType, 'Content-Length': Buffer.byteLength(reply.body) });
    res.end(reply.body);
    this.deps.onStored(stored.summary);
  }

  private unauthorized(res: ServerResponse, endpoint: RuntimeEndpoint, message: string): void {
    this.deps.registry.countRejected(endpoint.id);
    this.deps.onRejected(endpoint.id);
    refuse(res, 401, message);
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

function describeListenError(error: unknown, config: ReceiverConfig): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') return `Port ${config.port} on ${config.host} is already in use; choose another receiver port.`;
  if (code === 'EACCES') return `Not allowed to listen on ${config.host}:${config.port}.`;
  return `The receiver could not listen on ${config.host}:${config.port}: ${String(error)}`;
}
