// undici's request API gives no reason phrase; Node's table supplies it.
import { STATUS_CODES } from 'node:http';
import { rootCertificates } from 'node:tls';
import { Agent, ProxyAgent, request, type Dispatcher } from 'undici';
import type { TlsOptions } from '../../../shared/contract';
import { describeNetworkError } from './http-error';

export interface TransportOptions {
  tls: TlsOptions;
  /** PEM private key for the client certificate (decrypted just before use, never stored here longer). */
  tlsClientKey: string | null;
  proxyUrl: string | null;
  timeoutMs: number;
}

export interface RawRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  signal?: AbortSignal;
}

export interface RawResponse {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: Uint8Array;
}

function headerPairs(headers: Record<string, string | string[] | undefined>): [string, string][] {
  const pairs: [string, string][] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) pairs.push([name, v]);
  }
  return pairs;
}

/**
 * One connection's way onto the network: its TLS trust and client certificate, its proxy and its
 * timeout, in one undici dispatcher (keeping connections alive between requests). Token exchanges
 * go through the same transport, so a proxy or private CA applies to them too.
 */
export class HttpTransport {
  private readonly dispatcher: Dispatcher;

  constructor(private readonly options: TransportOptions) {
    const { tls } = options;
    const connect = {
      // A custom CA is added to Node's bundled roots rather than replacing them.
      ...(tls.caBundlePem ? { ca: [...rootCertificates, tls.caBundlePem] } : {}),
      ...(tls.clientCertPem ? { cert: tls.clientCertPem } : {}),
      ...(options.tlsClientKey ? { key: options.tlsClientKey } : {}),
      rejectUnauthorized: !tls.allowSelfSigned,
    };
    const timeouts = {
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
      connectTimeout: Math.min(options.timeoutMs, 30_000),
    };
    this.dispatcher = options.proxyUrl
      ? new ProxyAgent({ uri: options.proxyUrl, requestTls: connect, ...timeouts })
      : new Agent({ connect, ...timeouts });
  }

  get timeoutMs(): number {
    return this.options.timeoutMs;
  }

  async send(req: RawRequest): Promise<RawResponse> {
    const deadline = AbortSignal.timeout(this.options.timeoutMs);
    const signal = req.signal ? AbortSignal.any([req.signal, deadline]) : deadline;
    try {
      const res = await request(req.url, {
        method: req.method as Dispatcher.HttpMethod,
        headers: req.headers,
        ...(req.body !== undefined ? { body: req.body } : {}),
        signal,
        dispatcher: this.dispatcher,
      });
      const body = new Uint8Array(await res.body.arrayBuffer());
      return {
        status: res.statusCode,
        statusText: STATUS_CODES[res.statusCode] ?? '',
        headers: headerPairs(res.headers),
        body,
      };
    } catch (error) {
      throw describeNetworkError(deadline.aborted ? deadline.reason : error, req.url, this.options.timeoutMs);
    }
  }

  async close(): Promise<void> {
    await this.dispatcher.close().catch(() => undefined);
  }
}
